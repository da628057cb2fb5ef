package io.github.assetgen.core.store.shared;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the shared cache holds for one cache key: the files in output order and where they came
 * from. Immutable. The constructor refuses anything a hostile or broken server could use to escape
 * a directory or to lie about a file, so a manifest that exists is safe to act on.
 *
 * @param key the cache key (64 lower-case hex digits)
 * @param provider the provider that generated the files
 * @param model the model name as sent
 * @param type {@code image} or {@code video}, or null if unknown
 * @param files the files in output order, at least one, names unique
 * @param credits what the generation cost ({@code "0.25 USD"}), or null if unknown
 * @param jobIds the provider's job ids (may be empty)
 * @param createdAt when the entry was first generated
 */
public record Manifest(
        String key,
        String provider,
        String model,
        String type,
        List<FileRef> files,
        String credits,
        List<String> jobIds,
        Instant createdAt) {

    /** The manifest format this code writes and reads; another number is not understood. */
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        Hashing.requireKey(key);
        requireText(provider, "provider");
        requireText(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a manifest lists at least one file");
        }
        Set<String> names = new HashSet<>();
        for (FileRef file : files) {
            if (!names.add(file.name())) {
                throw new IllegalArgumentException("a manifest names the file " + file.name() + " twice");
            }
        }
    }

    /**
     * One file of a manifest, stored on the server once per distinct content.
     *
     * @param name the file's name in the entry ({@code 1.png}); a plain name, never a path
     * @param sha256 lower-case hex SHA-256 of its bytes; also its address on the server
     * @param size its length in bytes
     * @param format the format read from its magic bytes
     */
    public record FileRef(String name, String sha256, long size, MediaFormat format) {

        public FileRef {
            requireText(name, "file name");
            if (name.equals(".")
                    || name.equals("..")
                    || name.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20)) {
                throw new IllegalArgumentException("a manifest file name must be a plain file name, got: " + name);
            }
            if (!Hashing.isSha256Hex(sha256)) {
                throw new IllegalArgumentException("file " + name + " has no valid SHA-256: " + sha256);
            }
            if (size < 0) {
                throw new IllegalArgumentException("file " + name + " has a negative size");
            }
            format = format == null ? MediaFormat.UNKNOWN : format;
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a manifest needs a " + what);
        }
    }
}
