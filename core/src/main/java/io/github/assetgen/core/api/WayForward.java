package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.wording.Advice;
import java.util.List;
import java.util.Optional;

/** What a user can do next when a build cannot make everything: the advice, with {@link Advice} markers. */
final class WayForward {

    /** The most ids named in one message; more are counted. */
    private static final int MAX_NAMED = 5;

    /** The most ids put in one {@code only} value; more are described instead. */
    private static final int MAX_ONLY = 8;

    private WayForward() {}

    /**
     * For an offline build whose plan blocks assets that need the network: build online, render
     * placeholders, or select what can be made without the network (up to date, cached or local).
     */
    static Optional<String> offline(Plan plan, boolean offline) {
        if (!offline) {
            return Optional.empty();
        }
        // a lost answer (BLOCKED) stops online builds too; it has its own advice
        List<String> blocked = plan.assets().stream()
                .filter(a -> a.action() == Action.OFFLINE)
                .map(PlannedAsset::id)
                .toList();
        if (blocked.isEmpty()) {
            return Optional.empty();
        }
        List<String> ready = plan.assets().stream()
                .filter(a -> a.action().runs())
                .map(PlannedAsset::id)
                .toList();
        String advice = blocked.size() + " asset(s) need the network and the build is offline (" + named(blocked)
                + "): " + Advice.online() + " to generate them, or run with " + Advice.parameter("placeholders", "true")
                + " to render local stand-ins";
        if (!ready.isEmpty()) {
            advice += ", or " + only(ready, "that need no network") + " to build only those";
        }
        return Optional.of(advice + ".");
    }

    /** "hero, logo and intro", or the first few and how many more. */
    static String named(List<String> ids) {
        if (ids.size() == 1) {
            return ids.get(0);
        }
        if (ids.size() <= MAX_NAMED) {
            return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
        }
        return String.join(", ", ids.subList(0, MAX_NAMED)) + " and " + (ids.size() - MAX_NAMED) + " more";
    }

    /** "run with only=a,b", or, for many ids, which assets to list in {@code only}. */
    static String only(List<String> ids, String which) {
        if (ids.size() <= MAX_ONLY) {
            return "run with " + Advice.parameter("only", String.join(",", ids));
        }
        return "run with " + Advice.parameter("only") + " listing the " + ids.size() + " assets " + which + " ("
                + named(ids) + ")";
    }
}
