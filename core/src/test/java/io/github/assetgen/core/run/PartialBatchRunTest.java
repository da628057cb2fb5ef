package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.DiskState;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.plan.Planner;
import io.github.assetgen.core.plan.Selection;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.rules.Pricing;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.PartialBatches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of which only some images come back: the ones that came are kept, the rest bought later. */
class PartialBatchRunTest {

    @TempDir
    Path temp;

    private Path cacheDir;
    private Path outputDir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private AssetCache cache;
    private Journal journal;

    /** nano-banana-2 at 1K: 4 credits an image, 16 for the set of 4. */
    private final AssetRequest set = new AssetRequest(
            "set",
            "useapi",
            AssetType.IMAGE,
            "nano-banana-2",
            "a set of icons",
            Map.of("quantity", 4, "resolution", "1K"),
            List.of(),
            null,
            null,
            null,
            null,
            List.of("img/set-1.png", "img/set-2.png", "img/set-3.png", "img/set-4.png"),
            Position.startOf("a.yaml"));

    @BeforeEach
    void setUp() {
        cacheDir = temp.resolve("cache");
        outputDir = temp.resolve("out");
        cache = AssetCache.withDirectory(cacheDir, clock, RunListener.silent()::warn);
        journal = Journal.withDirectory(cacheDir, clock, RunListener.silent()::warn);
    }

    private AssetRunner runner(ScriptedClient client) {
        return runner(client, RunListener.silent());
    }

    private AssetRunner runner(ScriptedClient client, RunListener listener) {
        Sleeper sleeper = duration -> {};
        return RunnerFixtures.runner(
                client,
                RunnerFixtures.settings("useapi", 2),
                cache,
                journal,
                cacheDir,
                outputDir,
                false,
                clock,
                sleeper,
                listener,
                RunPolicy.none());
    }

    private PlannedAsset plan(LockFile lock) {
        DiskState state = new DiskState(
                lock, outputDir, cache, journal, provider -> Duration.ofDays(7), (asked, format) -> asked, clock);
        Plan plan = new Planner(Pricing.standard()).plan(List.of(set), state, Selection.all(), false, false);
        return plan.assets().get(0);
    }

