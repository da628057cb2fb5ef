package io.github.assetgen.core.store;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The content-addressed cache of generated files: {@code <dir>/<first two hex>/<key>/} holds
 * {@code 1.<ext>}, {@code 2.<ext>}, ... and {@code entry.json}. An entry is built in
 * {@code <dir>/tmp/.tmp-<random>/} and renamed into place whole, so a reader or a build killed at
 * any moment never sees half an entry. Immutable and safe for many threads and for several
 * processes sharing the directory.
 *
 * <p>Callers should use {@link #find(String)} (sizes only) when planning, and check SHA-256 while
 * they copy a file out ({@link #restore} does), which costs no extra read; an entry that fails is
 * handed to {@link #discard}. {@link Verification#FULL} is for an explicit cache check. Symbolic
 * links and other non-regular files are never followed: an entry holding one is damaged.
 *
 * <p>Damaged entries are reported to the warning sink it is given (the build's log), not to a
 * logger of its own, so the user sees them in the build output.
 */
public final class AssetCache {

    static final String ENTRY_JSON = "entry.json";
    static final String STAGING_DIR = "tmp";

    private static final int STORE_ATTEMPTS = 3;

    private final Path directory;
    private final Clock clock;
    private final Consumer<String> warnings;

    private AssetCache(Path directory, Clock clock, Consumer<String> warnings) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /**
     * A cache rooted at {@code directory} (created on the first store) that stamps entries with
     * {@code clock}.
     *
     * @param directory the cache directory, possibly shared by several builds
     * @param clock the source of {@code createdAt}
     * @param warnings where to report damaged entries, one line each; called from any thread
     * @return the cache
     */
    public static AssetCache withDirectory(Path directory, Clock clock, Consumer<String> warnings) {
        return new AssetCache(directory, clock, warnings);
    }

    /** The cache's root directory. */
    public Path directory() {
        return directory;
    }

    /**
     * The complete entry for {@code key}, checking sizes only; same as {@code find(key, Verification.SIZE)}.
     *
     * @param key the cache key, 64 lower-case hex digits
     * @return the entry, or empty if there is none or it is damaged (a damaged one is moved aside)
     * @throws IOException if the cache directory cannot be read
     */
    public Optional<CacheEntry> find(String key) throws IOException {
        return find(key, Verification.SIZE);
    }

    /**
     * The complete entry for {@code key}. An entry whose {@code entry.json} is missing or does not
     * parse, or whose files are missing or differ from what it records, is reported as a warning,
     * moved aside and treated as missing.
     *
     * @param key the cache key, 64 lower-case hex digits
     * @param verification how much to check
     * @return the entry, or empty if there is none or it is damaged
     * @throws IOException if the cache directory cannot be read
     */
    public Optional<CacheEntry> find(String key, Verification verification) throws IOException {
        Hashing.requireKey(key);
        Path entryDir = entryDirectory(key);
        if (!Files.isDirectory(entryDir, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(entryDir, LinkOption.NOFOLLOW_LINKS)) {
                // a link or a file where an entry belongs would also block every store of the key
                quarantine(key, entryDir, "it is a symbolic link or not a directory");
            }
            return Optional.empty();
        }
        String damage;
        try {
            CacheEntry entry = EntryFile.read(key, entryDir);
            damage = damageOf(entry, verification);
            if (damage == null) {
                return Optional.of(entry);
            }
        } catch (EntryFile.DamagedEntry e) {
            damage = e.getMessage();
        } catch (NoSuchFileException e) {
            damage = "missing " + e.getFile();
        }
        quarantine(key, entryDir, damage);
        return Optional.empty();
    }

    /**
     * Stores copies of {@code files} as the entry for {@code key}. The sources are left untouched.
     * If a complete entry for the key already exists (another build or thread got there first),
     * that one is kept and returned, and ours is discarded.
     *
     * @param key the cache key, 64 lower-case hex digits
     * @param files the generated files in output order; their format is read from their bytes
     * @param metadata how they were made
     * @return the entry now in the cache
     * @throws IOException if a file cannot be read or the entry cannot be written; nothing partial
     *     is then visible under the key
     */
    public CacheEntry store(String key, List<Path> files, EntryMetadata metadata) throws IOException {
        return store(key, files, metadata, false);
    }

    /**
     * Stores the files of a regeneration the user asked for ({@code force}): an entry already under
     * {@code key} is taken out first, so the files just paid for are the ones kept, not thrown away
     * in favour of the old ones.
     *
     * @see #store(String, List, EntryMetadata)
     */
    public CacheEntry replace(String key, List<Path> files, EntryMetadata metadata) throws IOException {
        return store(key, files, metadata, true);
    }

    private CacheEntry store(String key, List<Path> files, EntryMetadata metadata, boolean replacing)
            throws IOException {
        Hashing.requireKey(key);
        Objects.requireNonNull(metadata, "metadata");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a cache entry needs at least one file");
        }
        Path stagingRoot = directory.resolve(STAGING_DIR);
        Files.createDirectories(stagingRoot);
        Path staging = Files.createDirectory(stagingRoot.resolve(AtomicFiles.randomTempName()));
        try {
            Path entryDir = entryDirectory(key);
            List<CachedFile> stored = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path source = files.get(i);
                MediaFormat format = formatOf(source);
                String name = (i + 1) + "." + format.extension();
                AtomicFiles.Copied copied = AtomicFiles.copyAndHash(source, staging.resolve(name));
                stored.add(new CachedFile(name, entryDir.resolve(name), copied.sha256(), copied.size(), format));
            }
            CacheEntry entry = new CacheEntry(
                    key,
                    entryDir,
                    metadata.provider(),
                    metadata.model(),
                    metadata.type(),
                    stored,
                    metadata.credits(),
                    metadata.jobIds(),
                    clock.instant(),
                    metadata.request() != null && key.equals(Hashing.sha256(metadata.request()))
                            ? metadata.request()
                            : null);
            // Written last, so a staging directory with entry.json holds every file it names.
            AtomicFiles.write(staging.resolve(ENTRY_JSON), StoreJson.toBytes(EntryFile.toJson(entry)));
            AtomicFiles.fsyncDirectory(staging);
            Files.createDirectories(entryDir.getParent());
            if (replacing) {
                takeOut(entryDir, "replaced-");
            }
            for (int attempt = 1; attempt <= STORE_ATTEMPTS; attempt++) {
                if (AtomicFiles.moveDirectoryIfAbsent(staging, entryDir)) {
                    AtomicFiles.fsyncDirectory(directory);
                    return entry;
                }
                Optional<CacheEntry> existing = find(key, Verification.SIZE);
                if (existing.isPresent()) {
                    return existing.get();
                }
                // The occupant was damaged and has been moved aside; try again.
            }
            throw new IOException("could not store cache entry " + entryDir + ": something keeps occupying it");
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
    }

    /**
     * Copies the entry's files to {@code targets}, each atomically, checking size and SHA-256 on
     * the way. All files are copied and checked before the first target is replaced.
     *
     * @param entry an entry returned by this cache
     * @param targets one target per file of the entry, in the same order
     * @throws CorruptCacheEntryException if a file no longer matches the entry (the entry is moved
     *     aside, no target is touched; treat the asset as a cache miss)
     * @throws IOException if reading or writing fails
     */
    public void restore(CacheEntry entry, List<Path> targets) throws IOException {
        if (targets.size() != entry.files().size()) {
            throw new IllegalArgumentException("entry " + entry.key() + " has "
                    + entry.files().size() + " files but " + targets.size() + " targets were given");
        }
        List<Path> temps = new ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                CachedFile file = entry.files().get(i);
                Path temp = AtomicFiles.createTempBeside(targets.get(i));
                temps.add(temp);
                AtomicFiles.Copied copied;
                try (InputStream in = openEntryFile(file)) {
                    copied = AtomicFiles.copyAndHash(in, temp);
                } catch (NoSuchFileException e) {
                    throw corrupt(entry, file.name() + " is missing");
                }
                if (copied.size() != file.size() || !copied.sha256().equals(file.sha256())) {
                    throw corrupt(
                            entry,
                            file.name() + " has SHA-256 " + copied.sha256() + " and size " + copied.size()
                                    + ", expected " + file.sha256() + " and " + file.size());
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                AtomicFiles.moveIntoPlace(temps.get(i), targets.get(i));
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Takes an entry whose files turned out other than it or the lock records out of the cache, so it
     * cannot fail every later build, and reports it as a warning naming the entry. What another build
     * removed first is left alone.
     *
     * @param entry an entry returned by this cache
     * @param damage what is wrong, for the warning
     */
    public void discard(CacheEntry entry, String damage) {
        if (replacedSince(entry)) {
            return; // a forced regeneration put new files there since this entry was read: those are fine
        }
        quarantine(entry.key(), entry.directory(), damage);
    }

    /** Whether the entry's directory now holds another entry than {@code entry} (see {@link #replace}). */
    private static boolean replacedSince(CacheEntry entry) {
        try {
            CacheEntry now = EntryFile.read(entry.key(), entry.directory());
            return !now.files().stream()
                            .map(CachedFile::sha256)
                            .toList()
                            .equals(entry.files().stream()
                                    .map(CachedFile::sha256)
                                    .toList())
                    || !now.createdAt().equals(entry.createdAt());
        } catch (IOException | EntryFile.DamagedEntry unreadable) {
            return false; // damaged or gone: taking it out is right, or a no-op
        }
    }

    /**
     * Opens one file of an entry for reading without following a symbolic link.
     *
     * @throws IOException if it is missing, a link, or cannot be read
     */
    public static InputStream openEntryFile(CachedFile file) throws IOException {
        if (!Files.isRegularFile(file.path(), LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.path().toString(), null, "missing, or not a regular file");
        }
        // NOFOLLOW_LINKS as an open option also refuses a link swapped in after the check
        return Files.newInputStream(file.path(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Deletes staging and moved-aside directories left by builds that died, if older than {@code olderThan}.
     *
     * @param olderThan only leftovers last modified before this are deleted; younger ones may be in use
     * @return how many were deleted
     * @throws IOException if the staging directory cannot be listed
     */
    public int cleanStaleTemps(Instant olderThan) throws IOException {
        return AtomicFiles.cleanStaleTemps(directory.resolve(STAGING_DIR), olderThan);
    }

    Path entryDirectory(String key) {
        return directory.resolve(key.substring(0, 2)).resolve(key);
    }

    private CorruptCacheEntryException corrupt(CacheEntry entry, String damage) {
        quarantine(entry.key(), entry.directory(), damage);
        return new CorruptCacheEntryException("cache entry " + entry.directory() + " is damaged: " + damage
                + "; it was moved aside, treat the asset as not cached");
    }

    /**
     * Moves a damaged entry out of the way so the key can be stored again (a rename is instant even
     * for videos), and tells the user once: whoever takes it out of the cache reports it.
     */
    private void quarantine(String key, Path entryDir, String damage) {
        String what = "Cache entry " + key + " is damaged (" + damage + ")";
        try {
            if (!takeOut(entryDir, "damaged-")) {
                return; // another thread or build took it out first, and reported it
            }
        } catch (IOException deleteFailed) {
            warnings.accept(what + " and could not be removed (" + deleteFailed + "); it will be treated as"
                    + " missing, but delete " + entryDir + " by hand.");
            return;
        }
        warnings.accept(what + "; it was taken out of the cache and will be treated as missing.");
    }

    /**
     * Moves an entry's directory aside into staging (where {@link #cleanStaleTemps} deletes it later), or
     * deletes it where it cannot be moved.
     *
     * @return false when it was already gone
     * @throws IOException when it can be neither moved nor deleted
     */
    private boolean takeOut(Path entryDir, String why) throws IOException {
        Path aside = directory
                .resolve(STAGING_DIR)
                .resolve(AtomicFiles.TEMP_PREFIX
                        + why
                        + AtomicFiles.randomTempName().substring(AtomicFiles.TEMP_PREFIX.length()));
        try {
            Files.createDirectories(aside.getParent());
            Files.move(entryDir, aside, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.fsyncDirectory(entryDir.getParent());
            return true;
        } catch (NoSuchFileException alreadyGone) {
            return false;
        } catch (IOException moveFailed) {
            AtomicFiles.deleteRecursively(entryDir);
            return true;
        }
    }

    private static String damageOf(CacheEntry entry, Verification verification) throws IOException {
        for (CachedFile file : entry.files()) {
            if (!Files.isRegularFile(file.path(), LinkOption.NOFOLLOW_LINKS)) {
                return Files.exists(file.path(), LinkOption.NOFOLLOW_LINKS)
                        ? file.name() + " is a symbolic link or not a regular file"
                        : file.name() + " is missing";
            }
            long size = Files.size(file.path());
            if (size != file.size()) {
                return file.name() + " has " + size + " bytes, expected " + file.size();
            }
            if (verification == Verification.FULL) {
                String sha256 = sha256Of(file);
                if (!sha256.equals(file.sha256())) {
                    return file.name() + " has SHA-256 " + sha256 + ", expected " + file.sha256();
                }
            }
        }
        return null;
    }

    private static String sha256Of(CachedFile file) throws IOException {
        MessageDigest digest = Hashing.sha256();
        byte[] buffer = new byte[Hashing.BUFFER_SIZE];
        try (InputStream in = openEntryFile(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return Hashing.hex(digest);
    }

    private static MediaFormat formatOf(Path source) throws IOException {
        MediaFormat sniffed = MediaFormat.sniff(source);
        return sniffed != MediaFormat.UNKNOWN
                ? sniffed
                : MediaFormat.fromExtension(source.getFileName().toString());
    }
}
