package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The lines a person follows while assets are generated: one when an asset is submitted (or resumed),
 * its percent or status word while it runs, and one when it lands or fails, with its time and what
 * it spent. Plain lines at info level (failures at error level), the same on a terminal and in CI, so
 * a quiet build hides them and keeps its errors.
 *
 * <p>A provider polled every few seconds would fill the log: a running asset gets a new line only when
 * what it reports changed, and at most one per {@link #EVERY} per asset. Thread-safe.
 */
final class RunProgress {

    /** The least time between two progress lines of one asset. */
    static final Duration EVERY = Duration.ofSeconds(10);

    /** Job ids named in a submitted line; a batch of 16 is summed up after these. */
    private static final int IDS_SHOWN = 4;

    private final RunListener log;
    private final Clock clock;
    /** The last progress line of each running asset: when, and what it said. */
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();

    private record Shown(Instant at, String text) {}

    RunProgress(RunListener log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** The create request was answered: the asset is at the provider, these are its jobs. */
    void submitted(PlannedAsset asset, List<JobRef> jobs) {
        log.info("[" + asset.id() + "] submitted to " + asset.request().provider() + "/"
                + asset.request().model() + (jobs.isEmpty() ? "" : ", " + describe(jobs)) + " (estimate "
                + asset.cost().format() + ")");
    }

    /** An earlier build's jobs are collected instead of sending a create. */
    void resumed(PlannedAsset asset, List<JobRef> jobs) {
        log.info("[" + asset.id() + "] resuming " + describe(jobs) + " submitted by an earlier build");
    }

    /**
     * A poll said the job is still running. Printed when its percent or word differs from the last
     * line of this asset, and {@link #EVERY} has passed since that line; a change held back is printed
     * by a later poll if it still stands.
     *
     * @param index the job's place in the asset's batch, from 1
     * @param of how many jobs the batch has; above 1 the line names the job's place
     */
    void running(PlannedAsset asset, JobRef job, int index, int of, JobState.Running state) {
        String said = said(state);
        if (said == null) {
            return;
        }
        String text = (of > 1 ? "job " + index + " of " + of + ": " : "") + said;
        Instant now = clock.instant();
        // what this poll did: null when it brought nothing new
        String[] outcome = {null};
        shown.compute(asset.id(), (id, last) -> {
            if (last != null && last.text().equals(text)) {
                return last;
            }
            if (last != null && now.isBefore(last.at().plus(EVERY))) {
                outcome[0] = "held";
                return last;
            }
            outcome[0] = "shown";
            return new Shown(now, text);
        });
        if ("shown".equals(outcome[0])) {
            log.info("[" + asset.id() + "] " + text);
        } else if (outcome[0] != null) {
            // held back by the 10 s, still there for mvn -X
            log.debug("[" + asset.id() + "] " + AssetRunner.shown(job) + ": " + said);
        }
    }

    /** The asset's files are placed: what they are, how long it took and what this build spent on it. */
    void generated(AssetResult result) {
        shown.remove(result.id());
        log.info("[" + result.id() + "] generated "
                + result.files().stream().map(OutputFile::relativePath).collect(Collectors.joining(", ")) + " in "
                + Elapsed.of(result.took()) + ", " + spent(result.spent()));
    }

    /** The asset failed; an error, so that a quiet build still shows it. */
    void failed(PlannedAsset asset, Duration took, Cost spent, String message) {
        shown.remove(asset.id());
        log.error("[" + asset.id() + "] failed after " + Elapsed.of(took) + ", " + spent(spent) + ": " + message);
    }

    /** Some files of a batch came back and were kept; the asset still fails the build. */
    void partial(AssetResult result) {
        shown.remove(result.id());
        log.error("[" + result.id() + "] partly generated in " + Elapsed.of(result.took()) + ", "
                + spent(result.spent()) + ": " + result.message());
    }

    /** {@code processing 45%}, {@code queued}, {@code 45%}; null when the poll said nothing to show. */
    private static String said(JobState.Running state) {
        if (state.percent() == null) {
            return state.label();
        }
        return (state.label() == null ? "" : state.label() + " ") + state.percent() + "%";
    }

    /** {@code spent 4 credits}, {@code spent nothing} (free, resumed, failed), {@code spent an unknown amount}. */
    static String spent(Cost spent) {
        return switch (spent.unit()) {
            case FREE -> "spent nothing";
            case UNKNOWN -> "spent an unknown amount";
            default -> "spent " + spent.format();
        };
    }

    private static String describe(List<JobRef> jobs) {
        if (jobs.size() == 1) {
            return "job " + AssetRunner.shown(jobs.get(0));
        }
        String ids = jobs.stream().limit(IDS_SHOWN).map(AssetRunner::shown).collect(Collectors.joining(", "));
        return jobs.size() + " jobs " + ids + (jobs.size() > IDS_SHOWN ? ", …" : "");
    }
}
