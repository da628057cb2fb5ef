package io.github.assetgen.core.report;

import io.github.assetgen.core.provider.Cost;
import java.util.List;
import java.util.Map;

/**
 * The money a gallery card and its header show, from one rule so they agree: a card shows as spent
 * only what this build was charged, the header's "spent this build" is the sum of those, and what a
 * kept or restored asset cost is the lock's figure, labelled as bought earlier and never added to
 * this build's spending. Stateless.
 */
final class CardMoney {

    /** One line of a card's details. */
    record Term(String name, String value) {}

    private CardMoney() {}

    /** What this build was charged for the asset, or null when nothing. */
    static Cost charged(AssetOutcome outcome) {
        Cost spent = outcome.spent();
        return spent == null || spent.unit() == Cost.Unit.FREE ? null : spent;
    }

    /** The card's money line. */
    static Term term(AssetOutcome outcome) {
        Cost charged = charged(outcome);
        if (charged != null) {
            return new Term("spent", charged.format());
        }
        Cost cost = outcome.cost();
        return switch (outcome.status()) {
            case "kept", "restored" ->
                new Term(
                        "bought for",
                        cost == null
                                ? "not recorded"
                                : cost.unit() == Cost.Unit.FREE
                                        ? "free"
                                        : cost.format() + " by an earlier build (from the lock), not spent now");
            case "generated", "partial" ->
                // a resumed job: the build that submitted it paid; a placeholder render is free
                cost == null || cost.unit() == Cost.Unit.FREE
                        ? new Term("spent", "free")
                        : new Term("bought for", cost.format() + " by the build that submitted it, not spent now");
            case "failed" -> new Term("spent", "not charged");
            case "planned" -> new Term("estimate", cost == null ? "unknown" : cost.format());
            default -> new Term("spent", "nothing (not run)");
        };
    }

    /** The header's figure: what this build was charged, per provider, the sum of the cards' "spent". */
    static String spentThisBuild(List<AssetOutcome> outcomes) {
        // the closing line's words (Spending.describeSpent), from the same figures as the cards
        return Spending.describeSpent(outcomes.stream()
                .filter(o -> charged(o) != null && o.provider() != null)
                .map(o -> Map.entry(o.provider(), charged(o)))
                .toList());
    }

    /** What the kept and restored assets cost when they were bought, from the lock; null when none has a price. */
    static String boughtEarlier(List<AssetOutcome> outcomes) {
        Cost credits = Cost.free();
        Cost dollars = Cost.free();
        int unknown = 0;
        for (AssetOutcome outcome : outcomes) {
            Cost cost = outcome.cost();
            if (charged(outcome) != null
                    || cost == null
                    || !(outcome.status().equals("kept") || outcome.status().equals("restored"))) {
                continue;
            }
            switch (cost.unit()) {
                case CREDITS -> credits = credits.plus(cost);
                case USD -> dollars = dollars.plus(cost);
                case UNKNOWN -> unknown++;
                default -> {
                    // free
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (Cost total : List.of(credits, dollars)) {
            if (total.unit() != Cost.Unit.FREE) {
                text.append(text.length() == 0 ? "" : ", ").append(total.format());
            }
        }
        if (unknown > 0) {
            text.append(text.length() == 0 ? "" : ", ").append(unknown).append(" at an unknown price");
        }
        return text.length() == 0 ? null : text.toString();
    }
}
