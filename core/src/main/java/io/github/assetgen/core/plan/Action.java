package io.github.assetgen.core.plan;

/** What a build will do for one asset. */
public enum Action {
    /** Outputs exist and match the lock: nothing is sent, nothing is copied. */
    KEEP("up to date"),
    /** The key is in the cache: files are copied from it, nothing is sent. */
    RESTORE("restore from cache"),
    /** A job an earlier build submitted is still open: it is polled, never submitted again. */
    RESUME("resume job"),
    /**
     * The lock records this very request as bought, but it is in no cache and not in the outputs: it
     * is fetched back for free (local cache, shared cache, re-collected from the provider) or the
     * asset fails; it is never bought again without {@code force}.
     */
    RECOVER("bought before, not here"),
    /** Nothing anywhere: a create request is sent and paid for. */
    GENERATE("generate"),
    /** Not selected by {@code only}. */
    SKIP("skipped"),
    /** Cannot go ahead without the user (offline with no cache, or a submission whose answer was lost). */
    BLOCKED("blocked");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    /** How plan-assets prints it. */
    public String label() {
        return label;
    }

    /**
     * True when the action must talk to a provider, and so needs its token. RECOVER may re-collect
     * from one, but only where a token happens to be configured.
     */
    public boolean needsNetwork() {
        return this == RESUME || this == GENERATE;
    }
}
