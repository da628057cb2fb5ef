package io.github.assetgen.core.run;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.ImageHeaders;
import io.github.assetgen.core.files.MediaFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Writes a cached file to its output path so that the file's extension always matches its content:
 * a PNG asked for as {@code .jpg} (or the reverse) is converted; a format that cannot be converted
 * keeps its bytes and gets its real extension. Writes are atomic (see {@link AtomicFiles}).
 *
 * <p>Because the written name can differ from the asked one, two assets can meet at one file
 * ({@code a.webp} arriving as PNG and another asset's {@code a.png}); the placer remembers which
 * asset wrote each path in this build and fails the second instead of letting it overwrite the
 * first. Thread-safe; one per build.
 */
public final class OutputPlacer {

    private final Path outputDirectory;

    /** The asset that wrote each path in this build, by lower-cased path (macOS and Windows ignore case). */
    private final Map<String, String> writers = new ConcurrentHashMap<>();

    OutputPlacer(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /**
     * Where a file of {@code format} asked for at {@code relativeOutput} ends up: there, unless it is
     * a format that cannot be converted to what the extension promises, which keeps its real one.
     * The up-to-date check compares the lock with this, so it and {@link #place} cannot disagree.
     *
     * @param relativeOutput the output path the spec asks for
     * @param format the content's real format
     * @return the path, relative to the output directory, the file is written at
     */
    public static String placedPath(String relativeOutput, MediaFormat format) {
        MediaFormat wanted = MediaFormat.fromExtension(relativeOutput);
        return wanted == format || convertible(format, wanted)
                ? relativeOutput
                : withExtension(relativeOutput, format.extension());
    }

    /**
     * Places {@code source} (of format {@code format}) at {@code relativeOutput} for asset {@code assetId}.
     *
     * @throws AssetFailure when another asset of this build already wrote that file
     */
    OutputFile place(Path source, MediaFormat format, String relativeOutput, String assetId)
            throws IOException, AssetFailure {
        claim(placedPath(relativeOutput, format), relativeOutput, assetId);
        MediaFormat wanted = MediaFormat.fromExtension(relativeOutput);
        if (wanted == format || !convertible(format, wanted)) {
            String relative = placedPath(relativeOutput, format);
            Path target = outputDirectory.resolve(relative);
            // the copy hashes what it writes: a video is not read a second time
            AtomicFiles.Copied copied = AtomicFiles.copy(source, target);
            return new OutputFile(relative, target, copied.size(), copied.sha256(), format);
        }
        Path target = outputDirectory.resolve(relativeOutput);
        AtomicFiles.Copied written = AtomicFiles.write(target, convert(source, wanted));
        return new OutputFile(relativeOutput, target, written.size(), written.sha256(), wanted);
    }

    /** Records that {@code assetId} keeps the file at {@code relative} in this build (it is up to date). */
    void reserve(String relative, String assetId) {
        writers.putIfAbsent(key(relative), assetId);
    }

    private String key(String relative) {
        return outputDirectory.resolve(relative).normalize().toString().toLowerCase(Locale.ROOT);
    }

    private void claim(String relative, String asked, String assetId) throws AssetFailure {
        String writer = writers.putIfAbsent(key(relative), assetId);
        if (writer != null && !writer.equals(assetId)) {
            String how = relative.equals(asked)
                    ? ""
                    : " (asked for as " + asked + ", written as " + relative
                            + " so that the extension matches the content)";
            throw new AssetFailure("output " + relative + how + " is already written by asset '" + writer
                    + "' in this build; give one of them another output");
        }
    }

    static boolean convertible(MediaFormat from, MediaFormat to) {
        return (from == MediaFormat.PNG || from == MediaFormat.JPEG)
                && (to == MediaFormat.PNG || to == MediaFormat.JPEG);
    }

    private static byte[] convert(Path source, MediaFormat wanted) throws IOException {
        // the decoder allocates what the header claims: a few bytes can ask for gigabytes
        Optional<String> refusal = ImageHeaders.refusal(source, MediaFormat.sniff(source), true);
        if (refusal.isPresent()) {
            throw new IOException("cannot convert " + source.getFileName() + " to " + wanted + ": " + refusal.get());
        }
        BufferedImage image = ImageIO.read(source.toFile());
        if (image == null) {
            throw new IOException("cannot decode " + source);
        }
        if (wanted == MediaFormat.JPEG && image.getColorModel().hasAlpha()) {
            // JPEG has no alpha channel: flatten onto white, as browsers show it
            BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = flat.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
            image = flat;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, wanted == MediaFormat.JPEG ? "jpeg" : "png", bytes)) {
            throw new IOException("no ImageIO writer for " + wanted);
        }
        return bytes.toByteArray();
    }

    static String withExtension(String path, String extension) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String stem = dot > slash ? path.substring(0, dot) : path;
        return stem + "." + extension;
    }
}
