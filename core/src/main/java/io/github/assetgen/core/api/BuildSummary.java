package io.github.assetgen.core.api;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.report.Spending;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.run.Elapsed;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a generate run did, per asset, with counts. Immutable.
 *
 * @param spent the formatted estimate of what was spent (e.g. "24 credits, $0.0105")
 * @param spentByProvider what this build spent per provider, sorted by name
 * @param lockedTotal what the assets in the lock cost in all, formatted (e.g. "120 credits, $1.33")
 * @param wallTime how long the run took, from the first step to the reports; null when not measured
 */
public record BuildSummary(
        List<AssetResult> results,
        String spent,
        Map<String, Cost> spentByProvider,
        String lockedTotal,
        Duration wallTime) {

    public BuildSummary {
        results = List.copyOf(results);
        spentByProvider = Collections.unmodifiableMap(new TreeMap<>(spentByProvider));
    }

    /** A summary without its wall time. */
    public BuildSummary(
            List<AssetResult> results, String spent, Map<String, Cost> spentByProvider, String lockedTotal) {
        this(results, spent, spentByProvider, lockedTotal, null);
    }

    public Map<AssetStatus, Long> counts() {
        Map<AssetStatus, Long> counts = new EnumMap<>(AssetStatus.class);
        results.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    public List<AssetResult> failures() {
        return results.stream().filter(AssetResult::failed).toList();
    }

    /**
     * The closing line: "5 asset(s): 2 generated, 1 restored, 2 kept; spent 16 credits at useapi, $0.28
     * at minimax; the locked assets cost 120 credits, $1.33; took 3 min 5 s".
     */
    public String describe() {
        String parts = counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        return results.size() + " asset(s): " + (parts.isEmpty() ? "nothing to do" : parts) + "; spent "
                + Spending.describeSpent(results) + "; the locked assets cost " + lockedTotal
                + (wallTime == null ? "" : "; took " + Elapsed.of(wallTime));
    }
}
