package io.github.assetgen.core.report;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.store.LockFile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Money as the plan and the summary show it: {@code "24 credits, $0.0105"}. Stateless. */
public final class Spending {

    private Spending() {}

    /** Both currencies, as the plan's estimate and the build's summary show them. */
    public static String format(BigDecimal credits, BigDecimal dollars) {
        return credits.toPlainString() + " credits, $" + dollars.toPlainString();
    }

    /**
     * What a build spent: what every asset generated (or partly generated) by a new create cost.
     * Resumed jobs were paid for by the build that submitted them.
     */
    public static String spent(List<AssetResult> results) {
        BigDecimal credits = BigDecimal.ZERO;
        BigDecimal dollars = BigDecimal.ZERO;
        for (AssetResult result : results) {
            Cost cost = result.spent();
            switch (cost.unit()) {
                case CREDITS -> credits = credits.add(cost.amount());
                case USD -> dollars = dollars.add(cost.amount());
                default -> {
                    // free or unknown: nothing to add
                }
            }
        }
        return format(credits, dollars);
    }

    /** What a build spent per provider (sorted by name); providers it spent nothing at are left out. */
    public static Map<String, Cost> byProvider(List<AssetResult> results) {
        Map<String, Cost> spent = new TreeMap<>();
        for (AssetResult result : results) {
            if (result.spent().unit() != Cost.Unit.FREE) {
                spent.merge(result.planned().request().provider(), result.spent(), Cost::plus);
            }
        }
        return spent;
    }

    /**
     * What the locked assets cost in all, one figure per unit ({@code "120 credits, $1.33"}), with
     * how many locked assets have no known price.
     */
    public static String lockedTotal(LockFile lock) {
        Map<Cost.Unit, Cost> totals = new TreeMap<>();
        int unknown = 0;
        for (LockFile.Entry entry : lock.entries()) {
            switch (entry.cost().unit()) {
                case CREDITS, USD -> totals.merge(entry.cost().unit(), entry.cost(), Cost::plus);
                case UNKNOWN -> unknown++;
                default -> {
                    // free
                }
            }
        }
        List<String> parts =
                new ArrayList<>(totals.values().stream().map(Cost::format).collect(Collectors.toList()));
        if (unknown > 0) {
            parts.add(unknown + " at an unknown price");
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    /**
     * What a build spent per provider, for its closing line: {@code "16 credits at useapi, $0.28 and an
     * unknown amount at minimax"}, or {@code "nothing"}. Unlike {@link #byProvider}, an asset of unknown
     * price does not hide what the priced ones cost.
     */
    public static String describeSpent(List<AssetResult> results) {
        return describeSpent(results.stream()
                .map(r -> Map.entry(r.planned().request().provider(), r.spent()))
                .toList());
    }

    /** Like {@link #describeSpent(List)}, from each asset's provider and spent (the gallery's header). */
    static String describeSpent(Collection<Map.Entry<String, Cost>> spentPerAsset) {
        Map<String, Map<Cost.Unit, Cost>> known = new TreeMap<>();
        Map<String, Integer> unknown = new TreeMap<>();
        for (Map.Entry<String, Cost> asset : spentPerAsset) {
            String provider = asset.getKey();
            Cost spent = asset.getValue();
            switch (spent.unit()) {
                case FREE -> {
                    // nothing to add
                }
                case UNKNOWN -> unknown.merge(provider, 1, Integer::sum);
                default -> known.computeIfAbsent(provider, p -> new TreeMap<>()).merge(spent.unit(), spent, Cost::plus);
            }
        }
        Map<String, String> parts = new TreeMap<>();
        known.forEach((provider, costs) ->
                parts.put(provider, costs.values().stream().map(Cost::format).collect(Collectors.joining(", "))));
        unknown.keySet().forEach(provider -> parts.merge(provider, "an unknown amount", (a, b) -> a + " and " + b));
        if (parts.isEmpty()) {
            return "nothing";
        }
        return parts.entrySet().stream()
                .map(e -> e.getValue() + " at " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