    private AssetResult partialBuild() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .endJobWith("set", 2, new JobState.Failed("useapi moderated the image", true))
                .endJobWith("set", 4, new JobState.Failed("useapi reports the image as failed", false));
        PlannedAsset first = plan(LockFile.empty());
        assertThat(first.partial()).isNull();
        return runner(client).run(List.of(first)).get(0);
    }

    @Test
    void whatTheProviderSaysOfAResultItReturnsIsWarnedWithTheAssetsIdAndTheFileIsKept() throws Exception {
        LineLog log = new LineLog();
        String job = "user:1-minimax:acct-image:set-3";
        ScriptedClient client = new ScriptedClient("useapi")
                .endJobWith(
                        "set",
                        3,
                        new JobState.Succeeded(
                                List.of(ResultLocation.ofUrl("https://cdn.example/" + job)),
                                "useapi gave only the watermarked videoURL for image " + job));

        AssetResult result =
                runner(client, log).run(List.of(plan(LockFile.empty()))).get(0);

        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(outputDir.resolve("img/set-3.png")).exists();
        assertThat(log.warnings).containsExactly("[set] useapi gave only the watermarked videoURL for image " + job);
    }

    @Test
    void theImagesThatCameBackArePlacedCachedAndChargedAndTheAssetIsPartial() throws Exception {
        AssetResult result = partialBuild();

        assertThat(result.status()).isEqualTo(AssetStatus.PARTIAL);
        assertThat(result.failed()).isTrue();
        assertThat(result.partial()).isEqualTo(new LockFile.Partial(2, 4));
        assertThat(result.files())
                .extracting(OutputFile::relativePath)
                .containsExactly("img/set-1.png", "img/set-2.png");
        assertThat(outputDir.resolve("img/set-1.png")).exists();
        assertThat(outputDir.resolve("img/set-3.png")).doesNotExist();
        // useapi charges per image that came back: 2 of the 4 at 4 credits
        assertThat(result.cost()).isEqualTo(Cost.credits(8));
        assertThat(result.spent()).isEqualTo(Cost.credits(8));
        assertThat(result.message()).contains("only 2 of 4 files came back", "moderated", "buys only the missing 2");
        assertThat(PartialBatches.find(cache, CacheKey.of(set), 4))
                .hasValueSatisfying(entry -> assertThat(entry.files()).hasSize(2));
        assertThat(cache.find(CacheKey.of(set))).isEmpty();
        assertThat(journal.find(CacheKey.of(set))).isEmpty();
    }

    @Test
    void theNextBuildBuysOnlyTheMissingImagesAndCompletesTheAsset() throws Exception {
        partialBuild();
        byte[] firstImage = Files.readAllBytes(outputDir.resolve("img/set-1.png"));

        PlannedAsset second = plan(LockFile.empty());
        assertThat(second.action()).isEqualTo(Action.GENERATE);
        assertThat(second.cost()).isEqualTo(Cost.credits(8));
        ScriptedClient client = new ScriptedClient("useapi");
        AssetResult result = runner(client).run(List.of(second)).get(0);

        assertThat(client.submitted).singleElement().satisfies(sent -> {
            assertThat(sent.parameter("quantity")).contains(2);
            assertThat(sent.expectedFiles()).isEqualTo(2);
        });
        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(result.files())
                .extracting(OutputFile::relativePath)
                .containsExactly("img/set-1.png", "img/set-2.png", "img/set-3.png", "img/set-4.png");
        assertThat(Files.readAllBytes(outputDir.resolve("img/set-1.png"))).isEqualTo(firstImage);
        assertThat(result.cost()).isEqualTo(Cost.credits(16));
        assertThat(result.spent()).isEqualTo(Cost.credits(8));
        assertThat(cache.find(CacheKey.of(set)))
                .hasValueSatisfying(entry -> assertThat(entry.files()).hasSize(4));
        assertThat(plan(LockFile.empty()).action()).isEqualTo(Action.RESTORE);
    }

    @Test
    void withoutTheCacheThePartialFilesTheLockRecordsOnDiskAreNotBoughtAgain() throws Exception {
        AssetResult partial = partialBuild();
        LockFile lock = LockFile.empty()
                .with(new LockFile.Entry(
                        "set",
                        CacheKey.of(set),
                        "useapi",
                        "nano-banana-2",
                        partial.files().stream()
                                .map(f -> new LockFile.LockedFile(f.relativePath(), f.sha256(), f.size()))
                                .toList(),
                        partial.cost(),
                        partial.partial(),
                        partial.jobIds(),
                        clock.instant().toString()));
        // a fresh clone: outputs and lock committed, no cache
        io.github.assetgen.core.files.AtomicFiles.deleteRecursively(cacheDir);
        cache = AssetCache.withDirectory(cacheDir, clock, RunListener.silent()::warn);
        journal = Journal.withDirectory(cacheDir, clock, RunListener.silent()::warn);

        PlannedAsset second = plan(lock);

        assertThat(second.partial()).isNotNull();
        assertThat(second.partial().have()).isEqualTo(2);
        assertThat(second.partial().charged()).isEqualTo(Cost.credits(8));
        assertThat(second.sending().request().outputs()).containsExactly("img/set-3.png", "img/set-4.png");
    }

    @Test
    void aBuildKilledAfterBuyingTheMissingImagesResumesThatJobAndKeepsTheEarlierOnes() throws Exception {
        partialBuild();
        String key = CacheKey.of(set);
        journal.begin(key, "useapi", "set", "nano-banana-2");
        journal.recordSubmitted(
                key,
                List.of(
                        new JobRef("useapi", "image", "user:1-minimax:acct-image:set-1"),
                        new JobRef("useapi", "image", "user:1-minimax:acct-image:set-2")));

        PlannedAsset resumed = plan(LockFile.empty());
        assertThat(resumed.action()).isEqualTo(Action.RESUME);
        assertThat(resumed.partial()).isNotNull();
        ScriptedClient client = new ScriptedClient("useapi");
        AssetResult result = runner(client).run(List.of(resumed)).get(0);

        assertThat(client.submits.get()).isZero();
        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(result.files()).hasSize(4);
        assertThat(result.cost()).isEqualTo(Cost.credits(16));
        assertThat(result.spent()).as("paid by the build that sent it").isEqualTo(Cost.free());
    }
}
