package io.github.assetgen.core.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to talk to one provider in this build. Every timing is settable so tests and proxies can
 * shorten it. Immutable; {@link #toString()} masks the token.
 *
 * @param name provider name
 * @param baseUrl e.g. {@code https://api.useapi.net}; the client appends its own paths
 * @param token the credential, or null when none was found (only the placeholder needs none)
 * @param tokenVariable the environment variable that holds the token, named in advice; null when none
 * @param firstPollDelay wait after submit before the first poll
 * @param pollInterval wait between polls
 * @param connectTimeout TCP connect timeout
 * @param readTimeout socket read timeout
 * @param retryDelay base delay for 5xx back-off; 429s wait this times 1..3 unless the provider says
 * @param maxRetries how often a retryable GET (poll, download, upload) is retried
 * @param maxJobs jobs in flight at once for this provider
 * @param downloadLimits the most one result download may hold, per asset type (no plugin parameter
 *     yet: {@link DownloadLimits#DEFAULT} unless set here)
 */
public record ProviderSettings(
        String name,
        URI baseUrl,
        Secret token,
        String tokenVariable,
        Duration firstPollDelay,
        Duration pollInterval,
        Duration connectTimeout,
        Duration readTimeout,
        Duration retryDelay,
        int maxRetries,
        int maxJobs,
        DownloadLimits downloadLimits) {

    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(firstPollDelay, "firstPollDelay");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (maxJobs < 1) {
            throw new IllegalArgumentException("maxJobs must be at least 1");
        }
        if (downloadLimits == null) {
            downloadLimits = DownloadLimits.DEFAULT;
        }
    }

    /** Settings with the default download limits. */
    public ProviderSettings(
            String name,
            URI baseUrl,
            Secret token,
            String tokenVariable,
            Duration firstPollDelay,
            Duration pollInterval,
            Duration connectTimeout,
            Duration readTimeout,
            Duration retryDelay,
            int maxRetries,
            int maxJobs) {
        this(
                name,
                baseUrl,
                token,
                tokenVariable,
                firstPollDelay,
                pollInterval,
                connectTimeout,
                readTimeout,
                retryDelay,
                maxRetries,
                maxJobs,
                DownloadLimits.DEFAULT);
    }

    /** The same settings with other download limits. */
    public ProviderSettings withDownloadLimits(DownloadLimits limits) {
        return new ProviderSettings(
                name,
                baseUrl,
                token,
                tokenVariable,
                firstPollDelay,
                pollInterval,
                connectTimeout,
                readTimeout,
                retryDelay,
                maxRetries,
                maxJobs,
                limits);
    }

    /** Settings that name no token variable (tests, and callers that build settings by hand). */
    public ProviderSettings(
            String name,
            URI baseUrl,
            Secret token,
            Duration firstPollDelay,
            Duration pollInterval,
            Duration connectTimeout,
            Duration readTimeout,
            Duration retryDelay,
            int maxRetries,
            int maxJobs) {
        this(
                name,
                baseUrl,
                token,
                null,
                firstPollDelay,
                pollInterval,
                connectTimeout,
                readTimeout,
                retryDelay,
                maxRetries,
                maxJobs);
    }
}
