package io.github.assetgen.core.plan;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;

/**
 * One asset's entry in a {@link Plan}. Immutable.
 *
 * @param cost what the action will spend (zero/free unless it generates)
 * @param note why the action was chosen, when that is not obvious (blocked reasons); may be null
 */
public record PlannedAsset(AssetRequest request, String key, Action action, Cost cost, OpenJob openJob, String note) {

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
