package io.github.assetgen.core.run;

import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.KeyLock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/** The run tests' runner: one scripted provider, second-long intervals, a 30-minute asset timeout. */
final class RunnerFixtures {

    private RunnerFixtures() {}

    /** A provider's settings for a runner test: polls and retries of a second, {@code maxJobs} slots. */
    static ProviderSettings settings(String provider, int maxJobs) {
        return new ProviderSettings(
                provider,
                URI.create("http://127.0.0.1:1"),
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                2,
                maxJobs);
    }

    /** A runner over {@code cacheDir}'s cache, journal and key locks, writing into {@code outputDir}. */
    static AssetRunner runner(
            ProviderClient client,
            ProviderSettings settings,
            AssetCache cache,
            Journal journal,
            Path cacheDir,
            Path outputDir,
            boolean force,
            Clock clock,
            Sleeper sleeper,
            RunListener log,
            RunPolicy policy) {
        return new AssetRunner(
                Map.of(settings.name(), client),
                Map.of(settings.name(), settings),
                cache,
                journal,
                KeyLock.withDirectory(cacheDir),
                outputDir,
                cacheDir.resolve("tmp"),
                Duration.ofMinutes(30),
                force,
                clock,
                sleeper,
                new Random(7),
                log,
                policy);
    }
}
