package io.github.assetgen.core.store;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.provider.Cost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed {@code assets.lock.json}: per asset id, the key, provider, model, output files with
 * SHA-256 and size, what they cost as a number and a unit, job ids and generation time; a partial
 * batch also says how many of its files came back. Written byte-for-byte stable (assets
 * sorted by id, fixed key order, two-space indent, LF, trailing newline) so a diff shows only what
 * changed. Immutable and thread-safe; {@link #with} and {@link #without} return new instances.
 */
public final class LockFile {

    /** The lock file's conventional name, beside the project's pom.xml. */
    public static final String FILE_NAME = "assets.lock.json";

    private static final LockFile EMPTY = new LockFile(new TreeMap<>());

    private final SortedMap<String, Entry> entries;

    /** SHA-256 of the bytes this lock was read from, or null when it was built in memory. */
    private final String sourceSha256;

    /** {@link #toBytes()}, once computed. */
    private volatile byte[] bytes;

    /** The first entry (by id) of each key, once asked for. */
    private volatile Map<String, Entry> byKey;

    private LockFile(SortedMap<String, Entry> entries) {
        this(entries, null);
    }

    private LockFile(SortedMap<String, Entry> entries, String sourceSha256) {
        this.entries = Collections.unmodifiableSortedMap(entries);
        this.sourceSha256 = sourceSha256;
    }

    /**
     * The lock of one asset. Immutable.
     *
     * @param id the asset id
     * @param key the cache key
     * @param provider the provider name
     * @param model the model name as sent
     * @param files the output files in output order; fewer than asked for when {@code partial} is set
     * @param cost what the files cost: the estimate at submission, or what the provider charged
     *     where that is known (a partial batch); never null
     * @param partial how many of the batch's files came back, or null for a complete asset
     * @param jobIds the provider's job ids
     * @param generatedAt ISO-8601 instant of the generation; unchanged until the asset is regenerated
     * @param pick the candidate (1-based) the asset's one file is, when the spec picks one; else null
     */
    public record Entry(
            String id,
            String key,
            String provider,
            String model,
            List<LockedFile> files,
            Cost cost,
            Partial partial,
            List<String> jobIds,
            String generatedAt,
            Integer pick) {

        /** The entry of an asset that writes every candidate. */
        public Entry(
                String id,
                String key,
                String provider,
                String model,
                List<LockedFile> files,
                Cost cost,
                Partial partial,
                List<String> jobIds,
                String generatedAt) {
            this(id, key, provider, model, files, cost, partial, jobIds, generatedAt, null);
        }

        public Entry {
            Objects.requireNonNull(cost, "cost");
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("an asset id must not be blank");
            }
            Hashing.requireKey(key);
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(generatedAt, "generatedAt");
            files = List.copyOf(files);
            jobIds = List.copyOf(jobIds);
            if (pick != null && pick < 1) {
                throw new IllegalArgumentException("pick " + pick + " is not a candidate number (1 or more)");
            }
            if (partial != null && partial.have() != files.size()) {
                throw new IllegalArgumentException("partial says " + partial.have() + " of " + partial.of() + " but "
                        + files.size() + " files are listed");
            }
        }
    }

    /**
     * A batch of which only some files came back (the rest failed or were moderated): the lock
     * holds the {@code have} files it got, the next build buys only the missing ones. Immutable.
     */
    public record Partial(int have, int of) {

        public Partial {
            if (have < 1 || have >= of) {
                throw new IllegalArgumentException("a partial batch has 1 to " + (of - 1) + " of " + of + " files");
            }
        }
    }

    /**
     * One output file. Immutable.
     *
     * @param path relative to the output directory, with {@code /} separators on every OS
     * @param sha256 lower-case hex SHA-256 of the bytes
     * @param size bytes
     */
    public record LockedFile(String path, String sha256, long size) {

        public LockedFile {
            Objects.requireNonNull(path, "path");
            if (path.isEmpty()
                    || path.startsWith("/")
                    || path.contains("\\")
                    || path.contains(":")
                    || Arrays.asList(path.split("/", -1)).stream()
                            .anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
                throw new IllegalArgumentException(
                        "\"" + path + "\" is not a relative path inside the output directory with / separators");
            }
            if (!Hashing.isSha256Hex(sha256)) {
                throw new IllegalArgumentException("\"" + sha256 + "\" is not a lower-case hex SHA-256");
            }
            if (size < 0) {
                throw new IllegalArgumentException("a size cannot be negative");
            }
        }

        /**
         * Describes a file as it is now: its path relative to {@code outputDir}, SHA-256 and size.
         *
         * @param outputDir the output directory
         * @param file a file inside it
         * @return the description
         * @throws IOException if the file cannot be read
         */
        public static LockedFile describe(Path outputDir, Path file) throws IOException {
            Path relative = outputDir
                    .toAbsolutePath()
                    .normalize()
                    .relativize(file.toAbsolutePath().normalize());
            List<String> parts = new ArrayList<>();
            relative.forEach(part -> parts.add(part.toString()));
            return new LockedFile(String.join("/", parts), Hashing.sha256(file), Files.size(file));
        }
    }

    /** A lock with no assets. */
    public static LockFile empty() {
        return EMPTY;
    }

    /**
     * Reads a lock file.
     *
     * @param file the lock file
     * @return its content, or an empty lock if the file does not exist
     * @throws LockFileException if the file is not a valid lock file (the message names file, line and column)
     * @throws IOException if the file cannot be read
     */
    public static LockFile read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return EMPTY;
        }
        String sha256 = Hashing.sha256(bytes);
        Path where = file.toAbsolutePath().normalize();
        LockFile known = LastReadLocks.find(where, sha256);
        if (known != null) {
            return known;
        }
        LockFile parsed = new LockFile(LockFileJson.parse(file, bytes), sha256);
        LastReadLocks.remember(where, parsed);
        return parsed;
    }

    /**
     * The SHA-256 of the bytes this lock was read from, to tell whether a file still holds them;
     * empty for a lock made in memory ({@link #with}, {@link #without}, an absent file).
     */
    public Optional<String> sourceSha256() {
        return Optional.ofNullable(sourceSha256);
    }

    /** The assets, sorted by id. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The ids of the assets, sorted. */
    public Set<String> ids() {
        return entries.keySet();
    }

    /**
     * The lock of one asset.
     *
     * @param id the asset id
     * @return its entry, or empty if the asset is not locked
     */
    public Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * The lock of any asset bought with this cache key: the first by id when several share it (a
     * renamed asset whose lock was not rebuilt, or two assets with one request).
     */
    public Optional<Entry> findByKey(String key) {
        Map<String, Entry> index = byKey;
        if (index == null) {
            Map<String, Entry> built = new HashMap<>();
            for (Entry entry : entries.values()) {
                built.putIfAbsent(entry.key(), entry);
            }
            byKey = index = built;
        }
        return Optional.ofNullable(index.get(key));
    }

    /** This lock with {@code entry} added or replacing the entry of the same id. */
    public LockFile with(Entry entry) {
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        copy.put(entry.id(), entry);
        return new LockFile(copy);
    }

    /** This lock with each of {@code added} added or replacing the entry of the same id; one copy for all. */
    public LockFile withAll(Collection<Entry> added) {
        if (added.isEmpty()) {
            return this;
        }
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        added.forEach(entry -> copy.put(entry.id(), entry));
        return new LockFile(copy);
    }

    /** This lock without the asset {@code id}. */
    public LockFile without(String id) {
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        copy.remove(id);
        return new LockFile(copy);
    }

    /** This lock keeping only the given ids, to drop assets whose specs were deleted. */
    public LockFile retainOnly(Collection<String> ids) {
        SortedMap<String, Entry> copy = new TreeMap<>(entries);
        copy.keySet().retainAll(Set.copyOf(ids));
        return new LockFile(copy);
    }

    /** The exact bytes {@link #write} writes. */
    public byte[] toBytes() {
        byte[] known = bytes;
        if (known == null) {
            known = LockFileJson.serialize(entries.values());
            bytes = known;
        }
        return known.clone();
    }

    /**
     * Writes the lock atomically, unless the file already holds exactly these bytes (so its
     * timestamp does not change and tools watching it stay quiet).
     *
     * @param file the lock file
     * @return true if the file was written
     * @throws IOException if it cannot be written; the old file is then unchanged
     */
    public boolean write(Path file) throws IOException {
        return write(file, file.toAbsolutePath().getParent());
    }

    /**
     * Like {@link #write(Path)}, with the temporary file made in {@code scratchDirectory} (under
     * {@code target/}) so a build killed mid-write leaves nothing beside the committed lock.
     *
     * @param file the lock file
     * @param scratchDirectory where the new content is written before it is renamed over the lock
     * @return true if the file was written
     * @throws IOException if it cannot be written; the old file is then unchanged
     */
    public boolean write(Path file, Path scratchDirectory) throws IOException {
        byte[] bytes = toBytes();
        try {
            if (Arrays.equals(Files.readAllBytes(file), bytes)) {
                return false;
            }
        } catch (NoSuchFileException e) {
            // first write
        }
        AtomicFiles.write(file, bytes, scratchDirectory);
        return true;
    }

    /**
     * Whether an asset's outputs are exactly what the lock records: every file exists with the
     * recorded size and SHA-256. Sizes are compared first, so a changed file is usually caught
     * without reading it. Modification times are not used: the lock is committed and clones have
     * their own.
     *
     * @param entry the asset's lock
     * @param outputDir the output directory the paths are relative to
     * @return true if no file is missing or different
     * @throws IOException if a file exists but cannot be read
     */
    public static boolean upToDate(Entry entry, Path outputDir) throws IOException {
        return upToDate(entry, outputDir, OutputStamps.none());
    }

    /**
     * Like {@link #upToDate(Entry, Path)}, but a file whose stamp of an earlier build vouches for
     * its SHA-256 is not read again (see {@link OutputStamps}); the files it hashes are stamped.
     *
     * @param stamps this build directory's stamps
     */
    public static boolean upToDate(Entry entry, Path outputDir, OutputStamps stamps) throws IOException {
        return LockedOutputs.match(entry, outputDir, stamps);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockFile that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "LockFile" + entries.keySet();
    }
}
