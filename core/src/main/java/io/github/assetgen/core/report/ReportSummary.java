package io.github.assetgen.core.report;

import io.github.assetgen.core.provider.Cost;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The totals of a build for the reports. Immutable.
 *
 * @param counts assets per status, every status of {@link AssetOutcome#STATUSES} present (0 when
 *     none), in that order
 * @param totalCost the formatted total, e.g. {@code "24 credits"}
 * @param durationMillis how long the build's asset work took
 * @param spentByProvider what this build spent per provider (sorted by name), providers it spent
 *     something at (or at an unknown price) only
 * @param placeholders how many assets' files in the output directory are placeholder renders
 */
public record ReportSummary(
        Map<String, Integer> counts,
        String totalCost,
        long durationMillis,
        Map<String, Cost> spentByProvider,
        int placeholders) {

    /** Totals of a build whose outputs hold no placeholder render. */
    public ReportSummary(
            Map<String, Integer> counts, String totalCost, long durationMillis, Map<String, Cost> spentByProvider) {
        this(counts, totalCost, durationMillis, spentByProvider, 0);
    }

    public ReportSummary {
        Objects.requireNonNull(totalCost, "totalCost");
        spentByProvider = Collections.unmodifiableMap(new TreeMap<>(spentByProvider));
        Map<String, Integer> all = new LinkedHashMap<>();
        for (String status : AssetOutcome.STATUSES) {
            all.put(status, counts.getOrDefault(status, 0));
        }
        counts = Collections.unmodifiableMap(all);
    }

    /** Counts the outcomes' statuses. */
    public static ReportSummary of(List<AssetOutcome> outcomes, String totalCost, long durationMillis) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AssetOutcome outcome : outcomes) {
            counts.merge(outcome.status(), 1, Integer::sum);
        }
        int placeholders =
                (int) outcomes.stream().filter(AssetOutcome::placeholder).count();
        return new ReportSummary(counts, totalCost, durationMillis, spentByProvider(outcomes), placeholders);
    }

    /** What the outcomes spent, per provider; free spending is left out. */
    public static Map<String, Cost> spentByProvider(List<AssetOutcome> outcomes) {
        Map<String, Cost> spent = new TreeMap<>();
        for (AssetOutcome outcome : outcomes) {
            if (outcome.spent() != null && outcome.spent().unit() != Cost.Unit.FREE && outcome.provider() != null) {
                spent.merge(outcome.provider(), outcome.spent(), Cost::plus);
            }
        }
        return spent;
    }

    /** How many assets had this status. */
    public int count(String status) {
        return counts.getOrDefault(status, 0);
    }

    /** How many assets in all. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
