package io.github.assetgen.core.plan;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.wording.Advice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a build will do for every asset, with the money it will spend. Immutable. */
public record Plan(List<PlannedAsset> assets) {

    public Plan {
        assets = List.copyOf(assets);
    }

    public List<PlannedAsset> withAction(Action action) {
        return assets.stream().filter(a -> a.action() == action).toList();
    }

    /** Credits the GENERATE actions will spend. */
    public BigDecimal credits() {
        return total(Cost.Unit.CREDITS);
    }

    /** US dollars the GENERATE actions will spend. */
    public BigDecimal dollars() {
        return total(Cost.Unit.USD);
    }

    /** Assets that will be generated at a price nobody knows. */
    public List<PlannedAsset> unpriced() {
        return withAction(Action.GENERATE).stream()
                .filter(a -> a.cost().unit() == Cost.Unit.UNKNOWN)
                .toList();
    }

    private BigDecimal total(Cost.Unit unit) {
        return withAction(Action.GENERATE).stream()
                .map(PlannedAsset::cost)
                .filter(c -> c.unit() == unit)
                .map(Cost::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * What the GENERATE actions will spend, per provider (sorted by name), priced assets only; a
     * provider whose assets are all unpriced is absent. Each provider prices in one unit.
     */
    public Map<String, Cost> estimateByProvider() {
        Map<String, Cost> totals = new TreeMap<>();
        for (PlannedAsset asset : withAction(Action.GENERATE)) {
            Cost cost = asset.cost();
            if (cost.unit() == Cost.Unit.CREDITS || cost.unit() == Cost.Unit.USD) {
                totals.merge(asset.request().provider(), cost, Cost::plus);
            }
        }
        return totals;
    }

    /**
     * Why the plan may not run under these budgets, or empty when it fits. Checked before any
     * request is sent. With any budget set, an asset nobody knows the price of does not fit, nor
     * does one priced in the currency of the budget that is not set (dollars under {@code maxCredits}
     * alone, credits under {@code maxUsd} alone): a budget that cannot count it cannot bound it.
     */
    public Optional<String> budgetProblem(BigDecimal maxCredits, BigDecimal maxUsd) {
        List<String> problems = new ArrayList<>();
        if (maxCredits != null && maxUsd == null) {
            uncounted(Cost.Unit.USD, "dollars", "maxCredits", "maxUsd").ifPresent(problems::add);
        }
        if (maxUsd != null && maxCredits == null) {
            uncounted(Cost.Unit.CREDITS, "credits", "maxUsd", "maxCredits").ifPresent(problems::add);
        }
        List<PlannedAsset> unpriced = unpriced();
        if ((maxCredits != null || maxUsd != null) && !unpriced.isEmpty()) {
            problems.add("no price is known for "
                    + unpriced.stream().map(a -> named(a) + ")").collect(Collectors.joining(", "))
                    + ", so a budget cannot bound " + (unpriced.size() == 1 ? "it" : "them"));
        }
        boolean overCredits = maxCredits != null && credits().compareTo(maxCredits) > 0;
        if (overCredits) {
            problems.add("the estimate of " + credits().toPlainString() + " credits exceeds maxCredits "
                    + maxCredits.toPlainString());
        }
        boolean overUsd = maxUsd != null && dollars().compareTo(maxUsd) > 0;
        if (overUsd) {
            problems.add(
                    "the estimate of $" + dollars().toPlainString() + " exceeds maxUsd $" + maxUsd.toPlainString());
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        // raising a budget cannot bound what it does not count
        String way = overCredits || overUsd
                ? "Raise the budget (" + Advice.parameter("maxCredits", "...") + ", "
                        + Advice.parameter("maxUsd", "...") + ") or generate fewer assets ("
                : "Leave those assets out (";
        return Optional.of(
                String.join("; ", problems) + ". Nothing was sent. " + way + Advice.parameter("only", "<ids>") + ").");
    }

    /** The assets priced in {@code unit}, which the one budget set does not count, named; empty when none. */
    private Optional<String> uncounted(Cost.Unit unit, String currency, String setBudget, String otherBudget) {
        List<PlannedAsset> uncounted = withAction(Action.GENERATE).stream()
                .filter(a -> a.cost().unit() == unit && a.cost().amount().signum() > 0)
                .toList();
        if (uncounted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(uncounted.stream()
                        .map(a -> named(a) + ", " + a.cost().format() + ")")
                        .collect(Collectors.joining(", "))
                + (uncounted.size() == 1 ? " is" : " are") + " priced in " + currency + ", which " + setBudget
                + " does not count: set " + Advice.parameter(otherBudget) + " as well");
    }

    /** {@code id (model @ provider}, for a budget message to close. */
    private static String named(PlannedAsset asset) {
        return asset.id() + " (" + asset.request().model() + " @ "
                + asset.request().provider();
    }
}
