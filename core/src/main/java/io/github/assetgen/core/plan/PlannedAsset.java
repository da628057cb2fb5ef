package io.github.assetgen.core.plan;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.LockFile;

/**
 * One asset's entry in a {@link Plan}. Immutable.
 *
 * @param cost what the action will spend (zero/free unless it generates); for RECOVER what the lock
 *     says it cost when it was bought, shown but not spent
 * @param note why the action was chosen, when that is not obvious (blocked reasons); may be null
 * @param recorded the lock's entry when it records this asset with this very key, else null: files
 *     restored for it must match the lock
 */
public record PlannedAsset(
        AssetRequest request,
        String key,
        Action action,
        Cost cost,
        OpenJob openJob,
        String note,
        LockFile.Entry recorded) {

    /** An asset the lock does not record with this key. */
    public PlannedAsset(AssetRequest request, String key, Action action, Cost cost, OpenJob openJob, String note) {
        this(request, key, action, cost, openJob, note, null);
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
