package io.github.assetgen.core.provider;

import java.util.Objects;

/**
 * A provider-side job, by id. Serialisable as three strings so the journal can keep it across
 * builds. Immutable.
 *
 * @param provider the provider name
 * @param kind what the id names ({@code image}, {@code video}, {@code task}); the client uses it to
 *     pick the polling endpoint
 * @param id the provider's id, exactly as returned (useapi ids contain {@code :})
 */
public record JobRef(String provider, String kind, String id) {

    public JobRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
