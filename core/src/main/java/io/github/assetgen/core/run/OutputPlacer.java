package io.github.assetgen.core.run;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.ImageHeaders;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CachedFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * asset writes (or keeps) each path in this build and fails the second instead of letting it
 * overwrite the first. Thread-safe; one per build.
 */
public final class OutputPlacer {

    private final Path outputDirectory;

    /** The asset that writes each path in this build, by lower-cased path (macOS and Windows ignore case). */
    private final Map<String, String> writers = new ConcurrentHashMap<>();

    OutputPlacer(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /** Records that {@code assetId} keeps the file at {@code relative} in this build (it is up to date). */
    void reserve(String relative, String assetId) {
        writers.putIfAbsent(key(relative), assetId);
    }

    /**
     * Records that {@code assetId} writes a file of {@code format} asked for at {@code relativeOutput};
     * call before staging anything.
     *
     * @throws AssetFailure when another asset of this build already writes or keeps that file
     */
    void claim(String relativeOutput, MediaFormat format, String assetId) throws AssetFailure {
        String relative = placedPath(relativeOutput, format);
        String writer = writers.putIfAbsent(key(relative), assetId);
        if (writer != null && !writer.equals(assetId)) {
            String how = relative.equals(relativeOutput)
                    ? ""
                    : " (asked for as " + relativeOutput + ", written as " + relative
                            + " so that the extension matches the content)";
            throw new AssetFailure("output " + relative + how + " is already written by asset '" + writer
                    + "' in this build; give one of them another output");
        }
    }

    private String key(String relative) {
        return outputDirectory.resolve(relative).normalize().toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Where a file of {@code format} asked for at {@code relativeOutput} ends up: there, unless it is
     * a format that cannot be converted to what the extension promises, which keeps its real one.
     * The up-to-date check compares the lock with this, so it and {@link #stage} cannot disagree.
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
     * A cache file written to a temporary file beside its output and checked, not yet in place: an
     * asset's files are all staged before the first one replaces anything.
     *
     * @param output what {@link #commit} will have written
     */
    record Staged(Path temp, OutputFile output) {}

    /** A cache file whose bytes are not the ones its entry records. */
    static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Copies a cache file to a temporary file beside its output (converted when the output's extension
     * asks for another image format),
     * checking in the same read that it holds the size and SHA-256 its entry records. A symbolic
     * link is not followed.
     *
     * @throws Mismatch if the bytes differ from the entry (nothing is left behind)
     */
    Staged stage(CachedFile file, String relativeOutput) throws IOException, Mismatch {
        MediaFormat wanted = MediaFormat.fromExtension(relativeOutput);
        boolean converts = wanted != file.format() && convertible(file.format(), wanted);
        String relative = converts ? relativeOutput : placedPath(relativeOutput, file.format());
        Path target = outputDirectory.resolve(relative);
        Path temp = AtomicFiles.createTempBeside(target);
        try {
            if (!converts) {
                AtomicFiles.Copied copied;
                try (InputStream in = AssetCache.openEntryFile(file)) {
                    copied = AtomicFiles.copyAndHash(in, temp);
                }
                requireRecorded(file, copied.size(), copied.sha256());
                return new Staged(
                        temp, new OutputFile(relative, target, copied.size(), copied.sha256(), file.format()));
            }
            byte[] source;
            try (InputStream in = AssetCache.openEntryFile(file)) {
                source = in.readAllBytes();
            }
            requireRecorded(file, source.length, Hashing.sha256(source));
            AtomicFiles.Copied written = AtomicFiles.copyAndHash(
                    new ByteArrayInputStream(convert(source, file.format(), file.name(), wanted)), temp);
            return new Staged(temp, new OutputFile(relative, target, written.size(), written.sha256(), wanted));
        } catch (IOException | Mismatch | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Moves a staged file over its output. */
    static void commit(Staged staged) throws IOException {
        AtomicFiles.moveIntoPlace(staged.temp(), staged.output().path());
    }

    /** Deletes a staged file that will not be placed; one already committed is gone already. */
    static void discard(Staged staged) throws IOException {
        Files.deleteIfExists(staged.temp());
    }

    private static void requireRecorded(CachedFile file, long size, String sha256) throws Mismatch {
        if (size != file.size() || !sha256.equals(file.sha256())) {
            throw new Mismatch(file.name() + " has SHA-256 " + sha256 + " and size " + size + ", its entry records "
                    + file.sha256() + " and " + file.size());
        }
    }

    static boolean convertible(MediaFormat from, MediaFormat to) {
        return (from == MediaFormat.PNG || from == MediaFormat.JPEG)
                && (to == MediaFormat.PNG || to == MediaFormat.JPEG);
    }

    private static byte[] convert(byte[] source, MediaFormat format, String name, MediaFormat wanted)
            throws IOException {
        // the decoder allocates what the header claims: a few bytes can ask for gigabytes
        Optional<String> refusal = ImageHeaders.refusal(source, format, true);
        if (refusal.isPresent()) {
            throw new IOException("cannot convert " + name + " to " + wanted + ": " + refusal.get());
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(source));
        if (image == null) {
            throw new IOException("cannot decode the image to convert it to " + wanted);
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
