package io.github.assetgen.core.provider.placeholder;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The {@code placeholder} provider: renders every asset locally, with no key and no network, so the
 * whole pipeline runs for free. Images are PNG (JPEG when the output ends in {@code .jpg} or
 * {@code .jpeg}; a {@code .webp} output gets PNG, since the JDK cannot write WebP); videos are
 * H.264 MP4. Each shows the prompt, the model, the asset id and its size.
 *
 * <p>Renders are deterministic: the same request gives the same bytes. Videos need even
 * dimensions, so an odd width or height is rounded up by one pixel. Thread-safe.
 */
public final class PlaceholderClient implements ProviderClient {

    /** The provider name used in specs. */
    public static final String NAME = PlaceholderProvider.NAME;

    /** Larger images would need hundreds of megabytes of heap. */
    static final long MAX_IMAGE_PIXELS = 40_000_000L;

    static final int MAX_IMAGE_SIDE = 8192;
    static final int MAX_VIDEO_SIDE = 4096;
    static final int MAX_VIDEO_SECONDS = 120;

    /** Bump when the pictures change, so old renders in the work directory are not reused. */
    private static final String RENDER_VERSION = "1";

    private static final String KIND = "render";
    private static final float JPEG_QUALITY = 0.9f;

    private final PlaceholderSizer sizer;
    private final Path workDirectory;

    /**
     * @param sizer the size each request's model would render
     * @param workDirectory where renders are written; created when missing
     */
    public PlaceholderClient(PlaceholderSizer sizer, Path workDirectory) {
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Renders every output now; the result is complete, so no polling is needed. */
    @Override
    public SubmitResult submit(AssetRequest request) throws ProviderException {
        PlaceholderSizer.Size size = checkedSize(request);
        String renderId = renderId(request, size);
        List<ResultLocation> results = new ArrayList<>();
        try {
            Files.createDirectories(workDirectory);
            int count = request.expectedFiles();
            for (int i = 0; i < count; i++) {
                MediaFormat format = formatOf(request.type(), request.outputs().get(i));
                Path file = workDirectory.resolve(renderId + "-" + (i + 1) + "." + format.extension());
                // renders are deterministic, so a finished file from an earlier build is this render
                if (!Files.isRegularFile(file)) {
                    render(request, size, i, count, format, file);
                }
                results.add(ResultLocation.ofLocalFile(file));
            }
        } catch (IOException | RuntimeException e) {
            throw new ProviderException(
                    ProviderException.Kind.REJECTED,
                    NAME,
                    0,
                    "could not render placeholder for '" + request.id() + "': " + e,
                    null,
                    e);
        }
        return SubmitResult.completed(List.of(new JobRef(NAME, KIND, renderId)), results);
    }

    /** Finds the renders of a job in the work directory (they exist once submit returned). */
    @Override
    public JobState poll(JobRef job) throws ProviderException {
        if (!NAME.equals(job.provider())) {
            throw new ProviderException(
                    ProviderException.Kind.REJECTED,
                    NAME,
                    "job " + job.id() + " belongs to provider " + job.provider() + ", not " + NAME);
        }
        Pattern name = Pattern.compile(Pattern.quote(job.id()) + "-(\\d{1,6})\\.(png|jpg|mp4)");
        List<Path> files;
        try (Stream<Path> listing = Files.exists(workDirectory) ? Files.list(workDirectory) : Stream.empty()) {
            files = listing.filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(p -> index(name, p)))
                    .toList();
        } catch (IOException e) {
            throw new ProviderException(
                    ProviderException.Kind.RETRYABLE,
                    NAME,
                    0,
                    "could not list " + workDirectory + ": " + e.getMessage(),
                    null,
                    e);
        }
        if (files.isEmpty()) {
            return new JobState.Failed(
                    "placeholder render " + job.id() + " is no longer in " + workDirectory
                            + "; run the build again to render it anew",
                    false);
        }
        return new JobState.Succeeded(
                files.stream().map(ResultLocation::ofLocalFile).toList());
    }

