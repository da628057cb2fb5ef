package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.State;

/** How one asset ended in a build; its {@link State} gives the words of the summary and report.json. */
public enum AssetStatus {
    KEPT(State.KEPT),
    RESTORED(State.RESTORED),
    GENERATED(State.GENERATED),
    /** Some files of a batch came back and were kept; the next build buys only the missing ones. */
    PARTIAL(State.PARTIAL),
    FAILED(State.FAILED),
    SKIPPED(State.SKIPPED);

    private final State state;

    AssetStatus(State state) {
        this.state = state;
    }

    public State state() {
        return state;
    }

    public String label() {
        return state.label();
    }
}
