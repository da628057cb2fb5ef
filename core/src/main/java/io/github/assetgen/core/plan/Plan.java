package io.github.assetgen.core.plan;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.wording.Advice;
import java.math.BigDecimal;
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
        StringBuilder problem = new StringBuilder();
        if (maxCredits != null && maxUsd == null) {
            uncounted(problem, Cost.Unit.USD, "dollars", "maxCredits", "maxUsd");
        }
        if (maxUsd != null && maxCredits == null) {
            uncounted(problem, Cost.Unit.CREDITS, "credits", "maxUsd", "maxCredits");
        }
        if ((maxCredits != null || maxUsd != null) && !unpriced().isEmpty()) {
            if (problem.length() > 0) {
                problem.append("; ");
            }
            problem.append("no price is known for ")
                    .append(unpriced().stream()
                            .map(a -> a.id() + " (" + a.request().model() + " @ "
                                    + a.request().provider() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(", so a budget cannot bound ")
                    .append(unpriced().size() == 1 ? "it" : "them");
        }
        boolean exceeded = maxCredits != null && credits().compareTo(maxCredits) > 0
                || maxUsd != null && dollars().compareTo(maxUsd) > 0;
        if (maxCredits != null && credits().compareTo(maxCredits) > 0) {
            if (problem.length() > 0) {
                problem.append("; ");
            }
            problem.append("the estimate of ")
                    .append(credits().toPlainString())
                    .append(" credits exceeds maxCredits ")
                    .append(maxCredits.toPlainString());
        }
        if (maxUsd != null && dollars().compareTo(maxUsd) > 0) {
            if (problem.length() > 0) {
                problem.append("; ");
            }
            problem.append("the estimate of $")
                    .append(dollars().toPlainString())
                    .append(" exceeds maxUsd $")
                    .append(maxUsd.toPlainString());
        }
        if (problem.length() == 0) {
            return Optional.empty();
        }
        problem.append(". Nothing was sent. ");
        if (exceeded) {
            problem.append("Raise the budget (")
                    .append(Advice.parameter("maxCredits", "..."))
                    .append(", ")
                    .append(Advice.parameter("maxUsd", "..."))
                    .append(") or generate fewer assets (");
        } else {
            // raising a budget cannot bound what it does not count
            problem.append("Leave those assets out (");
        }
        return Optional.of(
                problem.append(Advice.parameter("only", "<ids>")).append(").").toString());
    }

    /** Names the assets priced in {@code unit}, which the one budget set does not count. */
    private void uncounted(
            StringBuilder problem, Cost.Unit unit, String currency, String setBudget, String otherBudget) {
        List<PlannedAsset> uncounted = withAction(Action.GENERATE).stream()
                .filter(a -> a.cost().unit() == unit && a.cost().amount().signum() > 0)
                .toList();
        if (uncounted.isEmpty()) {
            return;
        }
        problem.append(uncounted.stream()
                        .map(a -> a.id() + " (" + a.request().model() + " @ "
                                + a.request().provider() + ", " + a.cost().format() + ")")
                        .collect(Collectors.joining(", ")))
                .append(uncounted.size() == 1 ? " is" : " are")
                .append(" priced in ")
                .append(currency)
                .append(", which ")
                .append(setBudget)
                .append(" does not count: set ")
                .append(Advice.parameter(otherBudget))
                .append(" as well");
    }
}
