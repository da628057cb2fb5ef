package io.github.assetgen.core.run;

import io.github.assetgen.core.provider.Recollection;
import io.github.assetgen.core.store.shared.SharedCache;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a build may do to get an asset without buying it, and whether it may buy at all. Immutable.
 *
 * @param sharedCache the team's shared cache, or null when none is configured
 * @param save whether this build uploads to the shared cache what it has and the server lacks
 * @param locked no create request is sent at all; RESUME, restores and re-collects only
 * @param recollections per provider name, how it gives a finished result back
 */
public record RunPolicy(
        SharedCache sharedCache, boolean save, boolean locked, Function<String, Recollection> recollections) {

    public RunPolicy {
        Objects.requireNonNull(recollections, "recollections");
    }

    /** No shared cache, not locked, no re-collect: what a build did before there were any. */
    public static RunPolicy none() {
        return new RunPolicy(
                null, false, false, provider -> Recollection.none("re-collecting is not enabled for this run", null));
    }
}
