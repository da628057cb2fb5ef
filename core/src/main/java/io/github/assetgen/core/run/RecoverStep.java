package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.http.RetryPolicy;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.shared.SharedCacheException;
import io.github.assetgen.core.wording.Advice;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Gets back, for free, an asset that was bought before but is not here: the RECOVER action, and a
 * restore whose cache entry vanished or failed verification. In order: the local cache (another
 * build may have restored it meanwhile), the shared cache, a re-collect from the provider; if none
 * works the asset fails, saying how to get it or how to buy it again on purpose. It never buys what
 * the lock records. Its own class because that order and its message are the promise "nothing is
 * paid for twice" across machines. The caller holds the key's lock. Thread-safe.
 */
final class RecoverStep {

    private final AssetCache cache;
    private final RestoreStep restore;
    private final SharedCacheStep shared;
    private final RecollectStep recollect;
    private final RunListener log;

    RecoverStep(
            AssetCache cache, RestoreStep restore, SharedCacheStep shared, RecollectStep recollect, RunListener log) {
        this.cache = cache;
        this.restore = restore;
        this.shared = shared;
        this.recollect = recollect;
        this.log = log;
    }

    /**
     * Local cache, shared cache, re-collect, or fail.
     *
     * @throws AssetFailure when every way failed; the message says what each found
     */
    AssetResult recover(PlannedAsset asset, Instant start, RetryPolicy retry)
            throws AssetFailure, IOException, InterruptedException {
        Optional<CacheEntry> local = cache.find(asset.key());
        if (local.isPresent()) {
            try {
                AssetResult result = restore.place(asset, local.get(), AssetStatus.RESTORED, start);
                log.info("[" + asset.id() + "] restored from the cache, where another build put it meanwhile");
                return result;
            } catch (RestoreStep.Unverified e) {
                // taken out of the cache and reported; look further
            }
        }
        String sharedOutcome;
        if (!shared.enabled()) {
            sharedOutcome = "no shared cache is configured (" + Advice.parameter("remoteCache", "<url>")
                    + " shares what one machine bought with the others)";
        } else {
            try {
                Optional<AssetResult> fromShared = shared.restore(asset, start);
                if (fromShared.isPresent()) {
                    return fromShared.get();
                }
                sharedOutcome = "the shared cache " + shared.location() + " has no usable copy of it";
            } catch (SharedCacheException e) {
                // an unreachable cache is not a miss: say so, and never buy instead
                sharedOutcome = "the shared cache failed: " + e.getMessage();
                log.warn("[" + asset.id() + "] " + sharedOutcome);
            }
        }
        LockFile.Entry recorded = asset.recorded();
        if (recorded == null) {
            throw new AssetFailure("its cache entry vanished or failed verification, and " + sharedOutcome
                    + "; run the build again to generate it");
        }
        String recollectOutcome;
        try {
            return recollect.recollect(asset, start, retry);
        } catch (RecollectStep.NotRecollected e) {
            // a provider's own sentence may end in a full stop; the advice below starts a new sentence
            recollectOutcome = e.getMessage().replaceAll("[.\\s]+$", "");
        }
        // the lock's own words for what it cost: a RESTORE that fell through here planned no cost
        String cost = recorded.cost().format();
        throw new AssetFailure("bought before (" + cost + " per the lock, generated " + recorded.generatedAt()
                + ") but in no cache here, and it could not be got back for free: " + sharedOutcome
                + "; re-collecting it from " + asset.request().provider() + " is not possible: " + recollectOutcome
                + ". It is not bought again automatically. To buy it again on purpose (" + cost + ") run with"
                + " " + Advice.parameter("force", "true") + " " + Advice.parameter("only", asset.id()));
    }
}
