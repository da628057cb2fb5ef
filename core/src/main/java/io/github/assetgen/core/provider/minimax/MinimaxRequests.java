package io.github.assetgen.core.provider.minimax;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.minimax.MinimaxWire.ImageRequest;
import io.github.assetgen.core.provider.minimax.MinimaxWire.ImageSubject;
import io.github.assetgen.core.provider.minimax.MinimaxWire.VideoRequest;
import io.github.assetgen.core.provider.minimax.MinimaxWire.VideoSubject;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.request.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a resolved {@link AssetRequest} onto MiniMax's wire names. Parameter values go out with the
 * types the resolver gave them (Integer, Long, Boolean, String), so nothing is re-parsed here.
 */
final class MinimaxRequests {

    /** {@code 768p-6sec}: the neutral video option, split into MiniMax's resolution and duration. */
    private static final Pattern OPTIONS = Pattern.compile("(\\d{3,4})p-(\\d{1,2})sec", Pattern.CASE_INSENSITIVE);

    private static final Pattern SIZE = Pattern.compile("(\\d+)[xX*](\\d+)");

    private MinimaxRequests() {}

    /**
     * The image body. {@code size} becomes {@code width}/{@code height}; MiniMax lets
     * {@code aspect_ratio} win when both are set. The character reference (if any) is sent first,
     * then the references in slot order.
     */
    static ImageRequest image(AssetRequest request, String responseFormat) throws ProviderException {
        Integer width = null;
        Integer height = null;
        String size = request.text("size").orElse(null);
        if (size != null) {
            Matcher m = SIZE.matcher(size.trim());
            if (!m.matches()) {
                throw rejected(request, "size '" + size + "' is not WIDTHxHEIGHT (e.g. 1024x1024)");
            }
            width = Integer.valueOf(m.group(1));
            height = Integer.valueOf(m.group(2));
        }
        List<ImageSubject> subjects = new ArrayList<>();
        for (InputFile file : subjectFiles(request)) {
            subjects.add(new ImageSubject("character", wireImage(request, file)));
        }
        return new ImageRequest(
                request.model(),
                request.prompt(),
                request.text("aspectRatio").orElse(null),
                width,
                height,
                responseFormat,
                request.parameter("quantity").orElse(null),
                request.parameter("seed").orElse(null),
                request.parameter("promptOptimization").orElse(null),
                subjects.isEmpty() ? null : subjects);
    }

    /**
     * The video body. For subject-to-video models ({@code S2V-*}) the first frame is the subject
     * image and goes into {@code subject_reference}; for the others it is {@code first_frame_image}.
     */
    static VideoRequest video(AssetRequest request) throws ProviderException {
        String resolution = null;
        Integer duration = null;
        String options = request.text("options").orElse(null);
        if (options != null) {
            Matcher m = OPTIONS.matcher(options.trim());
            if (!m.matches()) {
                throw rejected(
                        request,
                        "options '" + options
                                + "' is not one MiniMax understands (expected e.g. 768p-6sec or 1080p-6sec)");
            }
            resolution = m.group(1) + "P";
            duration = Integer.valueOf(m.group(2));
        }
        boolean subjectModel = request.model().toUpperCase(Locale.ROOT).startsWith("S2V");
        String firstFrame = null;
        List<VideoSubject> subjects = null;
        if (subjectModel) {
            List<String> images = new ArrayList<>();
            for (InputFile file : subjectFiles(request)) {
                images.add(wireImage(request, file));
            }
            subjects = images.isEmpty() ? null : List.of(new VideoSubject("character", images));
        } else {
            if (!request.references().isEmpty()) {
                // Only subject-to-video models take references; sending the rest would pay for a
                // video that silently ignored them.
                throw rejected(
                        request,
                        "model " + request.model() + " takes no references; use firstFrame"
                                + " (and endFrame), or a subject-to-video model such as S2V-01");
            }
            if (request.firstFrame() != null) {
                firstFrame = wireImage(request, request.firstFrame());
            }
        }
        String lastFrame = request.endFrame() == null ? null : wireImage(request, request.endFrame());
        return new VideoRequest(
                request.model(),
                request.prompt().isEmpty() ? null : request.prompt(),
                request.parameter("promptOptimization").orElse(null),
                duration,
                resolution,
                firstFrame,
                lastFrame,
                subjects);
    }

    /**
     * An image as MiniMax takes it: the https URL as written, or the local file's bytes as a
     * {@code data:} URL (MiniMax has no upload endpoint for image inputs).
     */
    static String wireImage(AssetRequest request, InputFile file) throws ProviderException {
        if (!file.isLocal()) {
            return file.url();
        }
        try {
            byte[] bytes = Files.readAllBytes(file.path());
            String mediaType = file.mediaType() == null ? "image/png" : file.mediaType();
            return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new ProviderException(
                    Kind.REJECTED,
                    MinimaxClassifier.PROVIDER,
                    0,
                    "[" + request.id() + "] cannot read " + file.path() + ": " + e.getMessage(),
                    null,
                    e);
        }
    }

    private static List<InputFile> subjectFiles(AssetRequest request) {
        List<InputFile> files = new ArrayList<>();
        if (request.type() == AssetType.VIDEO) {
            if (request.firstFrame() != null) {
                files.add(request.firstFrame());
            }
        } else if (request.character() != null) {
            files.add(request.character());
        }
        files.addAll(request.references());
        return files;
    }

    private static ProviderException rejected(AssetRequest request, String message) {
        return new ProviderException(Kind.REJECTED, MinimaxClassifier.PROVIDER, "[" + request.id() + "] " + message);
    }
}
