package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.Recollection;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.RetryPolicy;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.LockFile;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fetches an asset the lock records as bought back from the provider, for free and with the same
 * token: the recorded job ids are polled as a resumed build polls them and the results downloaded,
 * where the provider's {@link Recollection} says that still works. The files are kept only if each
 * matches the SHA-256 the lock records; otherwise they are discarded and reported. Never sends a
 * create request to a provider that charges for one. Thread-safe.
 */
final class RecollectStep {

    private final Map<String, ProviderClient> clients;
    private final Function<String, Recollection> recollections;
    private final DownloadStep download;
    private final RestoreStep restore;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RunListener log;

    /**
     * @param clients the clients this build could make, by provider; one missing means no token
     * @param recollections each provider's way of giving results back, by provider name
     */
    RecollectStep(
            Map<String, ProviderClient> clients,
            Function<String, Recollection> recollections,
            DownloadStep download,
            RestoreStep restore,
            Clock clock,
            Sleeper sleeper,
            RunListener log) {
        this.clients = clients;
        this.recollections = recollections;
        this.download = download;
        this.restore = restore;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** Why re-collecting did not give the asset back; nothing was placed and nothing was bought. */
    static final class NotRecollected extends Exception {
        private static final long serialVersionUID = 1L;

        NotRecollected(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Re-collects and places the asset; the caller holds the key's lock.
     *
     * @throws NotRecollected saying why, when the provider cannot give it back or gave other bytes
     */
    AssetResult recollect(PlannedAsset asset, Instant start, RetryPolicy retry)
            throws NotRecollected, IOException, InterruptedException {
        LockFile.Entry recorded = asset.recorded();
        String provider = asset.request().provider();
        if (recorded == null) {
            throw new NotRecollected("the lock does not record this request");
        }
        Recollection recollection = recollections.apply(provider);
        Optional<String> unavailable =
                recollection.unavailable(asset.request().type(), generatedAt(recorded), clock.instant());
        if (unavailable.isPresent()) {
            throw new NotRecollected(unavailable.get());
        }
        ProviderClient client = clients.get(provider);
        if (client == null) {
            throw new NotRecollected("no token is configured for " + provider);
        }
        List<JobRef> jobs = new ArrayList<>();
        List<ResultLocation> results = new ArrayList<>();
        if (recollection.method() == Recollection.Method.RENDER_AGAIN) {
            SubmitResult rendered = render(client, asset);
            jobs.addAll(rendered.jobs());
            results.addAll(rendered.immediateResults());
        } else {
            String kind = recollection.jobKind(asset.request().type()).orElseThrow();
            for (String id : recorded.jobIds()) {
                // a synchronous answer's result URL is not a job id, and has long expired
                if (!id.startsWith("http://") && !id.startsWith("https://")) {
                    jobs.add(new JobRef(provider, kind, id));
                }
            }
            if (jobs.isEmpty()) {
                throw new NotRecollected("the lock records no job id for it");
            }
            for (JobRef job : jobs) {
                results.addAll(finishedResults(client, job, retry));
            }
        }
        CacheEntry entry;
        try {
            entry = download.store(asset, asset, client, jobs, results, retry, false)
                    .entry();
        } catch (AssetFailure e) {
            throw new NotRecollected(e.getMessage());
        }
        try {
            AssetResult result = restore.place(asset, entry, AssetStatus.RESTORED, start);
            log.info("[" + asset.id() + "] re-collected from " + provider + " for free (" + describe(jobs)
                    + "); it matches the lock");
            return result;
        } catch (RestoreStep.Unverified e) {
            throw new NotRecollected("what " + provider + " returned for " + describe(jobs) + " is not what the lock"
                    + " records, so it was discarded (" + e.getMessage() + ")");
        } catch (AssetFailure e) {
            throw new NotRecollected(e.getMessage());
        }
    }

    /** A local renderer's create request is free and makes the same bytes again. */
    private static SubmitResult render(ProviderClient client, PlannedAsset asset) throws NotRecollected {
        try {
            return client.submit(asset.request());
        } catch (ProviderException e) {
            throw new NotRecollected("rendering it again failed: " + e.getMessage());
        }
    }

    /** Polls a job that finished long ago: it must have ended well; a transient fault is tried again. */
    private List<ResultLocation> finishedResults(ProviderClient client, JobRef job, RetryPolicy retry)
            throws NotRecollected, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            JobState state;
            try {
                state = client.poll(job);
            } catch (ProviderException e) {
                Optional<Duration> wait = retry.next(e, attempt);
                if (wait.isEmpty()) {
                    throw new NotRecollected(
                            job.provider() + " did not give job " + job.id() + " back: " + e.getMessage());
                }
                sleeper.sleep(wait.get());
                continue;
            }
            if (state instanceof JobState.Succeeded succeeded) {
                return succeeded.results();
            }
            if (state instanceof JobState.Failed failed) {
                throw new NotRecollected(job.provider() + " no longer has job " + job.id() + ": " + failed.message());
            }
            throw new NotRecollected(job.provider() + " reports job " + job.id() + " as not finished");
        }
    }

    private static Instant generatedAt(LockFile.Entry recorded) {
        try {
            return Instant.parse(recorded.generatedAt());
        } catch (DateTimeParseException e) {
            // an unreadable date does not make a provider keep results longer: try anyway
            return null;
        }
    }

    private static String describe(List<JobRef> jobs) {
        return jobs.size() == 1 ? "job " + jobs.get(0).id() : jobs.size() + " jobs";
    }
}
