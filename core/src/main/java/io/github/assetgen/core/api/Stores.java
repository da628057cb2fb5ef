package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.AssetState;
import io.github.assetgen.core.plan.OpenJob;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.run.OutputFile;
import io.github.assetgen.core.run.OutputPlacer;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.JournalEntry;
import io.github.assetgen.core.store.KeyLock;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.PersistentFileIdMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The on-disk state of a build, opened once: cache, journal, key locks, remembered uploads, and
 * the lock-file logic that ties outputs to keys. Not thread-safe itself; the parts it opens are.
 */
final class Stores {

    private final AssetCache cache;
    private final Journal journal;
    private final KeyLock locks;
    private final FileIdMemory fileIds;
    private final Path outputDirectory;
    private final Clock clock;

    private Stores(AssetCache cache, Journal journal, KeyLock locks, FileIdMemory fileIds, Path outputDirectory,
            Clock clock) {
        this.cache = cache;
        this.journal = journal;
        this.locks = locks;
        this.fileIds = fileIds;
        this.outputDirectory = outputDirectory;
        this.clock = clock;
    }

    /**
     * Opens the stores under {@code cacheDirectory}.
     *
     * @param log where damaged cache entries and unreadable journal files are reported, so they
     *     appear in the build's output (Maven's log) rather than in a logger the user never sees
     */
    static Stores open(Path cacheDirectory, Path outputDirectory, Clock clock, BuildLog log) {
        return new Stores(AssetCache.withDirectory(cacheDirectory, clock, log::warn),
                Journal.withDirectory(cacheDirectory, clock, log::warn), KeyLock.withDirectory(cacheDirectory),
                PersistentFileIdMemory.withDirectory(cacheDirectory), outputDirectory, clock);
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
        deleteOldFiles(cache.directory().resolve("tmp").resolve(ProviderRegistry.standard().placeholder().name()),
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

    /** What the planner may know, read from the lock, the outputs, the cache and the journal. */
    AssetState state(LockFile lock) {
        return new AssetState() {
            @Override
            public boolean isUpToDate(AssetRequest request, String key) {
                Optional<LockFile.Entry> entry = lock.find(request.id());
                try {
                    return entry.isPresent() && entry.get().key().equals(key)
                            && locksTheOutputsAskedFor(entry.get(), request)
                            && LockFile.upToDate(entry.get(), outputDirectory);
                } catch (IOException e) {
                    // an unreadable output is not up to date; the restore will rewrite it
                    return false;
                }
            }

            @Override
            public boolean isCached(String key) {
                try {
                    return cache.find(key).isPresent();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<OpenJob> openJob(String key) {
                try {
                    return journal.find(key).map(entry -> new OpenJob(entry.jobs(), entry.startedAt(),
                            Journal.isExpired(entry, retention(entry.provider()), clock)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** How long a provider keeps a finished job's results; a day for a provider assetgen no longer knows. */
    private static Duration retention(String provider) {
        return ProviderRegistry.standard().find(provider).map(ProviderDescriptor::resultRetention)
                .orElse(Duration.ofHours(24));
    }

    /**
     * Whether the lock's files are where the spec now asks for them. {@code output} is not in the
     * cache key, so a renamed output keeps its key and only this tells that the file must be
     * restored under its new name.
     */
    private static boolean locksTheOutputsAskedFor(LockFile.Entry entry, AssetRequest request) {
        List<String> asked = request.outputs();
        if (entry.files().size() != asked.size()) {
            return false;
        }
        for (int i = 0; i < asked.size(); i++) {
            String locked = entry.files().get(i).path();
            if (!locked.equals(OutputPlacer.placedPath(asked.get(i), MediaFormat.fromExtension(locked)))) {
                return false;
            }
        }
        return true;
    }

    /** The result of an up-to-date asset, described from its lock entry (no file is read again). */
    AssetResult keptResult(PlannedAsset asset, LockFile lock) {
        LockFile.Entry entry = lock.find(asset.id()).orElseThrow();
        List<OutputFile> files = entry.files().stream()
                .map(f -> new OutputFile(f.path(), outputDirectory.resolve(f.path()), f.size(), f.sha256(),
                        MediaFormat.fromExtension(f.path())))
                .toList();
        return new AssetResult(asset, AssetStatus.KEPT, files, entry.jobIds(), Duration.ZERO, null);
    }

    /**
     * The lock after this build: assets kept, restored or generated are recorded with their files;
     * failed and skipped ones keep what they had; ids no longer in any spec are dropped when the
     * build covered every asset.
     */
    LockFile updatedLock(LockFile previous, List<AssetResult> results, boolean coversAllAssets, Instant now) {
        LockFile lock = previous;
        Set<String> ids = new HashSet<>();
        for (AssetResult result : results) {
            ids.add(result.id());
            if (result.status() == AssetStatus.GENERATED || result.status() == AssetStatus.RESTORED) {
                Optional<LockFile.Entry> before = previous.find(result.id());
                boolean sameGeneration = before.isPresent() && before.get().key().equals(result.planned().key())
                        && result.status() == AssetStatus.RESTORED;
                String generatedAt = sameGeneration ? before.get().generatedAt() : now.toString();
                String credits = sameGeneration ? before.get().credits() : result.planned().cost().format();
                lock = lock.with(new LockFile.Entry(result.id(), result.planned().key(),
                        result.planned().request().provider(), result.planned().request().model(),
                        result.files().stream()
                                .map(f -> new LockFile.LockedFile(f.relativePath(), f.sha256(), f.size()))
                                .toList(),
                        credits, result.jobIds(), generatedAt));
            }
        }
        return coversAllAssets ? lock.retainOnly(ids) : lock;
    }
}
