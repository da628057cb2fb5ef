package io.github.assetgen.core.report;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.request.AssetRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The plan as the build prints it: one line per asset, then the totals. Stateless. */
public final class PlanTable {

    private PlanTable() {}

    /** One line per asset, then the line with the totals and the estimate, then one total per provider. */
    public static List<String> lines(Plan plan) {
        int width = plan.assets().stream().mapToInt(a -> a.id().length()).max().orElse(2);
        // the widest label among the actions shown, so the model column lines up
        int labelWidth = plan.assets().stream()
                .mapToInt(a -> a.action().label().length())
                .max()
                .orElse(0);
        List<String> lines = new ArrayList<>();
        for (PlannedAsset asset : plan.assets()) {
            AssetRequest request = asset.request();
            StringBuilder line = new StringBuilder("  ")
                    .append(pad(asset.id(), width))
                    .append("  ")
                    .append(pad(asset.action().label(), labelWidth))
                    .append("  ")
                    .append(request.model())
                    .append(" @ ")
                    .append(request.provider());
            if (asset.action() == Action.GENERATE) {
                line.append("  ").append(asset.cost().format());
            }
            if (asset.action() == Action.RECOVER) {
                line.append("  ").append(asset.cost().format()).append(" per the lock, not spent again");
            }
            String why = Stream.of(asset.reason(), asset.note())
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("; "));
            if (!why.isEmpty()) {
                line.append("  (").append(why).append(')');
            }
            lines.add(line.toString());
        }
        // the states' own labels, so the totals read like the lines above them
        lines.add("Plan: " + count(plan, Action.GENERATE) + " to " + Action.GENERATE.label() + ", "
                + count(plan, Action.RESUME) + " to " + Action.RESUME.label() + ", " + count(plan, Action.RESTORE)
                + " to " + Action.RESTORE.label() + ", " + shownIfAny(plan, Action.RECOVER)
                + count(plan, Action.KEEP) + " " + Action.KEEP.label() + ", " + count(plan, Action.SKIP) + " "
                + Action.SKIP.label() + ", " + count(plan, Action.BLOCKED) + " " + Action.BLOCKED.label()
                + (count(plan, Action.OFFLINE) == 0
                        ? ""
                        : ", " + count(plan, Action.OFFLINE) + " " + Action.OFFLINE.label())
                + ". Estimate: " + Spending.format(plan.credits(), plan.dollars()) + ".");
        plan.estimateByProvider()
                .forEach((provider, cost) -> lines.add("  estimate at " + provider + ": " + cost.format()));
        return lines;
    }

    /** The warning that the estimate leaves out assets nobody knows the price of, if there are any. */
    public static Optional<String> unpricedWarning(Plan plan) {
        if (plan.unpriced().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("No price is known for "
                + plan.unpriced().stream().map(PlannedAsset::id).collect(Collectors.joining(", "))
                + "; the estimate leaves them out.");
    }

    /** Shown only when there are any, so plans without them read as before. */
    private static String shownIfAny(Plan plan, Action action) {
        long count = count(plan, action);
        return count == 0 ? "" : count + " " + action.label() + ", ";
    }

    private static long count(Plan plan, Action action) {
        return plan.withAction(action).size();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
