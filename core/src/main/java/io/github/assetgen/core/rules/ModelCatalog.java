package io.github.assetgen.core.rules;

import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.RenderSize;
import io.github.assetgen.core.provider.RenderSizes;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule book's view of the models of every provider: the questions the rules ask across
 * providers ("is this model offered elsewhere?", "which models take this field?"). The models
 * themselves live in each provider's descriptor; this reads them from the {@link ProviderRegistry}.
 * Immutable.
 */
public final class ModelCatalog {

    private static final ModelCatalog STANDARD = new ModelCatalog(ProviderRegistry.standard());

    private final ProviderRegistry registry;
    /** Asked of every asset: made once. */
    private final Set<String> providerNames;

    /** Each provider's models by name, the first of a name as the descriptor lists them; asked of every asset. */
    private final Map<String, Map<String, ModelRules>> modelsByProvider;

    private ModelCatalog(ProviderRegistry registry) {
        this.registry = registry;
        this.providerNames = Collections.unmodifiableSet(new LinkedHashSet<>(registry.names()));
        Map<String, Map<String, ModelRules>> models = new HashMap<>();
        for (String provider : registry.names()) {
            Map<String, ModelRules> byName = new HashMap<>();
            registry.find(provider).ifPresent(p -> p.models().forEach(m -> byName.putIfAbsent(m.model(), m)));
            models.put(provider, Map.copyOf(byName));
        }
        this.modelsByProvider = Map.copyOf(models);
    }

    /** The catalog of the standard providers. */
    public static ModelCatalog standard() {
        return STANDARD;
    }

    /** The provider of that name, if any. */
    public Optional<ProviderDescriptor> provider(String name) {
        return registry.find(name);
    }

    /** The provider a spec gets when it names none. */
    public ProviderDescriptor defaultProvider() {
        return registry.defaultProvider();
    }

    /** The rules of a provider's model; empty for unknown names and for the placeholder provider. */
    public Optional<ModelRules> find(String provider, String model) {
        if (provider == null || model == null) {
            return Optional.empty();
        }
        Map<String, ModelRules> models = modelsByProvider.get(provider);
        return models == null ? Optional.empty() : Optional.ofNullable(models.get(model));
    }

    /** Every provider name, the default ({@code useapi}) first. */
    public Set<String> providers() {
        return providerNames;
    }

    /** The models a provider offers for a type, in document order. */
    public List<String> models(String provider, AssetType type) {
        return registry.find(provider).map(ProviderDescriptor::models).orElse(List.of()).stream()
                .filter(m -> m.type() == type)
                .map(ModelRules::model)
                .toList();
    }

    /** Every model of every provider (for the JSON schema and "only supported by" hints). */
    public List<ModelRules> all() {
        return registry.models();
    }

    /**
     * The model used when a spec names none, or null when the provider makes nothing of that type.
     * The placeholder provider borrows useapi's defaults so its renders have a realistic size.
     */
    public String defaultModel(String provider, AssetType type, boolean hasFirstFrame) {
        return registry.find(provider)
                .map(p -> p.defaults().models().forType(type, hasFirstFrame))
                .orElse(null);
    }

    /** The pixel size (and duration) the named model would produce; see {@link ProviderRegistry#renderSize}. */
    public RenderSize renderSize(AssetRequest request) {
        return registry.renderSize(request);
    }

    /** Width and height of an APIXO {@code size} ({@code 1024*1024}, {@code 1024x1024}, {@code 1024X1024}). */
    static Optional<int[]> parseSize(String size) {
        return RenderSizes.parseSize(size);
    }

    /** The nearest multiple of 8 (APIXO rounds sizes this way; halves round up). */
    static int roundTo8(int value) {
        return RenderSizes.roundTo8(value);
    }
}
