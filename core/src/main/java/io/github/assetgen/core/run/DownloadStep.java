package io.github.assetgen.core.run;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.PartialBatch;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.http.Downloader;
import io.github.assetgen.core.provider.http.RetryPolicy;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.EntryMetadata;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.PartialBatches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Downloads a finished job's results and moves the set into the cache. Its own class because results
 * are fetched into a staging folder on the cache's file system, so that the cache only ever holds a
 * complete set and a failed download costs nothing: the job stays recorded and is fetched again.
 * Thread-safe.
 */
final class DownloadStep {

    private final AssetCache cache;
    private final Journal journal;
    private final Path stagingDirectory;
    private final Sleeper sleeper;
    private final RunListener log;
    private final RefusedJobs refused;

    /**
     * @param stagingDirectory where downloads land before they enter the cache (same file system
     *     as the cache, so the move is atomic)
     */
    DownloadStep(
            AssetCache cache,
            Journal journal,
            Path stagingDirectory,
            Sleeper sleeper,
            RunListener log,
            RefusedJobs refused) {
        this.cache = cache;
        this.journal = journal;
        this.stagingDirectory = stagingDirectory;
        this.sleeper = sleeper;
        this.log = log;
        this.refused = refused;
    }

    /**
     * What the step kept: the asset's complete cache entry, or the files of a batch of which only
     * some came back.
     *
     * @param entry the complete entry, or the partial batch's own entry
     * @param partial true when files are still missing
     * @param cost what all the entry's files cost (an earlier partial batch's included)
     * @param spent what this build's create cost, as the provider charges for what came back
     */
    record Stored(CacheEntry entry, boolean partial, Cost cost, Cost spent) {}

    /**
     * Downloads every result into a staging folder and moves the set into the cache. When fewer
     * results came than a batch asked for, the ones that came are kept as a partial batch (they are
     * paid for), after the files an earlier partial batch kept.
     *
     * @param asset the asset as planned (its partial batch, if any)
     * @param sent the request that went out: the whole asset, or only its missing files
     * @param replacing true for a regeneration the user asked for ({@code force}): the files replace
     *     what the cache holds under the key, which would otherwise be kept and these thrown away
     */
    Stored store(
            PlannedAsset asset,
            PlannedAsset sent,
            ProviderClient client,
            List<JobRef> jobs,
            List<ResultLocation> results,
            RetryPolicy retry,
            boolean replacing)
            throws AssetFailure, IOException, InterruptedException {
        int expected = sent.request().expectedFiles();
        if (results.isEmpty() || (results.size() < expected && asset.request().expectedFiles() < 2)) {
            journal.close(asset.key());
            throw new AssetFailure(asset.request().provider() + " returned " + results.size() + " file(s) where "
                    + expected + " were requested");
        }
        if (results.size() > expected) {
            log.warn("[" + asset.id() + "] " + asset.request().provider() + " returned " + results.size()
                    + " files; keeping the first " + expected);
        }
        int got = Math.min(results.size(), expected);
        // a result is a finished file: a rate limit on its GET is a fault like any other, not busy job slots
        RetryPolicy downloads = retry.countingRateLimits();
        Files.createDirectories(stagingDirectory);
        Path staging = Files.createTempDirectory(
                stagingDirectory, AtomicFiles.TEMP_PREFIX + asset.key().substring(0, 12) + "-");
        try {
            PartialBatch kept = asset.partial();
            List<Path> files = new ArrayList<>(kept == null ? List.of() : kept.files());
            List<String> jobIds = new ArrayList<>(kept == null ? List.of() : kept.jobIds());
            for (int i = 0; i < got; i++) {
                files.add(download(
                                asset,
                                client,
                                results.get(i),
                                staging.resolve((i + 1) + ".download"),
                                asset.request().type(),
                                downloads)
                        .path());
            }
            jobs.stream().map(JobRef::id).forEach(jobIds::add);
            // useapi, APIXO (documented) and MiniMax (assumed) charge per file that came back
            Cost spent = sent.cost().share(got, expected);
            Cost cost = kept == null ? spent : kept.charged().plus(spent);
            EntryMetadata metadata = new EntryMetadata(
                    asset.request().provider(),
                    asset.request().model(),
                    asset.request().type(),
                    cost.format(),
                    jobIds,
                    // recorded so that a later build whose request changed can say what changed
                    CacheKey.canonicalJson(asset.request()));
            if (files.size() < asset.request().expectedFiles()) {
                return new Stored(
                        PartialBatches.store(cache, asset.key(), files, metadata, replacing), true, cost, spent);
            }
            CacheEntry entry =
                    replacing ? cache.replace(asset.key(), files, metadata) : cache.store(asset.key(), files, metadata);
            return new Stored(entry, false, cost, spent);
        } finally {
            deleteRecursively(staging);
        }
    }

    private DownloadedFile download(
            PlannedAsset asset,
            ProviderClient client,
            ResultLocation result,
            Path target,
            AssetType type,
            RetryPolicy retry)
            throws AssetFailure, InterruptedException, IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.download(result, target, type);
            } catch (ProviderException e) {
                Optional<Duration> wait = retry.next(e, attempt);
                if (wait.isEmpty() && e.kind() == ProviderException.Kind.REJECTED) {
                    throw refused.failure(asset, "could not download " + shown(result) + ": " + e.getMessage(), e);
                }
                if (wait.isEmpty()) {
                    throw new AssetFailure(
                            "could not download " + shown(result) + ": " + e.getMessage()
                                    + ". The job stays recorded; the next build downloads it again.",
                            e);
                }
                sleeper.sleep(wait.get());
            }
        }
    }

    /** A result as it may be logged: a signed URL without its query (the signature). */
    static String shown(ResultLocation result) {
        return result.url() == null ? result.toString() : Downloader.withoutQuery(result.url());
    }

    private static void deleteRecursively(Path dir) {
        try {
            AtomicFiles.deleteRecursively(dir);
        } catch (IOException ignored) {
            // a leftover staging folder is harmless: it is not a cache entry and is cleaned later
        }
    }
}
