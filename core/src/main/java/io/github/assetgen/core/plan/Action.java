package io.github.assetgen.core.plan;

/** What a build will do for one asset; shown to the user as its {@link State}. */
public enum Action {
    /** Outputs exist and match the lock: nothing is sent, nothing is copied. */
    KEEP(State.KEPT),
    /** The key is in the cache: files are copied from it, nothing is sent. */
    RESTORE(State.RESTORE),
    /** A job an earlier build submitted is still open: it is polled, never submitted again. */
    RESUME(State.RESUME),
    /**
     * The lock records this very request as bought, but it is in no cache and not in the outputs: it
     * is fetched back for free (local cache, shared cache, re-collected from the provider) or the
     * asset fails; it is never bought again without {@code force}.
     */
    RECOVER(State.RECOVER),
    /** Nothing anywhere: a create request is sent and paid for. */
    GENERATE(State.GENERATE),
    /** Not selected by {@code only}. */
    SKIP(State.SKIPPED),
    /** A submission whose answer was lost (or that another build is still waiting for): the user decides. */
    BLOCKED(State.BLOCKED),
    /** It needs the network and the build is offline. */
    OFFLINE(State.OFFLINE);

    private final State state;

    Action(State state) {
        this.state = state;
    }

    /** The state the user reads for this action. */
    public State state() {
        return state;
    }

    /** How plan-assets prints it: the state's label. */
    public String label() {
        return state.label();
    }

    /**
     * True when the action must talk to a provider, and so needs its token. RECOVER may re-collect
     * from one, but only where a token happens to be configured.
     */
    public boolean needsNetwork() {
        return this == RESUME || this == GENERATE;
    }

    /** True when the build carries the action out: not for an asset left out, blocked or offline. */
    public boolean runs() {
        return this != SKIP && this != BLOCKED && this != OFFLINE;
    }
}
