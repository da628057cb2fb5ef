package io.github.assetgen.core.api;

import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Each provider's own defaults (base URL, polling, jobs in flight, credentials' names), from
 * provider-facts: useapi's vendor code polls every 15–30 s, MiniMax's own client every 20 s,
 * APIXO recommends a first poll after 15–20 s then every 3–5 s. Stateless.
 */
public final class ProviderDefaults {

    /** The providers that talk HTTP, in a stable order. */
    public static final List<String> REMOTE_PROVIDERS = List.of("useapi", "minimax", "apixo");

    public static final String PLACEHOLDER = "placeholder";

    private record Defaults(String baseUrl, String environmentVariable, Duration firstPoll, Duration pollInterval,
            Duration readTimeout, int maxJobs) {}

    private static final Map<String, Defaults> DEFAULTS = Map.of(
            // useapi's accounts run 1-2 jobs at a time; a spare slot helps when hailuoai answers 502 but queues
            "useapi", new Defaults("https://api.useapi.net", "USEAPI_TOKEN", Duration.ofSeconds(5),
                    Duration.ofSeconds(15), Duration.ofSeconds(60), 2),
            // MiniMax answers images synchronously: the read timeout must outlast a generation, or a paid
            // request would look lost
            "minimax", new Defaults("https://api.minimax.io", "MINIMAX_API_KEY", Duration.ofSeconds(20),
                    Duration.ofSeconds(20), Duration.ofMinutes(5), 2),
            "apixo", new Defaults("https://api.apixo.ai", "APIXO_API_KEY", Duration.ofSeconds(15),
                    Duration.ofSeconds(4), Duration.ofSeconds(60), 4),
            PLACEHOLDER, new Defaults("http://placeholder.invalid", null, Duration.ZERO, Duration.ZERO,
                    Duration.ofSeconds(60), Math.max(1, Runtime.getRuntime().availableProcessors())));

    private ProviderDefaults() {}

    /**
     * How long a provider keeps a finished job's results: useapi 7 days (then 410), MiniMax and
     * APIXO result URLs 24 hours. An open journal entry older than this is reported, not resubmitted.
     */
    public static Duration resultRetention(String provider) {
        return "useapi".equals(provider) ? Duration.ofDays(7) : Duration.ofHours(24);
    }

    /** The environment variable holding a provider's token, or null for the placeholder. */
    public static String environmentVariable(String provider) {
        Defaults defaults = DEFAULTS.get(provider);
        return defaults == null ? null : defaults.environmentVariable();
    }

    /** The settings.xml server id holding a provider's token. */
    public static String serverId(String provider) {
        return "assetgen-" + provider;
    }

    /**
     * A provider's settings with the user's overrides applied; a null override keeps the default.
     *
     * @throws IllegalArgumentException for an unknown provider or a malformed URL
     */
    public static ProviderSettings settings(String provider, Secret token, String baseUrl, Duration pollInterval,
            Duration retryDelay, Integer maxJobs) {
        Defaults defaults = DEFAULTS.get(provider);
        if (defaults == null) {
            throw new IllegalArgumentException("unknown provider '" + provider + "'");
        }
        URI uri = URI.create(baseUrl == null || baseUrl.isBlank() ? defaults.baseUrl() : baseUrl.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(provider + " baseUrl '" + baseUrl + "' is not an http(s) URL");
        }
        Duration interval = pollInterval == null ? defaults.pollInterval() : pollInterval;
        // a configured poll interval also shortens the first wait, so tests and proxies run fast
        Duration firstPoll = pollInterval == null ? defaults.firstPoll() : pollInterval;
        return new ProviderSettings(provider, uri, token, firstPoll, interval, Duration.ofSeconds(10),
                defaults.readTimeout(), retryDelay == null ? Duration.ofSeconds(10) : retryDelay, 4,
                maxJobs == null ? defaults.maxJobs() : maxJobs);
    }
}
