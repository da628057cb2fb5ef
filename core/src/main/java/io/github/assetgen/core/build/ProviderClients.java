package io.github.assetgen.core.build;

import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderSettings;
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
        Map<String, ProviderClient> clients = new LinkedHashMap<>();
        for (String name : names) {
            clients.put(name, create(name, settings.get(name), fileIds, workDirectory));
        }
        return clients;
    }

    private static ProviderClient create(String name, ProviderSettings settings, FileIdMemory fileIds,
            Path workDirectory) {
        if (ProviderDefaults.PLACEHOLDER.equals(name)) {
            ModelCatalog catalog = ModelCatalog.standard();
            return new PlaceholderClient(request -> {
                RenderSize size = catalog.renderSize(request);
                return new PlaceholderSizer.Size(size.width(), size.height(), size.durationSeconds());
            }, workDirectory.resolve("placeholder"));
        }
        throw new IllegalArgumentException("unknown provider '" + name + "'");
    }
}