    /** Copies a render to {@code target} through a temporary file beside it, then an atomic move. */
    @Override
    public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
        Path source = result.localFile();
        if (source == null) {
            throw new ProviderException(
                    ProviderException.Kind.REJECTED, NAME, "the placeholder only copies local renders, not " + result);
        }
        try {
            AtomicFiles.Copied copied = AtomicFiles.copy(source, target);
            return new DownloadedFile(target, copied.format(), copied.size(), copied.sha256());
        } catch (NoSuchFileException e) {
            throw new ProviderException(
                    ProviderException.Kind.REJECTED,
                    NAME,
                    0,
                    "placeholder render " + source + " is gone; run the build again to render it anew",
                    null,
                    e);
        } catch (IOException e) {
            throw new ProviderException(
                    ProviderException.Kind.REJECTED,
                    NAME,
                    0,
                    "could not copy placeholder render " + source + " to " + target + ": " + e,
                    null,
                    e);
        }
    }

    /** The format a render for this output gets: MP4 for videos, JPEG or PNG for images. */
    static MediaFormat formatOf(AssetType type, String output) {
        if (type == AssetType.VIDEO) {
            return MediaFormat.MP4;
        }
        return MediaFormat.fromExtension(output) == MediaFormat.JPEG ? MediaFormat.JPEG : MediaFormat.PNG;
    }

    private PlaceholderSizer.Size checkedSize(AssetRequest request) throws ProviderException {
        PlaceholderSizer.Size size;
        try {
            size = sizer.sizeOf(request);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(
                    ProviderException.Kind.REJECTED,
                    NAME,
                    0,
                    "no placeholder size for '" + request.id() + "' (" + request.model() + "): " + e.getMessage(),
                    null,
                    e);
        }
        String problem = null;
        if (request.type() == AssetType.VIDEO) {
            if (size.durationSeconds() < 1 || size.durationSeconds() > MAX_VIDEO_SECONDS) {
                problem = "a video of " + size.durationSeconds() + " s (1 to " + MAX_VIDEO_SECONDS + " s)";
            } else if (size.width() > MAX_VIDEO_SIDE || size.height() > MAX_VIDEO_SIDE) {
                problem = "a video of " + size.width() + "x" + size.height() + " (at most " + MAX_VIDEO_SIDE
                        + " pixels a side)";
            }
        } else if (size.width() > MAX_IMAGE_SIDE
                || size.height() > MAX_IMAGE_SIDE
                || (long) size.width() * size.height() > MAX_IMAGE_PIXELS) {
            problem = "an image of " + size.width() + "x" + size.height() + " (at most " + MAX_IMAGE_SIDE
                    + " pixels a side and " + MAX_IMAGE_PIXELS / 1_000_000 + " megapixels)";
        }
        if (problem != null) {
            throw new ProviderException(
                    ProviderException.Kind.REJECTED,
                    NAME,
                    "the placeholder cannot render " + problem + " for '" + request.id() + "' (" + request.model()
                            + ")");
        }
        if (request.type() == AssetType.VIDEO) {
            return new PlaceholderSizer.Size(
                    Mp4Renderer.even(size.width()), Mp4Renderer.even(size.height()), size.durationSeconds());
        }
        return new PlaceholderSizer.Size(size.width(), size.height(), 0);
    }

    /** Everything that changes the pixels, hashed; also the job id. */
    static String renderId(AssetRequest request, PlaceholderSizer.Size size) {
        StringBuilder identity = new StringBuilder();
        append(identity, RENDER_VERSION);
        append(identity, request.type().specName());
        append(identity, request.model());
        append(identity, request.id());
        append(identity, request.prompt());
        append(identity, size.width() + "x" + size.height() + "x" + size.durationSeconds());
        for (Map.Entry<String, Object> parameter : request.parameters().entrySet()) {
            append(identity, parameter.getKey() + "=" + parameter.getValue());
        }
        for (String output : request.outputs()) {
            append(identity, formatOf(request.type(), output).name());
        }
        return Hashing.sha256(identity.toString()).substring(0, 24);
    }

    // length-prefixed, so no two different field lists hash the same text
    private static void append(StringBuilder identity, String field) {
        identity.append(field.length()).append(':').append(field).append('\n');
    }

    private void render(
            AssetRequest request, PlaceholderSizer.Size size, int index, int count, MediaFormat format, Path file)
            throws IOException {
        String header = "PLACEHOLDER \u00b7 " + size.width() + "\u00d7" + size.height()
                + (request.type() == AssetType.VIDEO ? " \u00b7 " + size.durationSeconds() + " s" : "");
        String footer =
                request.model() + " \u00b7 " + request.id() + (count > 1 ? " \u00b7 " + (index + 1) + "/" + count : "");
        PlaceholderPainter painter =
                new PlaceholderPainter(size.width(), size.height(), request.prompt(), index, header, footer);
        Path temp = AtomicFiles.createTempBeside(file);
        try {
            if (format == MediaFormat.MP4) {
                Mp4Renderer.render(painter, size.durationSeconds(), temp);
            } else {
                writeImage(painter.paint(), format, temp);
            }
            AtomicFiles.moveIntoPlace(temp, file);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void writeImage(BufferedImage image, MediaFormat format, Path file) throws IOException {
        String formatName = format == MediaFormat.JPEG ? "jpeg" : "png";
        ImageWriter writer = ImageIO.getImageWritersByFormatName(formatName).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == MediaFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the real failure is already being reported
        }
    }

    private static int index(Pattern name, Path file) {
        Matcher matcher = name.matcher(file.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }
}
