package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.http.CallDeadline;
import io.github.assetgen.core.provider.http.RetryPolicy;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.wording.Advice;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Polls an asset's jobs until each ends. Its own class because it is the step that waits longest
 * and the one a resumed build starts with: the jobs come from the journal or from a fresh submit,
 * and a job still running at the deadline stays recorded for the next build. Thread-safe.
 */
final class PollStep {

    private final Map<String, ProviderSettings> settings;
    private final Journal journal;
    private final ProviderGates gates;
    private final Duration assetTimeout;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RunListener log;
    private final RunProgress progress;
    private final RefusedJobs refused;

    /**
     * @param assetTimeout how long an asset may take, named in the message of a job still running
     * @param progress told what each poll of a running job says
     */
    PollStep(
            Map<String, ProviderSettings> settings,
            Journal journal,
            ProviderGates gates,
            Duration assetTimeout,
            Sleeper sleeper,
            Clock clock,
            RunListener log,
            RunProgress progress,
            RefusedJobs refused) {
        this.settings = settings;
        this.journal = journal;
        this.gates = gates;
        this.assetTimeout = assetTimeout;
        this.sleeper = sleeper;
        this.clock = clock;
        this.log = log;
        this.progress = progress;
        this.refused = refused;
    }

    /**
     * What the polls got: the results in job order, and why the jobs that ended without one failed.
     * A job's failure does not stop the others of a batch (useapi answers one job per image): the
     * images that came back were paid for and are kept.
     */
    record Collected(List<ResultLocation> results, List<String> failures) {

        Collected {
            results = List.copyOf(results);
            failures = List.copyOf(failures);
        }

        /** Results answered at once by the create request: nothing failed that the answer did not leave out. */
        static Collected of(List<ResultLocation> results) {
            return new Collected(results, List.of());
        }
    }

    /**
     * Polls every job until it ends, then returns their results in job order. Jobs whose results the
     * create answer already held (recorded with them in the journal) are not polled: those results
     * are returned instead, which is the only way to collect a MiniMax image.
     *
     * @throws AssetFailure when no job produced a result (the first failure's words), or a poll
     *     cannot go on
     */
    Collected collect(PlannedAsset asset, ProviderClient client, List<JobRef> jobs, RetryPolicy retry)
            throws AssetFailure, InterruptedException, IOException {
        ProviderSettings providerSettings = settings.get(asset.request().provider());
        List<ResultLocation> results = new ArrayList<>();
        List<AssetFailure> failures = new ArrayList<>();
        boolean answered = jobs.stream().anyMatch(JournalRecorder::isResult);
        boolean first = true;
        int index = 0;
        for (JobRef job : jobs) {
            index++;
            if (JournalRecorder.RESULT_URL.equals(job.kind())) {
                results.add(ResultLocation.ofUrl(job.id()));
                continue;
            }
            if (JournalRecorder.RESULT_FILE.equals(job.kind())) {
                try {
                    results.add(ResultLocation.ofLocalFile(journal.keptResult(asset.key(), job.id())));
                } catch (IllegalArgumentException edited) {
                    throw new AssetFailure("the journal names a kept result that is not one: " + edited.getMessage());
                }
                continue;
            }
            if (answered) {
                continue;
            }
            if (first && providerSettings != null) {
                sleeper.sleep(CallDeadline.cap(providerSettings.firstPollDelay()));
                first = false;
            }
            try {
                results.addAll(pollUntilDone(asset, client, job, index, jobs.size(), providerSettings, retry));
            } catch (JobFailed failed) {
                failures.add(failed);
            }
        }
        if (results.isEmpty() && !failures.isEmpty()) {
            // every job is over without a result: nothing to resume, so the journal entry closes
            journal.close(asset.key());
            throw failures.get(0);
        }
        return new Collected(
                results, failures.stream().map(AssetFailure::getMessage).toList());
    }

    /** A job that ended without a result: failed or moderated. */
    private static final class JobFailed extends AssetFailure {

        private static final long serialVersionUID = 1L;

        JobFailed(String message) {
            super(message);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private List<ResultLocation> pollUntilDone(
            PlannedAsset asset,
            ProviderClient client,
            JobRef job,
            int index,
            int of,
            ProviderSettings providerSettings,
            RetryPolicy retry)
            throws AssetFailure, InterruptedException, IOException {
        String provider = asset.request().provider();
        Duration interval = providerSettings == null ? Duration.ofSeconds(5) : providerSettings.pollInterval();
        String lastFault = null;
        PollSchedule schedule = new PollSchedule(interval);
        while (true) {
            // polls keep a fixed rate, not a fixed pause: the time a poll takes is not added to every
            // interval, so the poll that finds the job done comes at most one interval after it ended
            Instant asked = clock.instant();
            Duration wait = interval;
            try {
                JobState state = client.poll(job);
                if (state instanceof JobState.Succeeded succeeded) {
                    if (succeeded.note() != null) {
                        log.warn("[" + asset.request().id() + "] " + succeeded.note());
                    }
                    return succeeded.results();
                }
                if (state instanceof JobState.Failed failed) {
                    throw new JobFailed(
                            (failed.moderated() ? "moderated by " : "failed at ") + provider + ": " + failed.message());
                }
                JobState.Running running = (JobState.Running) state;
                Duration next = schedule.next(asked, running.percent());
                // a wait the progress asked for never brings the deadline's verdict forward
                next = next.equals(interval) || retry.fits(next) ? next : interval;
                wait = max(Duration.ZERO, next.minus(Duration.between(asked, clock.instant())));
                progress.running(asset, job, index, of, running);
            } catch (ProviderException e) {
                switch (e.kind()) {
                    // polls are free: a fault is waited out however often it comes, until the deadline
                    case RATE_LIMITED, RETRYABLE -> {
                        wait = retry.delay(e, 1);
                        lastFault = e.getMessage();
                    }
                    case PROVIDER_STOP -> {
                        gates.stop(provider, asset.request().account(), e);
                        throw new AssetFailure(
                                "could not poll " + job.id() + ": " + e.getMessage()
                                        + ". The job stays recorded; the next build resumes it.",
                                e);
                    }
                    default -> throw refused.failure(asset, "could not poll " + job.id() + ": " + e.getMessage(), e);
                }
            }
            if (!retry.fits(wait)) {
                throw new AssetFailure("still running at " + provider + " after " + DurationText.of(assetTimeout)
                        + " (job " + job.id() + "). It stays recorded; the next build resumes it without paying again"
                        + " (or raise " + Advice.parameter("timeout") + ")."
                        + (lastFault == null ? "" : " The last poll failed: " + lastFault));
            }
            sleeper.sleep(wait);
        }
    }
}
