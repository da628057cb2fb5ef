package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.wording.Advice;
import java.io.IOException;

/**
 * What becomes of a paid job the provider refuses for good to show or hand over: an unknown or
 * expired job, a result link that no longer works. Its journal entry stays, so a later build tries
 * again and nothing paid is dropped on one bad answer; but when the result is gone, only the user can
 * give the job up, with {@code force}: its entry is then closed, and the next build plans, estimates
 * and budgets a new create. Without {@code force} the message says so. Thread-safe.
 */
final class RefusedJobs {

    private final Journal journal;
    private final boolean force;

    RefusedJobs(Journal journal, boolean force) {
        this.journal = journal;
        this.force = force;
    }

    /**
     * The asset's failure after {@code refusal}.
     *
     * @param what what could not be done, with the provider's words
     * @throws IOException when force cannot close the entry
     */
    AssetFailure failure(PlannedAsset asset, String what, ProviderException refusal) throws IOException {
        // only a job of an earlier build that the provider (or its file host) refuses: a job this build
        // just paid for is tried again by the next build, and a local disk's fault (status 0, an I/O
        // cause) says nothing about the job
        boolean givenUpOnlyByTheUser =
                asset.action() == Action.RESUME && (refusal.httpStatus() != 0 || refusal.getCause() == null);
        if (!givenUpOnlyByTheUser) {
            return new AssetFailure(what + ". The job stays recorded; the next build tries again", refusal);
        }
        if (force) {
            journal.close(asset.key());
            return new AssetFailure(
                    what + ". With " + Advice.parameter("force", "true") + " the job is given up: its record is"
                            + " closed, and the next build generates the asset anew, which pays again",
                    refusal);
        }
        return new AssetFailure(
                what + ". The job stays recorded and the next build tries again; if this keeps failing, its"
                        + " result is gone: to give it up and buy the asset again run with "
                        + Advice.parameter("force", "true") + " " + Advice.parameter("only", asset.id()),
                refusal);
    }
}
