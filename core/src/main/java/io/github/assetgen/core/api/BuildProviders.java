package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.Recollection;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.run.RunPolicy;
import io.github.assetgen.core.store.shared.HttpSharedCache;
import io.github.assetgen.core.store.shared.SharedCacheConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a build needs to know of the providers it calls: whose token is missing, which clients to
 * make (and for which assets a free re-collect may be tried), the run's shared cache and locked
 * mode, and how long each provider keeps results. Read from the registry and the build's
 * configuration; immutable.
 */
final class BuildProviders {

    private final BuildConfig config;

    BuildProviders(BuildConfig config) {
        this.config = config;
    }

    /** Fails, naming both ways to set a token, for every provider that must be called and has none. */
    void checkCredentials(Plan plan) throws MissingTokenException {
        Map<ProviderDescriptor, List<String>> missing = new LinkedHashMap<>();
        List<String> buildable = new ArrayList<>();
        for (PlannedAsset asset : plan.assets()) {
            ProviderDescriptor provider =
                    ProviderRegistry.standard().get(asset.request().provider());
            ProviderSettings settings = config.providers().get(provider.name());
            if (asset.action().needsNetwork()
                    && provider.tokenVariable() != null
                    && (settings == null || settings.token() == null)) {
                missing.computeIfAbsent(provider, p -> new ArrayList<>()).add(asset.id());
            } else if (asset.action() != Action.SKIP) {
                buildable.add(asset.id());
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingTokenException(missing, buildable, config.wording());
        }
    }

    /**
     * Clients for the providers this plan sends to, and for those an asset bought before may be
     * re-collected from: only where a token is configured, since re-collecting is never required.
     */
    Map<String, ProviderClient> clients(Plan plan, Stores stores) throws IOException {
        Set<String> needed = plan.assets().stream()
                .filter(a -> a.action().needsNetwork() || mayRecollect(a))
                .map(a -> a.request().provider())
                .collect(Collectors.toSet());
        return ProviderRegistry.standard()
                .createClients(
                        needed,
                        config.providers(),
                        stores.fileIds(),
                        config.cacheDirectory().resolve("tmp"));
    }

    private boolean mayRecollect(PlannedAsset asset) {
        if (config.offline() || (asset.action() != Action.RECOVER && asset.action() != Action.RESTORE)) {
            return false;
        }
        ProviderDescriptor provider =
                ProviderRegistry.standard().find(asset.request().provider()).orElse(null);
        ProviderSettings settings = provider == null ? null : config.providers().get(provider.name());
        return provider != null
                && provider.recollection().method() != Recollection.Method.NONE
                && (provider.tokenVariable() == null || (settings != null && settings.token() != null));
    }

    /** The shared cache (none offline: nothing is sent), locked mode and how providers give results back. */
    RunPolicy runPolicy() {
        SharedCacheConfig shared = config.offline() ? null : config.sharedCache();
        return new RunPolicy(
                shared == null ? null : new HttpSharedCache(shared),
                shared != null && shared.save(),
                config.locked(),
                provider -> ProviderRegistry.standard()
                        .find(provider)
                        .map(ProviderDescriptor::recollection)
                        .orElseGet(() -> Recollection.none("assetgen no longer knows provider " + provider, null)));
    }

    /** How long a provider keeps a finished job's results; a day for a provider assetgen no longer knows. */
    static Duration resultRetention(String provider) {
        return ProviderRegistry.standard()
                .find(provider)
                .map(ProviderDescriptor::resultRetention)
                .orElse(Duration.ofHours(24));
    }
}
