package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.CachedFile;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.KeyLock;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a cache entry's files at an asset's outputs: the RESTORE action, and the last step of every
 * generation. Its own class because it is the one step that never talks to a provider, and both
 * ways to an output (restored or freshly made) must write it the same way. Thread-safe.
 */
final class RestoreStep {

    private final AssetCache cache;
    private final Journal journal;
    private final KeyLock locks;
    private final OutputPlacer placer;
    private final Clock clock;
    private final RunListener log;

    RestoreStep(AssetCache cache, Journal journal, KeyLock locks, OutputPlacer placer, Clock clock, RunListener log) {
        this.cache = cache;
        this.journal = journal;
        this.locks = locks;
        this.placer = placer;
        this.clock = clock;
        this.log = log;
    }

    /** Restores an asset the plan found in the cache. */
    AssetResult restore(PlannedAsset asset, Instant start) throws AssetFailure, IOException, InterruptedException {
        CacheEntry entry = cache.find(asset.key())
                .orElseThrow(() -> new AssetFailure("the cache entry " + asset.key() + " vanished or is corrupt;"
                        + " run the build again to generate it"));
        closeJobOfCachedAsset(asset);
        return place(asset, entry, AssetStatus.RESTORED, start);
    }

    /**
     * A build killed between storing a result and closing its journal entry leaves the entry open.
     * The cache holds the work, so the job is done; left open it would make a later forced build
     * collect the old job instead of generating anew. Closed under the key's lock so a forced build
     * submitting this key right now keeps its own entry.
     */
    private void closeJobOfCachedAsset(PlannedAsset asset) throws IOException, InterruptedException {
        if (journal.find(asset.key()).isEmpty()) {
            return;
        }
        Optional<KeyLock.Handle> lock = locks.acquire(asset.key(), Duration.ZERO);
        if (lock.isPresent()) {
            try (KeyLock.Handle held = lock.get()) {
                if (cache.find(asset.key()).isPresent()) {
                    journal.close(asset.key());
                    log.debug("[" + asset.id() + "] closed the job an interrupted build left open; its result is"
                            + " in the cache");
                }
            }
        }
    }

    /** Writes the entry's files at the asset's outputs, the extension following the content. */
    AssetResult place(PlannedAsset asset, CacheEntry entry, AssetStatus status, Instant start)
            throws IOException, AssetFailure {
        List<String> outputs = asset.request().outputs();
        List<CachedFile> files = entry.files();
        if (files.size() < outputs.size()) {
            throw new AssetFailure(
                    "the cache entry holds " + files.size() + " file(s) but " + outputs.size() + " are expected");
        }
        List<OutputFile> written = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            OutputFile placed = placer.place(files.get(i).path(), files.get(i).format(), outputs.get(i), asset.id());
            if (!placed.relativePath().equals(outputs.get(i))) {
                log.warn("[" + asset.id() + "] the provider returned " + placed.format() + ", written as "
                        + placed.relativePath() + " so that the extension matches the content");
            }
            written.add(placed);
        }
        return new AssetResult(asset, status, written, entry.jobIds(), Duration.between(start, clock.instant()), null);
    }
}
