package io.github.assetgen.core.provider.registry;

import io.github.assetgen.core.provider.ClientContext;
import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.RenderSize;
import io.github.assetgen.core.provider.apixo.ApixoProvider;
import io.github.assetgen.core.provider.minimax.MinimaxProvider;
import io.github.assetgen.core.provider.placeholder.PlaceholderProvider;
import io.github.assetgen.core.provider.useapi.UseapiProvider;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The one list of providers. Everything that needs to know which providers exist (the rule book,
 * the JSON schema, pricing, credentials, client creation, the plugin) asks here. Immutable.
 *
 * <p>Adding a provider: a package {@code provider.<name>} with its {@link ProviderDescriptor} (and
 * client), one line in {@code standardRegistry()}, and, for a remote provider, a
 * {@code set<Name>} in the plugin's {@code Providers}, since Maven binds {@code <providers><name>}
 * by setter name. {@code OnlyTheRegistryListsProvidersTest} and the plugin's {@code ProvidersTest}
 * keep it that way.
 */
public final class ProviderRegistry {

    private static final ProviderRegistry STANDARD = standardRegistry();

    private final List<ProviderDescriptor> providers;
    private final Map<String, ProviderDescriptor> byName = new LinkedHashMap<>();

    private ProviderRegistry(List<ProviderDescriptor> providers) {
        this.providers = List.copyOf(providers);
        for (ProviderDescriptor provider : this.providers) {
            if (byName.put(provider.name(), provider) != null) {
                throw new IllegalStateException("two providers are named " + provider.name());
            }
        }
        if (this.providers.stream().filter(p -> !p.remote()).count() != 1) {
            throw new IllegalStateException("exactly one provider must render locally (the placeholder)");
        }
    }

    private static ProviderRegistry standardRegistry() {
        UseapiProvider useapi = new UseapiProvider();
        // the first is the default provider; the placeholder borrows its default models
        return new ProviderRegistry(List.of(
                useapi,
                new MinimaxProvider(),
                new ApixoProvider(),
                new PlaceholderProvider(useapi.defaults().models())));
    }

    /** The providers assetgen ships with. */
    public static ProviderRegistry standard() {
        return STANDARD;
    }

    /** Every provider, the default first. */
    public List<ProviderDescriptor> all() {
        return providers;
    }

    /** Every provider name, the default first. */
    public List<String> names() {
        return providers.stream().map(ProviderDescriptor::name).toList();
    }

    /** The providers that talk over the network and need a token, in registry order. */
    public List<ProviderDescriptor> remote() {
        return providers.stream().filter(ProviderDescriptor::remote).toList();
    }

    /** The provider a spec gets when it names none. */
    public ProviderDescriptor defaultProvider() {
        return providers.get(0);
    }

    /** The local provider every asset switches to with {@code placeholders}. */
    public ProviderDescriptor placeholder() {
        return providers.stream().filter(p -> !p.remote()).findFirst().orElseThrow();
    }

    /** The provider of that name, if any. */
    public Optional<ProviderDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The provider of that name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public ProviderDescriptor get(String name) {
        ProviderDescriptor provider = byName.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown provider '" + name + "'");
        }
        return provider;
    }

    /** Every model of every provider, provider by provider in registry order. */
    public List<ModelRules> models() {
        return providers.stream().flatMap(p -> p.models().stream()).toList();
    }

    /**
     * The pixel size (and duration) the named model would produce for the request's parameters,
     * looked up with the request's own provider first, then the others in order (the placeholder
     * names any provider's model). Missing or unknown values fall back to the model's defaults; a
     * model no provider knows renders at 1024x1024 (6 s for videos).
     */
    public RenderSize renderSize(AssetRequest request) {
        Optional<ModelRules> own = find(request.provider())
                .flatMap(p -> p.models().stream()
                        .filter(m -> m.model().equals(request.model()))
                        .findFirst());
        Optional<ModelRules> found = own.isPresent()
                ? own
                : models().stream()
                        .filter(m -> m.model().equals(request.model()) && m.type() == request.type())
                        .findFirst();
        if (found.isEmpty()) {
            return new RenderSize(1024, 1024, request.type() == AssetType.VIDEO ? 6 : 0);
        }
        return get(found.get().provider()).renderSize(found.get(), request);
    }

    /**
     * Creates a client for each named provider; a provider without settings gets its defaults.
     *
     * @param workDirectory scratch space on the cache's file system (placeholder renders)
     */
    public Map<String, ProviderClient> createClients(
            Set<String> names, Map<String, ProviderSettings> settings, FileIdMemory fileIds, Path workDirectory) {
        if (names.isEmpty()) {
            // a build with nothing to send (all up to date) never loads the HTTP stack
            return new LinkedHashMap<>();
        }
        // one connection pool for the whole build; each client derives its own timeouts from it
        OkHttpClient connections = new OkHttpClient();
        Map<String, ProviderClient> clients = new LinkedHashMap<>();
        for (String name : names) {
            ProviderDescriptor provider = get(name);
            ProviderSettings own = settings.get(name);
            ProviderSettings effective = own != null ? own : provider.settings(null, null, null, null, null);
            clients.put(
                    name,
                    provider.createClient(
                            new ClientContext(effective, connections, fileIds, workDirectory, this::renderSize)));
        }
        return clients;
    }
}
