package io.github.assetgen.core.api;

import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a generate run did, per asset, with counts. Immutable.
 *
 * @param spent the formatted estimate of what was spent (e.g. "24 credits, $0.0105")
 */
public record BuildSummary(List<AssetResult> results, String spent) {

    public BuildSummary {
        results = List.copyOf(results);
    }

    public Map<AssetStatus, Long> counts() {
        Map<AssetStatus, Long> counts = new EnumMap<>(AssetStatus.class);
        results.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    public List<AssetResult> failures() {
        return results.stream().filter(AssetResult::failed).toList();
    }

    /** One line: "5 assets: 2 generated, 1 restored, 2 kept; spent 16 credits". */
    public String describe() {
        String parts = counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        return results.size() + " asset(s): " + (parts.isEmpty() ? "nothing to do" : parts) + "; spent " + spent;
    }
}
