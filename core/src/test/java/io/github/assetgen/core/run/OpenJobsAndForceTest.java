package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.Hashing;
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
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.rules.Pricing;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.EntryMetadata;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.LockFile;
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

/** What a build does with a job an earlier build left open, and what force does to what is already paid. */
class OpenJobsAndForceTest {

    @TempDir
    Path temp;

    private Path cacheDir;
    private Path outputDir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private AssetCache cache;
    private Journal journal;

    @BeforeEach
    void setUp() {
        cacheDir = temp.resolve("cache");
        outputDir = temp.resolve("out");
        cache = AssetCache.withDirectory(cacheDir, clock, RunListener.silent()::warn);
        journal = Journal.withDirectory(cacheDir, clock, RunListener.silent()::warn);
    }

    private AssetRunner runner(ScriptedClient client, boolean force, RunListener log) {
        Sleeper sleeper = duration -> {};
        return RunnerFixtures.runner(
                client,
                RunnerFixtures.settings("useapi", 2),
                cache,
                journal,
                cacheDir,
                outputDir,
                force,
                clock,
                sleeper,
                log,
                RunPolicy.none());
    }

    private static AssetRequest request(String id, int quantity, List<String> outputs) {
        return new AssetRequest(
                id,
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                "a prompt for " + id,
                Map.of("quantity", quantity, "resolution", "1K"),
                List.of(),
                null,
                null,
                null,
                null,
                outputs,
                Position.startOf("a.yaml"));
    }

    private PlannedAsset plan(AssetRequest request, boolean force) {
        DiskState state = new DiskState(
                LockFile.empty(), outputDir, cache, journal, p -> Duration.ofDays(7), (asked, f) -> asked, clock);
        Plan plan = new Planner(Pricing.standard()).plan(List.of(request), state, Selection.all(), force, false);
        return plan.assets().get(0);
    }

    private void journalAnsweredJob(String key, String jobId) throws Exception {
        journal.begin(key, "useapi", "hero", "nano-banana-2");
        journal.recordSubmitted(key, List.of(new JobRef("useapi", "image", jobId)));
    }

