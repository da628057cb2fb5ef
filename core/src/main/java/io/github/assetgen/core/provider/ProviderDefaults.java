package io.github.assetgen.core.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What a provider uses unless the build overrides it.
 *
 * @param models the model per asset type when a spec names none
 * @param baseUrl where its API lives; the client appends its own paths
 * @param firstPoll wait after a submit before the first poll
 * @param pollInterval wait between polls
 * @param readTimeout socket read timeout; must outlast a synchronous generation
 * @param maxJobs jobs in flight at once
 */
public record ProviderDefaults(
        DefaultModels models,
        URI baseUrl,
        Duration firstPoll,
        Duration pollInterval,
        Duration readTimeout,
        int maxJobs) {

    public ProviderDefaults {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(firstPoll, "firstPoll");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }
}
