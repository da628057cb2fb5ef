package io.github.assetgen.core.api;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.KeyLock;
import io.github.assetgen.core.store.PersistentFileIdMemory;
import io.github.assetgen.core.wording.Advice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The on-disk state of a build, opened once: cache, journal, key locks, remembered uploads; and the
 * clean-up of what a killed build left in the build's directories. Not thread-safe itself; the parts
 * it opens are.
 */
final class Stores {

    private final AssetCache cache;
    private final Journal journal;
    private final KeyLock locks;
    private final FileIdMemory fileIds;
    private final Path outputDirectory;

    private Stores(AssetCache cache, Journal journal, KeyLock locks, FileIdMemory fileIds, Path outputDirectory) {
        this.cache = cache;
        this.journal = journal;
        this.locks = locks;
        this.fileIds = fileIds;
        this.outputDirectory = outputDirectory;
    }

    /**
     * Opens the stores under {@code cacheDirectory}.
     *
     * @param log where damaged cache entries and unreadable journal files are reported, so they
     *     appear in the build's output (Maven's log) rather than in a logger the user never sees
     */
    static Stores open(Path cacheDirectory, Path outputDirectory, Clock clock, BuildLog log) throws IOException {
        if (Files.exists(cacheDirectory) && !Files.isDirectory(cacheDirectory)) {
            // said once, here: otherwise the journal, the cache and the locks each fail on a path below it
            throw new IOException(cacheDirectory + " is a file, not a folder: point "
                    + Advice.parameter("cacheDirectory") + " at a folder, or move the file away");
        }
        return new Stores(
                AssetCache.withDirectory(cacheDirectory, clock, log::warn),
                Journal.withDirectory(cacheDirectory, clock, log::warn),
                KeyLock.withDirectory(cacheDirectory),
                PersistentFileIdMemory.withDirectory(cacheDirectory),
                outputDirectory);
    }

    AssetCache cache() {
        return cache;
    }

    Journal journal() {
        return journal;
    }

    KeyLock locks() {
        return locks;
    }

    FileIdMemory fileIds() {
        return fileIds;
    }

    /**
     * Removes temporary files a killed build left behind. Only old ones: a build running in
     * parallel on the same cache may be writing its own right now.
     */
    void cleanLeftovers(Path reportDirectory, Instant now) throws IOException {
        Instant old = now.minus(Duration.ofHours(1));
        AtomicFiles.cleanStaleTempsUnder(outputDirectory, now.minus(Duration.ofMinutes(1)));
        // a killed lock or report write leaves its temporary file here; each is written in milliseconds
        AtomicFiles.cleanStaleTemps(reportDirectory, now.minus(Duration.ofSeconds(10)));
        cache.cleanStaleTemps(old);
        journal.cleanStaleTemps(old);
        // the placeholder's client renders into tmp/<its name> (see PlaceholderProvider.createClient)
        deleteOldFiles(
                cache.directory()
                        .resolve("tmp")
                        .resolve(ProviderRegistry.standard().placeholder().name()),
                now.minus(Duration.ofDays(1)));
    }

    /** Placeholder renders are kept only so a resumed build finds them; after a day they are clutter. */
    private static void deleteOldFiles(Path directory, Instant olderThan) throws IOException {
        if (!java.nio.file.Files.isDirectory(directory)) {
            return;
        }
        try (var files = java.nio.file.Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (java.nio.file.Files.getLastModifiedTime(file).toInstant().isBefore(olderThan)) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        }
    }
}
