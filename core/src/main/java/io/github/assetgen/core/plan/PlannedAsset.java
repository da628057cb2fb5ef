package io.github.assetgen.core.plan;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.LockFile;

/**
 * One asset's entry in a {@link Plan}. Immutable.
 *
 * @param cost what the action will spend (zero/free unless it generates); for RECOVER what the lock
 *     says it cost when it was bought, shown but not spent; for a partial batch, what the missing
 *     files cost
 * @param note why the action was chosen, when that is not obvious (blocked reasons); may be null
 * @param recorded the lock's entry when it records this asset with this very key, else null: files
 *     restored for it must match the lock
 * @param partial the files an earlier build got of this asset's batch, when a GENERATE buys only the
 *     missing ones; else null
 * @param reason why the asset is planned so, as the plan line says it ({@code new asset}, {@code changed
 *     since the lock: prompt}, {@code forced}, {@code failed last time: …}, {@code from the local cache});
 *     may hold advice markers; null when the state says it all
 * @param change how the request differs from the one the lock records for this id, or null
 */
public record PlannedAsset(
        AssetRequest request,
        String key,
        Action action,
        Cost cost,
        OpenJob openJob,
        String note,
        LockFile.Entry recorded,
        PartialBatch partial,
        String reason,
        Change change) {

    /** An asset planned without a reason of its own (tests, and the planner before it explains). */
    public PlannedAsset(
            AssetRequest request,
            String key,
            Action action,
            Cost cost,
            OpenJob openJob,
            String note,
            LockFile.Entry recorded,
            PartialBatch partial) {
        this(request, key, action, cost, openJob, note, recorded, partial, null, null);
    }

    /** An asset the lock does not record with this key, with no partial batch to complete. */
    public PlannedAsset(AssetRequest request, String key, Action action, Cost cost, OpenJob openJob, String note) {
        this(request, key, action, cost, openJob, note, null, null);
    }

    /**
     * The asset as its create request goes out: the whole request, or for a partial batch only the
     * missing files, under the same key and journal entry.
     */
    public PlannedAsset sending() {
        return partial == null || partial.remainder() == null
                ? this
                : new PlannedAsset(
                        partial.remainder(), key, action, cost, openJob, note, recorded, null, reason, change);
    }

    /**
     * The same asset without the lock's record: for what this build bought anew on purpose
     * ({@code force}), which replaces the record instead of being held to it.
     */
    public PlannedAsset withoutRecord() {
        return new PlannedAsset(request, key, action, cost, openJob, note, null, partial, reason, change);
    }

    /** The same asset with the reason it is planned so, and how its request changed. */
    PlannedAsset explained(String newReason, Change newChange) {
        return new PlannedAsset(request, key, action, cost, openJob, note, recorded, partial, newReason, newChange);
    }

    public String id() {
        return request.id();
    }

    /**
     * Blocked because a create request was sent and no answer recorded. That is a lost answer only if
     * no live build is still waiting for it, which only the key's lock can tell at run time.
     */
    public boolean awaitsAnAnswer() {
        return action == Action.BLOCKED && openJob != null && !openJob.answered();
    }
}
