package io.github.assetgen.core.store;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.provider.FileIdMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link FileIdMemory} kept in the cache directory, so a reference image is uploaded once across
 * builds: {@code <cacheDir>/uploads/<provider>/<account or _default>/<sha256>} holds the file id.
 * An in-memory map answers repeated questions. Thread-safe, and safe for builds sharing the cache.
 */
public final class PersistentFileIdMemory implements FileIdMemory {

    static final String DIRECTORY = "uploads";
    static final String DEFAULT_ACCOUNT = "_default";

    private final Path directory;
    private final ConcurrentMap<Path, String> known = new ConcurrentHashMap<>();

    private PersistentFileIdMemory(Path directory) {
        this.directory = directory;
    }

    /**
     * The memory under {@code <cacheDir>/uploads/}.
     *
     * @param cacheDir the cache directory
     * @return the memory
     */
    public static PersistentFileIdMemory withDirectory(Path cacheDir) {
        return new PersistentFileIdMemory(cacheDir.toAbsolutePath().normalize().resolve(DIRECTORY));
    }

    /**
     * The file id remembered for these bytes on this account.
     *
     * @throws UncheckedIOException if the remembered id exists but cannot be read
     */
    @Override
    public Optional<String> find(String provider, String account, String sha256) {
        Path file = fileOf(provider, account, sha256);
        String id = known.get(file);
        if (id != null) {
            return Optional.of(id);
        }
        try {
            id = readId(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read remembered upload " + file, e);
        }
        if (id == null) {
            return Optional.empty();
        }
        known.put(file, id);
        return Optional.of(id);
    }

    /**
     * Remembers a file id, on disk atomically and in memory.
     *
     * @throws UncheckedIOException if it cannot be written (the interface has no checked exceptions)
     */
    @Override
    public void remember(String provider, String account, String sha256, String fileId) {
        Objects.requireNonNull(fileId, "fileId");
        Path file = fileOf(provider, account, sha256);
        try {
            AtomicFiles.write(file, (fileId + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember upload " + file, e);
        }
        known.put(file, fileId);
    }

    /**
     * Forgets a file id, on disk and in memory, only while it is still the one remembered. Another
     * build may write a fresh id between the check and the delete; losing it costs one more upload
     * (free), never a create, so no finer locking is needed.
     *
     * @throws UncheckedIOException if the remembered id cannot be read or removed
     */
    @Override
    public void forget(String provider, String account, String sha256, String fileId) {
        Objects.requireNonNull(fileId, "fileId");
        Path file = fileOf(provider, account, sha256);
        known.remove(file, fileId);
        try {
            if (fileId.equals(readId(file)) && Files.deleteIfExists(file)) {
                AtomicFiles.fsyncDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forget remembered upload " + file, e);
        }
    }

    /** The id in a remembered-upload file, or null if there is none. */
    private static String readId(Path file) throws IOException {
        String id;
        try {
            id = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return null;
        }
        return id.isEmpty() ? null : id;
    }

    private Path fileOf(String provider, String account, String sha256) {
        if (!Hashing.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("\"" + sha256 + "\" is not a lower-case hex SHA-256");
        }
        String accountSegment = account == null || account.isBlank() ? DEFAULT_ACCOUNT : segment(account);
        return directory
                .resolve(segment(Objects.requireNonNull(provider, "provider")))
                .resolve(accountSegment)
                .resolve(sha256);
    }

    /**
     * Makes a name safe as one path segment on every OS: letters, digits, '-', '.', '@' and '_' stay;
     * anything else, a leading '.' or '_' (reserved for {@value #DEFAULT_ACCOUNT}) becomes %XX.
     */
    static String segment(String name) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z')
                    || (b >= 'A' && b <= 'Z')
                    || (b >= '0' && b <= '9')
                    || b == '-'
                    || b == '@'
                    || ((b == '.' || b == '_') && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b));
            }
        }
        return out.toString();
    }
}