    @Test
    void aJobToResumeThatAnotherBuildClosedMeanwhileFailsTheAssetWithoutSendingACreate() throws Exception {
        AssetRequest hero = request("hero", 1, List.of("img/hero.png"));
        String key = CacheKey.of(hero);
        journalAnsweredJob(key, "user:1-minimax:acct-image:hero-1");
        PlannedAsset resume = plan(hero, false);
        assertThat(resume.action()).isEqualTo(Action.RESUME);
        journal.close(key); // another build polled it, found the job failed, and closed the entry

        ScriptedClient client = new ScriptedClient("useapi");
        AssetResult result =
                runner(client, false, RunListener.silent()).run(List.of(resume)).get(0);

        assertThat(client.submits).as("no create: the plan counted none").hasValue(0);
        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message())
                .contains(
                        "the job user:1-minimax:acct-image:hero-1 this build was to collect was closed since it was planned")
                .contains("nothing was sent");
    }

    @Test
    void aForcedRegenerationOfACachedAssetKeepsAndPlacesTheImageJustPaidFor() throws Exception {
        AssetRequest hero = request("hero", 1, List.of("img/hero.png"));
        String key = CacheKey.of(hero);
        Path old = temp.resolve("old.png");
        byte[] oldBytes = ScriptedClient.png(12345);
        Files.write(old, oldBytes);
        cache.store(
                key,
                List.of(old),
                new EntryMetadata(
                        "useapi",
                        "nano-banana-2",
                        AssetType.IMAGE,
                        "4 credits",
                        List.of("user:1-minimax:acct-image:old-1")));
        PlannedAsset forced = plan(hero, true);
        assertThat(forced.action()).isEqualTo(Action.GENERATE);

        ScriptedClient client = new ScriptedClient("useapi");
        AssetResult result =
                runner(client, true, RunListener.silent()).run(List.of(forced)).get(0);

        assertThat(client.submits).as("force pays for a new image").hasValue(1);
        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        byte[] placed = Files.readAllBytes(outputDir.resolve("img/hero.png"));
        assertThat(placed).as("the image this build paid for, not the old one").isNotEqualTo(oldBytes);
        assertThat(result.jobIds()).doesNotContain("user:1-minimax:acct-image:old-1");
        assertThat(Files.readAllBytes(
                        cache.find(key).orElseThrow().files().get(0).path()))
                .as("the cache now holds it too")
                .isEqualTo(placed);
    }

    @Test
    void forceBuysAKeyOnceEvenWhenTwoAssetsShareIt() throws Exception {
        AssetRequest a = request("a", 1, List.of("a.png"));
        AssetRequest b = new AssetRequest(
                "b",
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                "a prompt for a",
                Map.of("quantity", 1, "resolution", "1K"),
                List.of(),
                null,
                null,
                null,
                null,
                List.of("b.png"),
                Position.startOf("a.yaml"));
        assertThat(CacheKey.of(a)).isEqualTo(CacheKey.of(b));
        // bought before: the cache and the lock hold the old image, which force is there to replace
        byte[] oldBytes = ScriptedClient.png(777);
        Path old = Files.write(temp.resolve("old.png"), oldBytes);
        cache.store(
                CacheKey.of(a),
                List.of(old),
                new EntryMetadata("useapi", "nano-banana-2", AssetType.IMAGE, "4 credits", List.of("old-job")));
        LockFile lock = LockFile.empty()
                .with(new LockFile.Entry(
                        "a",
                        CacheKey.of(a),
                        "useapi",
                        "nano-banana-2",
                        List.of(new LockFile.LockedFile("a.png", Hashing.sha256(oldBytes), oldBytes.length)),
                        Cost.credits(4),
                        null,
                        List.of("old-job"),
                        "2026-11-01T00:00:00Z"));
        DiskState state =
                new DiskState(lock, outputDir, cache, journal, p -> Duration.ofDays(7), (asked, f) -> asked, clock);
        List<PlannedAsset> planned = new Planner(Pricing.standard())
                .plan(List.of(a, b), state, Selection.all(), true, false)
                .assets();
        LineLog log = new LineLog();

        ScriptedClient client = new ScriptedClient("useapi");
        List<AssetResult> results = runner(client, true, log).run(planned);

        assertThat(client.submits).as("one create for the one key").hasValue(1);
        byte[] bought = Files.readAllBytes(outputDir.resolve("a.png"));
        assertThat(bought).isNotEqualTo(oldBytes);
        assertThat(Files.readAllBytes(outputDir.resolve("b.png"))).isEqualTo(bought);
        assertThat(results).extracting(AssetResult::status).doesNotContain(AssetStatus.FAILED);
        assertThat(log.warnings)
                .as("what was just bought is not taken for a damaged entry")
                .noneMatch(l -> l.contains("damaged"));
        assertThat(Files.readAllBytes(
                        cache.find(CacheKey.of(a)).orElseThrow().files().get(0).path()))
                .isEqualTo(bought);
    }

    @Test
    void aPartialBatchThatCouldNotBePlacedIsCompletedWithNewImagesNotItsOwnTwice() throws Exception {
        AssetRequest set =
                request("set", 4, List.of("img/set-1.png", "img/set-2.png", "img/set-3.png", "img/set-4.png"));
        String key = CacheKey.of(set);
        ScriptedClient first = new ScriptedClient("useapi")
                .endJobWith("set", 2, new JobState.Failed("moderated", true))
                .endJobWith("set", 4, new JobState.Failed("failed", false));
        AssetRunner firstRunner = runner(first, false, RunListener.silent());
        firstRunner.keep("other", List.of("img/set-1.png")); // another asset's file: placing fails
        AssetResult failed = firstRunner.run(List.of(plan(set, false))).get(0);
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(journal.find(key))
                .as("the two images are safe in the cache; the jobs are done")
                .isEmpty();

        PlannedAsset second = plan(set, false);
        assertThat(second.action()).isEqualTo(Action.GENERATE);
        assertThat(second.partial())
                .as("the next build completes the partial batch")
                .isNotNull();
        ScriptedClient again = new ScriptedClient("useapi");
        AssetResult result =
                runner(again, false, RunListener.silent()).run(List.of(second)).get(0);

        assertThat(again.submitted)
                .singleElement()
                .extracting(AssetRequest::expectedFiles)
                .isEqualTo(2);
        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(result.files()).hasSize(4);
        // before, the entry stayed open: the next build planned a resume, polled the same four jobs
        // again and appended their two images to the two kept, and bought nothing for the missing two
    }

    @Test
    void aResumedJobWhoseResultIsGoneStaysRecordedAndTheMessageNamesForceAsTheWayOut() throws Exception {
        AssetRequest hero = request("hero", 1, List.of("img/hero.png"));
        String key = CacheKey.of(hero);
        journalAnsweredJob(key, "user:1-minimax:acct-image:hero-1");
        ScriptedClient client = new ScriptedClient("useapi").failPolls(job -> unknownJob());

        AssetResult result = runner(client, false, RunListener.silent())
                .run(List.of(plan(hero, false)))
                .get(0);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message())
                .contains("could not poll user:1-minimax:acct-image:hero-1")
                .contains("the next build tries again")
                .contains("force=true")
                .contains("only=hero");
        assertThat(journal.find(key)).as("one refusal drops nothing paid").isPresent();
        assertThat(client.submits).hasValue(0);
    }

    @Test
    void withForceAResumedJobWhoseResultIsGoneIsGivenUpAndTheNextBuildPlansANewCreate() throws Exception {
        AssetRequest hero = request("hero", 1, List.of("img/hero.png"));
        String key = CacheKey.of(hero);
        journalAnsweredJob(key, "user:1-minimax:acct-image:hero-1");
        ScriptedClient client = new ScriptedClient("useapi")
                .crashDownload(
                        "hero",
                        new ProviderException(
                                ProviderException.Kind.REJECTED,
                                "useapi",
                                403,
                                "downloading failed (HTTP 403): Request has expired",
                                null,
                                null));
        PlannedAsset forced = plan(hero, true);
        assertThat(forced.action())
                .as("paid for already: collected, even with force")
                .isEqualTo(Action.RESUME);

        AssetResult result =
                runner(client, true, RunListener.silent()).run(List.of(forced)).get(0);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message()).contains("Request has expired").contains("the job is given up");
        assertThat(client.submits).as("nothing unbudgeted in this build").hasValue(0);
        assertThat(journal.find(key)).isEmpty();
        assertThat(plan(hero, false).action()).isEqualTo(Action.GENERATE);
    }

    @Test
    void forceNeverGivesUpAJobThisBuildJustPaidFor() throws Exception {
        // force is global: a refused first poll of a fresh job must leave it for the next build
        AssetRequest hero = request("hero", 1, List.of("img/hero.png"));
        ScriptedClient client = new ScriptedClient("useapi").failPolls(job -> unknownJob());

        AssetResult result = runner(client, true, RunListener.silent())
                .run(List.of(plan(hero, true)))
                .get(0);

        assertThat(client.submits).hasValue(1);
        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message()).contains("The job stays recorded; the next build tries again");
        assertThat(journal.find(CacheKey.of(hero))).isPresent();
    }

    private static ProviderException unknownJob() {
        return new ProviderException(ProviderException.Kind.REJECTED, "useapi", 404, "no such job", null, null);
    }
}
