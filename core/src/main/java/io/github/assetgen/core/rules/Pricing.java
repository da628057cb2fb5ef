package io.github.assetgen.core.rules;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.request.AssetRequest;

/**
 * What a request is expected to cost, asked of its provider's descriptor: useapi prices in
 * credits, APIXO in dollars, MiniMax's own API publishes none (unknown), the placeholder is free.
 * Immutable.
 */
public final class Pricing {

    private static final Pricing STANDARD = new Pricing(ProviderRegistry.standard());

    private final ProviderRegistry registry;

    private Pricing(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** The published prices. */
    public static Pricing standard() {
        return STANDARD;
    }

    /** The expected cost of one resolved request (all its files); unknown for an unknown provider. */
    public Cost estimate(AssetRequest request) {
        return registry.find(request.provider()).map(p -> p.estimate(request)).orElse(Cost.unknown());
    }
}
