package io.github.assetgen.core.run;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.CachedFile;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.KeyLock;
import io.github.assetgen.core.store.LockFile;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a cache entry's files at an asset's outputs: the RESTORE action, and the last step of every
 * generation, restore and re-collect. Its own class because it is the one step that never talks to
 * a provider, every way to an output must write it the same way, and it is where nothing read from a
 * cache is trusted: each file is checked against its entry and the lock before anything is placed.
 * Thread-safe.
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

    /**
     * Restores an asset the plan found in the cache.
     *
     * @return empty when the entry vanished meanwhile or failed verification (then it was taken out
     *     of the cache with a warning, and no output was touched)
     */
    Optional<AssetResult> restore(PlannedAsset asset, Instant start)
            throws AssetFailure, IOException, InterruptedException {
        Optional<CacheEntry> entry = cache.find(asset.key());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        closeJobOfCachedAsset(asset);
        try {
            AssetResult restored = place(asset, entry.get(), AssetStatus.RESTORED, start);
            log.info("[" + asset.id() + "] restored from the local cache: " + paths(restored));
            return Optional.of(restored);
        } catch (Unverified e) {
            return Optional.empty();
        }
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

    /**
     * Writes the entry's files at the asset's outputs, the extension following the content (with a
     * {@code pick}, only the picked candidate, at the plain output name); a
     * partial batch's files fill the first outputs, and the result's cost is the one the entry records. Nothing
     * read from a cache is trusted: every file is read once, checked against the SHA-256 and size its
     * entry records and, when restoring an asset the lock records with this key, against the lock,
     * and only when all pass does the first output get replaced.
     *
     * @throws Unverified if a file differs: the entry is taken out of the cache with a warning naming
     *     it, no output is touched and the lock keeps its hashes
     */
    AssetResult place(PlannedAsset asset, CacheEntry entry, AssetStatus status, Instant start)
            throws IOException, AssetFailure, Unverified {
        List<CachedFile> files = entry.files();
        AssetRequest request = asset.request();
        List<String> outputs = request.placedOutputs();
        if (status == AssetStatus.PARTIAL) {
            // the candidates that came back fill the first slots; a picked one that did not leaves nothing
            outputs = request.pick() == null
                    ? outputs.subList(0, Math.min(files.size(), outputs.size()))
                    : request.pick().candidate() <= files.size() ? outputs : List.of();
        }
        for (int i = 0; i < outputs.size(); i++) {
            if (request.candidateAt(i) >= files.size()) {
                throw new AssetFailure("the cache entry holds " + files.size() + " file(s) but "
                        + request.expectedFiles() + " are expected");
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            placer.claim(outputs.get(i), files.get(request.candidateAt(i)).format(), asset.id());
        }
        List<OutputPlacer.Staged> staged = new ArrayList<>();
        try {
            for (int i = 0; i < outputs.size(); i++) {
                CachedFile candidate = files.get(request.candidateAt(i));
                try {
                    staged.add(placer.stage(candidate, outputs.get(i)));
                } catch (OutputPlacer.Mismatch e) {
                    throw unverified(asset, entry, e.getMessage());
                }
                String mismatch = lockMismatch(
                        asset,
                        status,
                        request.candidateAt(i),
                        candidate,
                        staged.get(i).output());
                if (mismatch != null) {
                    throw unverified(asset, entry, mismatch);
                }
            }
            List<OutputFile> written = new ArrayList<>();
            for (int i = 0; i < staged.size(); i++) {
                OutputPlacer.commit(staged.get(i));
                OutputFile placed = staged.get(i).output();
                if (!placed.relativePath().equals(outputs.get(i))) {
                    log.warn("[" + asset.id() + "] the provider returned " + placed.format() + ", written as "
                            + placed.relativePath() + " so that the extension matches the content");
                }
                written.add(placed);
            }
            return new AssetResult(
                            asset, status, written, entry.jobIds(), Duration.between(start, clock.instant()), null)
                    .withCost(Cost.parse(entry.credits()), Cost.free());
        } finally {
            for (OutputPlacer.Staged leftover : staged) {
                OutputPlacer.discard(leftover);
            }
        }
    }

    /** The files of a result, as a log line names them. */
    static String paths(AssetResult result) {
        return String.join(
                ", ", result.files().stream().map(OutputFile::relativePath).toList());
    }

    /**
     * Places files just downloaded, checked like any other. If they fail, the caller's journal entry
     * stays open, so the next build downloads them again rather than paying again.
     */
    AssetResult placeGenerated(PlannedAsset asset, CacheEntry entry, AssetStatus status, Instant start)
            throws IOException, AssetFailure {
        try {
            return place(asset, entry, status, start);
        } catch (Unverified e) {
            throw new AssetFailure(e.getMessage() + "; the job stays recorded and the next build downloads it again");
        }
    }

    /**
     * Another build (or module) may have made the asset while this one waited for the key's lock:
     * then it is restored from the cache and the journal entry closes. Empty when the cache has no
     * verified entry for the key.
     */
    Optional<AssetResult> restoreIfCachedMeanwhile(PlannedAsset asset, Instant start) throws IOException, AssetFailure {
        Optional<CacheEntry> cached = cache.find(asset.key());
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        try {
            AssetResult restored = place(asset, cached.get(), AssetStatus.RESTORED, start);
            log.info("[" + asset.id() + "] made by another build meanwhile; restored it from the cache");
            journal.close(asset.key());
            return Optional.of(restored);
        } catch (Unverified e) {
            // taken out of the cache and reported: a miss
            return Optional.empty();
        }
    }

    /**
     * Some files of a batch came back: they are placed in the first output slots, cached and locked
     * as partial; the asset fails the build, and the next build buys only what is missing.
     */
    AssetResult placePartial(PlannedAsset asset, DownloadStep.Stored stored, List<String> failures, Instant start)
            throws IOException, AssetFailure {
        int have = stored.entry().files().size();
        int of = asset.request().expectedFiles();
        String message = "only " + have + " of " + of + " files came back"
                + (failures.isEmpty() ? "" : " (" + String.join("; ", failures) + ")") + ". The " + have
                + " are kept, cached and locked (" + stored.cost().format() + "); the next build buys only the"
                + " missing " + (of - have) + ".";
        // the runner prints it, with its time and what it spent
        AssetResult placed = placeGenerated(asset, stored.entry(), AssetStatus.PARTIAL, start);
        return new AssetResult(
                asset,
                AssetStatus.PARTIAL,
                placed.files(),
                placed.jobIds(),
                placed.took(),
                message,
                stored.cost(),
                asset.action() == Action.GENERATE ? stored.spent() : Cost.free(),
                new LockFile.Partial(have, of));
    }

    /**
     * How candidate {@code candidate} (0-based) differs from what the lock records, or null. Only a restore is
     * compared (a new generation is new bytes), and only an asset the lock records with this key
     * and holding that candidate (a lock with another pick holds another one). The
     * lock holds the bytes written at the time, converted if the output's extension asked for
     * another image format: they are compared with what is about to be written when it is of the
     * lock's format, else with the cache file when that is; if neither is, only a file a conversion
     * could have turned into the lock's format passes (the output's extension changed since), on the
     * entry's own check. A candidate the lock should hold and does not is a mismatch too.
     */
    private static String lockMismatch(
            PlannedAsset asset, AssetStatus status, int candidate, CachedFile file, OutputFile output) {
        LockFile.Entry recorded = status == AssetStatus.RESTORED ? asset.recorded() : null;
        if (recorded == null) {
            return null;
        }
        LockFile.LockedFile locked = lockedCandidate(recorded, candidate);
        if (locked == null) {
            // a lock without pick or partial batch holds every candidate: one it lacks was not bought so
            return recorded.pick() == null && recorded.partial() == null
                    ? file.name() + " is file " + (candidate + 1) + " but the lock records "
                            + recorded.files().size() + " file(s) for " + recorded.id()
                    : null;
        }
        MediaFormat lockedFormat = MediaFormat.fromExtension(locked.path());
        String compared;
        if (output.format() == lockedFormat) {
            compared = output.sha256();
        } else if (file.format() == lockedFormat) {
            compared = file.sha256();
        } else if (OutputPlacer.convertible(file.format(), lockedFormat)) {
            // the lock holds what a conversion wrote at the time, and the output's extension has changed
            // since: nothing to compare, the entry's own check stands
            return null;
        } else {
            // no conversion makes this file the lock's: another format came back (an HTML page, a WebP)
            return file.name() + " is " + file.format() + " but the lock records " + locked.path();
        }
        return compared.equals(locked.sha256())
                ? null
                : file.name() + " gives " + output.relativePath() + " with SHA-256 " + compared
                        + " but the lock records " + locked.sha256() + " for " + locked.path();
    }

    /**
     * The lock's file of a candidate: the lock of an asset without a pick lists every candidate in
     * order; with a pick, its one file is the picked candidate. Null when the lock does not hold it.
     */
    private static LockFile.LockedFile lockedCandidate(LockFile.Entry recorded, int candidate) {
        if (recorded.pick() == null) {
            return candidate < recorded.files().size() ? recorded.files().get(candidate) : null;
        }
        return candidate == recorded.pick() - 1 && !recorded.files().isEmpty()
                ? recorded.files().get(0)
                : null;
    }

    private Unverified unverified(PlannedAsset asset, CacheEntry entry, String damage) {
        cache.discard(entry, damage);
        return new Unverified("[" + asset.id() + "] cache entry " + entry.key() + " failed verification: " + damage);
    }

    /**
     * A cache entry's files were not the ones it or the lock records. It has been taken out of the
     * cache and reported; the caller treats the asset as not cached.
     */
    static final class Unverified extends Exception {
        private static final long serialVersionUID = 1L;

        Unverified(String message) {
            super(message, null, false, false);
        }
    }
}
