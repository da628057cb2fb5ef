package io.github.assetgen.core.plan;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.rules.Cost;

/**
 * One asset's entry in a {@link Plan}. Immutable.
 *
 * @param cost what the action will spend (zero/free unless it generates)
 * @param note why the action was chosen, when that is not obvious (blocked reasons); may be null
 */
public record PlannedAsset(AssetRequest request, String key, Action action, Cost cost, OpenJob openJob,
        String note) {

    public String id() {
        return request.id();
    }
}
