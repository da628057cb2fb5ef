package io.github.assetgen.maven;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code <providers>} parameter: per-provider base URL and jobs in flight.
 *
 * <p>The one place outside core's provider registry that names providers, and on purpose: Maven
 * binds {@code <providers><useapi>…</useapi></providers>} through a setter named after the
 * element, so each remote provider needs its {@code set<Name>} here. {@code ProvidersTest} fails
 * when a provider of the registry has none.
 */
public class Providers {

    private final Map<String, ProviderParameters> byName = new HashMap<>();

    /** The block of one provider, or null when not configured. */
    ProviderParameters get(String name) {
        return byName.get(name);
    }

    public void setUseapi(ProviderParameters useapi) {
        byName.put("useapi", useapi);
    }

    public void setMinimax(ProviderParameters minimax) {
        byName.put("minimax", minimax);
    }

    public void setApixo(ProviderParameters apixo) {
        byName.put("apixo", apixo);
    }
}
