package io.github.assetgen.core.api;

import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.apixo.ApixoClient;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.minimax.MinimaxClient;
import io.github.assetgen.core.provider.useapi.UseapiClient;
import io.github.assetgen.core.provider.placeholder.PlaceholderClient;
import io.github.assetgen.core.provider.placeholder.PlaceholderSizer;
import io.github.assetgen.core.rules.ModelCatalog;
import io.github.assetgen.core.rules.RenderSize;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The one place that knows which client class serves which provider name. */
final class ProviderClients {

    private ProviderClients() {}

    /**
     * Creates a client for each named provider.
     *
     * @param workDirectory scratch space on the cache's file system (placeholder renders)
     */
    static Map<String, ProviderClient> create(Set<String> names, Map<String, ProviderSettings> settings,
            FileIdMemory fileIds, Path workDirectory) {
        // one connection pool for the whole build; each client derives its own timeouts from it
        HttpClientFactory http = new HttpClientFactory();
        Map<String, ProviderClient> clients = new LinkedHashMap<>();
        for (String name : names) {
            clients.put(name, create(name, settings.get(name), http, fileIds, workDirectory));
        }
        return clients;
    }

    private static ProviderClient create(String name, ProviderSettings settings, HttpClientFactory http,
            FileIdMemory fileIds, Path workDirectory) {
        if (ProviderDefaults.PLACEHOLDER.equals(name)) {
            ModelCatalog catalog = ModelCatalog.standard();
            return new PlaceholderClient(request -> {
                RenderSize size = catalog.renderSize(request);
                return new PlaceholderSizer.Size(size.width(), size.height(), size.durationSeconds());
            }, workDirectory.resolve("placeholder"));
        }
        return switch (name) {
            case "useapi" -> new UseapiClient(settings, http, fileIds);
            case "minimax" -> new MinimaxClient(settings, http);
            case "apixo" -> new ApixoClient(settings, http);
            default -> throw new IllegalArgumentException("unknown provider '" + name + "'");
        };
    }
}
