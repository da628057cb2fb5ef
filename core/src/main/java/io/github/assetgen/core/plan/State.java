package io.github.assetgen.core.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The words a user reads for an asset's state, defined once: the plan table, the run summary,
 * {@code report.json}, the JUnit XML, the HTML gallery and the README's state table all use these
 * labels and nothing else. A plan says what a build will do; a report says what it did; {@link
 * #KEPT} and {@link #SKIPPED} are both. Immutable.
 */
public enum State {
    /** New asset, changed request or forced: bought. */
    GENERATE(
            "generate",
            Stage.PLAN,
            "a new asset, a changed request or force: a create request is sent and paid for (in a locked build, a"
                    + " failure instead); the plan says which"),
    /** In the local cache: copied. */
    RESTORE("restore", Stage.PLAN, "the key is in the local cache: its files are checked and copied, nothing sent"),
    /** An earlier build's job: polled. */
    RESUME(
            "resume",
            Stage.PLAN,
            "an earlier build submitted it and recorded the job id: the job is polled and downloaded, never submitted"
                    + " again"),
    /** Bought before, in no cache here: got back for free or failed. */
    RECOVER(
            "bought before, not here",
            Stage.PLAN,
            "the lock records this very request, but no output and no local cache has it: got back for free from the"
                    + " shared cache or the provider, matching the lock, else it fails; never bought again without"
                    + " force"),
    /** A create request whose answer was lost. */
    BLOCKED(
            "blocked",
            Stage.PLAN,
            "a create request was sent and no answer is recorded: a build still running it is waited for; otherwise"
                    + " nothing is sent again by itself and the asset fails with what to do"),
    /** Needs the network in an offline build. */
    OFFLINE(
            "offline",
            Stage.PLAN,
            "it needs the network and the build is offline: nothing is sent; the asset fails with what to do"),
    /** Outputs match the lock. */
    KEPT("kept", Stage.BOTH, "up to date: the outputs exist and match the lock; nothing sent, nothing copied"),
    /** Copied from a cache or fetched back, free. */
    RESTORED(
            "restored",
            Stage.RESULT,
            "got back for free: from the local cache, the shared cache or the provider; the build says from where"),
    /** Made by this build (a new job or a resumed one). */
    GENERATED("generated", Stage.RESULT, "made by a provider in this build, from a new or a resumed job"),
    /** Some files of a batch came back. */
    PARTIAL(
            "partial",
            Stage.RESULT,
            "only some files of a batch came back: they are kept and locked, the build fails, the next build buys only"
                    + " the missing ones"),
    /** Failed, with the provider's reason. */
    FAILED("failed", Stage.RESULT, "it could not be made or got back: the reason is shown, the build fails"),
    /** Not selected by {@code only}. */
    SKIPPED("skipped", Stage.BOTH, "not selected by only: nothing done; its files stay as they are"),
    /** Not run by this goal: one that only validates or plans, or one that stopped before running any asset. */
    PLANNED(
            "planned",
            Stage.RESULT,
            "not run by this goal: validate-assets and plan-assets run no asset, and a goal that stopped early (spec"
                    + " errors, budget, token, locked build) ran none; nothing was done, the note says which");

    /** Where a state is shown. */
    public enum Stage {
        /** In the plan only: what a build will do. */
        PLAN,
        /** In the reports and the summary only: what a build did. */
        RESULT,
        /** In both. */
        BOTH
    }

    private final String label;
    private final Stage stage;
    private final String meaning;

    State(String label, Stage stage, String meaning) {
        this.label = label;
        this.stage = stage;
        this.meaning = meaning;
    }

    /** The word shown everywhere, and the value of {@code status} in {@code report.json}. */
    public String label() {
        return label;
    }

    /** What the state means, in one line (the README's state table). */
    public String meaning() {
        return meaning;
    }

    public Stage stage() {
        return stage;
    }

    /** True when a plan can show it. */
    public boolean inPlans() {
        return stage != Stage.RESULT;
    }

    /** True when a report can show it. */
    public boolean inReports() {
        return stage != Stage.PLAN;
    }

    /** The states a report can show, in the order summaries list them. */
    public static List<State> reported() {
        return Arrays.stream(values()).filter(State::inReports).toList();
    }

    /** The state with this label. */
    public static Optional<State> ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
