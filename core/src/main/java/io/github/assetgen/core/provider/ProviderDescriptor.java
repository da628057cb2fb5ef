package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What one provider is: its name, defaults, credentials, how long its results stay fetchable,
 * which inputs it takes, its models with their rules and prices, and how its client is made. One
 * implementation per provider, in the provider's own package, listed once in the registry.
 * Implementations are immutable and thread-safe.
 */
public interface ProviderDescriptor {

    /** The name specs use ({@code provider: <name>}). */
    String name();

    /** The name messages use for the provider (a brand's own spelling). */
    default String displayName() {
        return name();
    }

    /** False only for a provider that renders locally, without network, token or cost. */
    default boolean remote() {
        return true;
    }

    /**
     * False only for a provider that takes any model name and any parameter value (the placeholder,
     * which renders at the size the named model of any provider would make).
     */
    default boolean checksModels() {
        return true;
    }

    ProviderDefaults defaults();

    /** The environment variable holding the provider's token, or null when it needs none. */
    String tokenVariable();

    /** The settings.xml server id holding the provider's token, or null when it needs none. */
    default String serverId() {
        return tokenVariable() == null ? null : "assetgen-" + name();
    }

    /**
     * How long a finished job's results stay fetchable. An open journal entry older than this is
     * reported, not resubmitted.
     */
    Duration resultRetention();

    /**
     * Whether and for how long a finished result can be fetched again, free, from the job ids the
     * lock records: what a build tries before it fails an asset the lock says was bought. None unless
     * a provider documents a way.
     */
    default Recollection recollection() {
        return Recollection.none("the provider offers no way to fetch a finished result again", null);
    }

    ProviderInputs inputs();

    /**
     * Whether a create whose answer was lost (an answered 5xx, a timeout after sending, a dropped
     * connection) can be looked up at the provider, so that the build adopts the job instead of
     * failing the asset as "may already be paid". True only when the client offers a {@link
     * JobLookup}; each provider's descriptor says why with its documentation's address.
     */
    default boolean canReconcile() {
        return false;
    }

    /** Every model the provider offers, in document order; empty for a provider that checks none. */
    List<ModelRules> models();

    /** The expected cost of one resolved request of this provider (all its files). */
    Cost estimate(AssetRequest request);

    /** The pixel size (and length) one of this provider's models makes for the request's parameters. */
    RenderSize renderSize(ModelRules model, AssetRequest request);

    /** A new client for one build. */
    ProviderClient createClient(ClientContext context);

    /**
     * The provider's settings with the build's overrides applied; a null override keeps the default.
     *
     * @throws IllegalArgumentException for a malformed URL
     */
    default ProviderSettings settings(
            Secret token, String baseUrl, Duration pollInterval, Duration retryDelay, Integer maxJobs) {
        ProviderDefaults defaults = defaults();
        URI uri = baseUrl == null || baseUrl.isBlank() ? defaults.baseUrl() : URI.create(baseUrl.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(name() + " baseUrl '" + baseUrl + "' is not an http(s) URL");
        }
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        boolean loopback = host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1");
        if (tokenVariable() != null && uri.getScheme().equalsIgnoreCase("http") && !loopback) {
            // the token would cross the network in clear; http is only for a fake or proxy on this machine
            throw new IllegalArgumentException(name() + " baseUrl '" + uri + "' uses plain http to another machine,"
                    + " which would send the token in clear: use https (http is accepted for localhost only)");
        }
        Duration interval = pollInterval == null ? defaults.pollInterval() : pollInterval;
        // a configured poll interval also shortens the first wait, so tests and proxies run fast
        Duration firstPoll = pollInterval == null ? defaults.firstPoll() : pollInterval;
        return new ProviderSettings(
                name(),
                uri,
                token,
                tokenVariable(),
                firstPoll,
                interval,
                Duration.ofSeconds(10),
                defaults.readTimeout(),
                retryDelay == null ? Duration.ofSeconds(10) : retryDelay,
                4,
                maxJobs == null ? defaults.maxJobs() : maxJobs);
    }
}
