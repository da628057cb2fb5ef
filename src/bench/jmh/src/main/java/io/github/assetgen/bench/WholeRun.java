package io.github.assetgen.bench;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.Secret;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetRunner;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.run.RunListener;
import io.github.assetgen.core.run.RunPolicy;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.KeyLock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A cold run of the core runner, no Maven: {@code n} new image assets against a {@link FakeProvider},
 * with the real cache, journal, key locks and output placement in a temporary folder.
 */
final class WholeRun {

    private WholeRun() {}

    /** Without a watcher. */
    static Outcome run(int n, int slots, Duration latency, Duration pollInterval)
            throws IOException, InterruptedException {
        return run(n, slots, latency, pollInterval, provider -> {});
    }

    /** What one run took and what the fake saw. */
    record Outcome(long wallNanos, List<AssetResult> results, FakeProvider provider) {

        long failed() {
            return results.stream()
                    .filter(r -> r.status() != AssetStatus.GENERATED)
                    .count();
        }
    }

    static Outcome run(int n, int slots, Duration latency, Duration pollInterval, Consumer<FakeProvider> everySecond)
            throws IOException, InterruptedException {
        return run(n, slots, latency, pollInterval, false, everySecond);
    }

    /** @param reportsPercent whether the fake's running jobs report a steadily rising percent */
    static Outcome run(
            int n,
            int slots,
            Duration latency,
            Duration pollInterval,
            boolean reportsPercent,
            Consumer<FakeProvider> everySecond)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("assetgen-bench");
        try {
            FakeProvider provider = new FakeProvider(latency.toNanos(), reportsPercent);
            ProviderSettings settings = new ProviderSettings(
                    FakeProvider.NAME,
                    URI.create("https://fake.invalid/"),
                    Secret.of("test-token-not-real"),
                    pollInterval,
                    pollInterval,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(1),
                    0,
                    slots);
            Clock clock = Clock.systemUTC();
            Path cacheDirectory = folder.resolve("cache");
            AssetRunner runner = new AssetRunner(
                    Map.of(FakeProvider.NAME, provider),
                    Map.of(FakeProvider.NAME, settings),
                    AssetCache.withDirectory(cacheDirectory, clock, message -> {}),
                    Journal.withDirectory(cacheDirectory, clock, message -> {}),
                    KeyLock.withDirectory(cacheDirectory),
                    folder.resolve("out"),
                    cacheDirectory.resolve("tmp"),
                    Duration.ofMinutes(30),
                    false,
                    clock,
                    Sleeper.SYSTEM,
                    new SecureRandom(),
                    RunListener.silent(),
                    RunPolicy.none());
            List<PlannedAsset> work = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                AssetRequest request = new AssetRequest(
                        "asset-" + i,
                        FakeProvider.NAME,
                        AssetType.IMAGE,
                        "fake-image",
                        "benchmark asset number " + i,
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        List.of("asset-" + i + ".png"),
                        Position.startOf("bench.yaml"));
                work.add(new PlannedAsset(request, CacheKey.of(request), Action.GENERATE, Cost.free(), null, null));
            }
            Thread ticker = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(1000);
                        everySecond.accept(provider);
                    }
                } catch (InterruptedException e) {
                    // the run is over
                }
            });
            ticker.setDaemon(true);
            ticker.start();
            long start = System.nanoTime();
            List<AssetResult> results = runner.run(work);
            long wall = System.nanoTime() - start;
            ticker.interrupt();
            return new Outcome(wall, results, provider);
        } finally {
            deleteRecursively(folder);
        }
    }

    /** The time no runner can beat: {@code ceil(n / slots)} waves of one latency each. */
    static long idealNanos(int n, int slots, Duration latency) {
        return ((n + slots - 1) / slots) * latency.toNanos();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
