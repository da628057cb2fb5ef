package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.Secret;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockWebServer;

/** Provider settings pointing at a MockWebServer, with short timeouts. */
public final class TestSettings {

    public static final String TOKEN = "user:1-fakeTestToken";

    private TestSettings() {}

    public static ProviderSettings forServer(String provider, MockWebServer server, int maxRetries) {
        return forUri(provider, server.url("/").uri(), maxRetries);
    }

    public static ProviderSettings forUri(String provider, URI baseUrl, int maxRetries) {
        // the real token variable, so advice after a 401 reads as it does in a build
        String tokenVariable = ProviderRegistry.standard()
                .find(provider)
                .map(p -> p.tokenVariable())
                .orElse(null);
        return new ProviderSettings(
                provider,
                baseUrl,
                Secret.of(TOKEN),
                tokenVariable,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                maxRetries,
                2);
    }

    public static HttpCaller caller(ProviderSettings settings, Sleeper sleeper) {
        return new HttpCaller(settings, new HttpClientFactory(), sleeper, ResponseClassifier.ACCEPT_ALL);
    }
}
