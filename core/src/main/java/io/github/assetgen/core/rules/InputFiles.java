package io.github.assetgen.core.rules;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.ImageHeaders;
import io.github.assetgen.core.files.MediaFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Local input files read during one validation. Each file is read and hashed once, however many
 * assets use it.
 */
final class InputFiles {

    /**
     * What is known of one local file.
     *
     * @param problem why the file cannot be used (missing, unreadable), or null
     * @param dimensions width and height from the header, or null when unreadable
     */
    record LocalFile(Path path, String problem, long size, String sha256, MediaFormat format, int[] dimensions) {}

    private final Map<Path, LocalFile> cache = new HashMap<>();

    /**
     * Where {@code path} really is (after symbolic links) when that is outside {@code root}, else
     * null. A missing file is not outside: {@link #load} reports it.
     */
    String outsideRoot(Path path, Path root) {
        if (root == null) {
            return null;
        }
        try {
            Path real = path.toRealPath();
            Path realRoot = root.toAbsolutePath().normalize();
            try {
                realRoot = realRoot.toRealPath();
            } catch (IOException e) {
                // a root that does not exist confines to its own name
            }
            return real.startsWith(realRoot) ? null : real.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** The largest input file read: well above every provider's own limit (MiniMax's 20 MB). */
    static final long MAX_READ_BYTES = 64L << 20;

    LocalFile load(Path path) {
        return cache.computeIfAbsent(path.toAbsolutePath().normalize(), InputFiles::read);
    }

    private static LocalFile read(Path path) {
        if (!Files.exists(path)) {
            return new LocalFile(path, "does not exist", 0, null, MediaFormat.UNKNOWN, null);
        }
        if (!Files.isRegularFile(path)) {
            return new LocalFile(path, "is not a file", 0, null, MediaFormat.UNKNOWN, null);
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_READ_BYTES) {
                // every provider's limit is far lower: read no further than the size (3 GB would not fit)
                return new LocalFile(
                        path,
                        "is " + (size >> 20) + " MB; a reference image must be at most a few MB (files over "
                                + (MAX_READ_BYTES >> 20) + " MB are not read)",
                        size,
                        null,
                        MediaFormat.UNKNOWN,
                        null);
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return new LocalFile(
                    path, "cannot be read (" + e.getClass().getSimpleName() + ")", 0, null, MediaFormat.UNKNOWN, null);
        }
        MediaFormat format = MediaFormat.sniff(bytes, bytes.length);
        Optional<int[]> dims = ImageHeaders.dimensions(bytes, format);
        return new LocalFile(path, null, bytes.length, Hashing.sha256(bytes), format, dims.orElse(null));
    }
}
