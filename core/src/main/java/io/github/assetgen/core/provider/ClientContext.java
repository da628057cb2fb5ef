package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetRequest;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * What a provider's client is made from in one build.
 *
 * @param settings the provider's settings, the build's overrides applied
 * @param connections the build's one HTTP client: every provider's client derives its own from it,
 *     sharing the connection pool and threads
 * @param fileIds the uploads remembered across builds
 * @param workDirectory scratch space on the cache's file system
 * @param renderSize the size a request's model would render (what the placeholder draws at)
 */
public record ClientContext(
        ProviderSettings settings,
        OkHttpClient connections,
        FileIdMemory fileIds,
        Path workDirectory,
        Function<AssetRequest, RenderSize> renderSize) {

    public ClientContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(fileIds, "fileIds");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(renderSize, "renderSize");
    }
}
