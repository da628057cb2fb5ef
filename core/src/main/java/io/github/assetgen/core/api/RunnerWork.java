package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetRunner;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.run.RunPolicy;
import io.github.assetgen.core.store.LockFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plan between the {@link AssetRunner} and {@link AssetBuild}: which assets the runner
 * restores, resumes or generates, and the results of the others (kept, skipped, blocked, offline).
 */
final class RunnerWork {

    private final BuildConfig config;
    private final BuildLog log;
    private final BuildLock lock;

    RunnerWork(BuildConfig config, BuildLog log, BuildLock lock) {
        this.config = config;
        this.log = log;
        this.lock = lock;
    }

    /** The assets the runner handles. */
    List<PlannedAsset> of(Plan plan, RunPolicy policy) {
        return plan.assets().stream()
                .filter(a -> a.action() == Action.RESTORE
                        || a.action() == Action.RECOVER
                        || a.action().needsNetwork()
                        || runnerDecides(a)
                        // a saving build uploads what the server lacks, kept assets too
                        || (a.action() == Action.KEEP && policy.save()))
                .toList();
    }

    /** Tells the runner the files of the kept assets. */
    static void protectKept(Plan plan, LockFile lockEntries, AssetRunner runner) {
        for (PlannedAsset asset : plan.assets()) {
            if (asset.action() == Action.KEEP) {
                // a file of this build written as another extension must not land on a kept one
                lockEntries
                        .find(asset.id())
                        .ifPresent(entry -> runner.keep(
                                asset.id(),
                                entry.files().stream()
                                        .map(LockFile.LockedFile::path)
                                        .toList()));
            }
        }
    }

    /** The runner's results in the host's wording, followed by the results of the assets it did not run. */
    List<AssetResult> results(Plan plan, LockFile lockEntries, List<AssetResult> ran) {
        List<AssetResult> results = new ArrayList<>(worded(ran));
        for (PlannedAsset asset : plan.assets()) {
            switch (asset.action()) {
                case KEEP -> results.add(lock.keptResult(asset, lockEntries));
                case SKIP ->
                    results.add(lock.skippedResult(
                            asset, lockEntries, config.wording().render(asset.note())));
                case BLOCKED, OFFLINE -> {
                    if (!runnerDecides(asset)) {
                        String note = config.wording().render(asset.note());
                        log.error("[" + asset.id() + "] " + note);
                        results.add(
                                new AssetResult(asset, AssetStatus.FAILED, List.of(), List.of(), Duration.ZERO, note));
                    }
                }
                default -> {
                    // handled by the runner
                }
            }
        }
        return results;
    }

    /**
     * A "submitting" journal entry may belong to a build running right now (another JVM, or another
     * module of this reactor) that has not had its answer yet. The runner takes the key's lock, which
     * that build holds, and decides after it: restore, resume, or fail as a lost answer. Offline builds
     * must not resume, so they decide here.
     */
    private boolean runnerDecides(PlannedAsset asset) {
        return asset.awaitsAnAnswer() && !config.offline();
    }

    /** The results with their messages in the host's wording, for the summary, the reports and the failure. */
    private List<AssetResult> worded(List<AssetResult> results) {
        return results.stream()
                .map(r -> r.withMessage(config.wording().render(r.message())))
                .toList();
    }
}
