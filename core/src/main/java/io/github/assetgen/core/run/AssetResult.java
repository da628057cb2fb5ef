package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.store.LockFile;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one asset ended. Immutable.
 *
 * @param message the failure reason in the provider's words, or a note; null when there is none
 * @param cost what the asset's files cost, as the lock records it (the estimate at submission, or
 *     what the provider charged where that is known)
 * @param spent what this build spent on the asset: nothing for a kept, restored or resumed one
 * @param partial how many files of the batch came back, for a {@link AssetStatus#PARTIAL} result;
 *     else null
 */
public record AssetResult(
        PlannedAsset planned,
        AssetStatus status,
        List<OutputFile> files,
        List<String> jobIds,
        Duration took,
        String message,
        Cost cost,
        Cost spent,
        LockFile.Partial partial) {

    public AssetResult {
        files = List.copyOf(files);
        jobIds = List.copyOf(jobIds);
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(spent, "spent");
    }

    /** A result whose cost is the plan's, spent only when this build generated it from a new create. */
    public AssetResult(
            PlannedAsset planned,
            AssetStatus status,
            List<OutputFile> files,
            List<String> jobIds,
            Duration took,
            String message) {
        this(
                planned,
                status,
                files,
                jobIds,
                took,
                message,
                planned.cost(),
                status == AssetStatus.GENERATED && planned.action() == Action.GENERATE ? planned.cost() : Cost.free(),
                null);
    }

    /** This result with the cost its files carry and what this build spent on them. */
    AssetResult withCost(Cost newCost, Cost newSpent) {
        return new AssetResult(planned, status, files, jobIds, took, message, newCost, newSpent, partial);
    }

    /** The same result with its message reworded (the host's wording of core's advice). */
    public AssetResult withMessage(String newMessage) {
        return new AssetResult(planned, status, files, jobIds, took, newMessage, cost, spent, partial);
    }

    public String id() {
        return planned.id();
    }

    /** Failed, or only partly made: both fail the build. */
    public boolean failed() {
        return status == AssetStatus.FAILED || status == AssetStatus.PARTIAL;
    }
}
