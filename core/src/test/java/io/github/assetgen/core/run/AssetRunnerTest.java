package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.EntryMetadata;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.JournalEntry;
import io.github.assetgen.core.store.KeyLock;
import io.github.assetgen.core.wording.MavenStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetRunnerTest {

    @TempDir
    Path temp;

    private Path cacheDir;
    private Path outputDir;
    private MutableClock clock;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private AssetCache cache;
    private Journal journal;

    @BeforeEach
    void setUp() {
        cacheDir = temp.resolve("cache");
        outputDir = temp.resolve("out");
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        cache = AssetCache.withDirectory(cacheDir, clock, RunListener.silent()::warn);
        journal = Journal.withDirectory(cacheDir, clock, RunListener.silent()::warn);
    }

    private AssetRunner runner(ScriptedClient client, int maxJobs, boolean force) {
        Sleeper sleeper = duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
        return RunnerFixtures.runner(
                client,
                RunnerFixtures.settings("useapi", maxJobs),
                cache,
                journal,
                cacheDir,
                outputDir,
                force,
                clock,
                sleeper,
                RunListener.silent(),
                RunPolicy.none());
    }

    private static AssetRequest request(String id) {
        return new AssetRequest(
                id,
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                "a prompt for " + id,
                Map.of("quantity", 1, "resolution", "1K"),
                List.of(),
                null,
                null,
                null,
                null,
                List.of("img/" + id + ".png"),
                Position.startOf("a.yaml"));
    }

    private static PlannedAsset planned(AssetRequest request, Action action) {
        return new PlannedAsset(request, CacheKey.of(request), action, Cost.credits(4), null, null);
    }

    /** The same answered failure {@code n} times in a row. */
    private static ProviderException[] times(int n, Kind kind, int status, Duration retryAfter) {
        return Collections.nCopies(n, new ProviderException(kind, "useapi", status, "busy", retryAfter, null))
                .toArray(ProviderException[]::new);
    }

    /** Planned while a "submitting" journal entry of this key had no answer recorded. */
    private PlannedAsset awaitingAnAnswer(AssetRequest request) {
        return new PlannedAsset(
                request,
                CacheKey.of(request),
                Action.BLOCKED,
                Cost.free(),
                new io.github.assetgen.core.plan.OpenJob(List.of(), clock.instant(), false),
                "lost?");
    }

    private static PlannedAsset generate(String id) {
        return planned(request(id), Action.GENERATE);
    }

    /** Stores a one-image entry for {@code key}, as another build would; returns the file it was stored from. */
    private Path storedInCache(String key, String jobId) throws java.io.IOException {
        Path file = temp.resolve("made.png");
        Files.write(file, ScriptedClient.png(1));
        cache.store(
                key,
                List.of(file),
                new EntryMetadata("useapi", "nano-banana-2", AssetType.IMAGE, "4 credits", List.of(jobId)));
        return file;
    }

    @Test
    void generatesStoresInTheCachePlacesTheOutputAndClosesTheJournal() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi").pollsBeforeDone(3);
        PlannedAsset hero = generate("hero");

        List<AssetResult> results = runner(client, 2, false).run(List.of(hero));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(AssetStatus.GENERATED);
            assertThat(r.files())
                    .singleElement()
                    .satisfies(f -> assertThat(f.relativePath()).isEqualTo("img/hero.png"));
            assertThat(r.jobIds()).containsExactly("user:1-minimax:acct-image:hero-1");
        });
        assertThat(outputDir.resolve("img/hero.png")).isRegularFile();
        assertThat(cache.find(hero.key())).isPresent();
        assertThat(journal.find(hero.key())).isEmpty();
        assertThat(client.submits).hasValue(1);
        assertThat(client.polls).hasValue(3);
        // first poll after firstPollDelay, then the poll interval
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void anAnsweredRateLimitWaitsTheProvidersDelayThenSendsTheCreateAgain() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .failSubmit(
                        "hero",
                        new ProviderException(
                                Kind.RATE_LIMITED, "useapi", 429, "queue full", Duration.ofSeconds(25), null));

        List<AssetResult> results = runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.submits).hasValue(2);
        assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void aRateLimitWithoutADelayWaitsOneToThreeTimesTheRetryDelay() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .failSubmit("hero", new ProviderException(Kind.RATE_LIMITED, "useapi", 429, "busy", null, null));

        runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Test
    void aRateLimitIsWaitedOutPastSixAnswersBecauseTheAccountsOtherJobsWillFinish() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .failSubmit("hero", times(12, Kind.RATE_LIMITED, 429, Duration.ofSeconds(20)));

        List<AssetResult> results = runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.submittedIds).containsExactly("hero");
        assertThat(client.submits).hasValue(13);
    }

    @Test
    void aRateLimitThatOutlastsTheAssetTimeoutFailsSayingNothingWasCreated() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .failSubmit("hero", times(100, Kind.RATE_LIMITED, 429, Duration.ofMinutes(1)));

        List<AssetResult> results = runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(results.get(0).message()).contains("nothing was created");
        // a 30 min timeout, one minute apart: attempts at minute 0 to 30, none after the deadline
        assertThat(client.submits).hasValue(31);
        assertThat(journal.find(generate("hero").key())).isEmpty();
    }

    @Test
    void anUnavailableProviderIsTriedSixTimesForACreateThenTheAssetFails() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi").failSubmit("hero", times(10, Kind.RETRYABLE, 503, null));

        List<AssetResult> results = runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(results.get(0).message()).contains("after 6 attempt(s)");
        assertThat(client.submits).hasValue(6);
    }

    @Test
    void aLostAnswerFailsTheAssetSaysItMayBePaidAndKeepsTheJournalEntrySubmitting() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .failSubmit(
                        "hero", new ProviderException(Kind.MAYBE_SUBMITTED, "useapi", 0, "read timed out", null, null));
        PlannedAsset hero = generate("hero");

        List<AssetResult> results = runner(client, 1, false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(MavenStyle.text(results.get(0).message()))
                .contains("may already be paid for")
                .contains("-Dassetgen.force=true -Dassetgen.only=hero");
        assertThat(client.submits).hasValue(1);
        assertThat(journal.find(hero.key()))
                .hasValueSatisfying(entry -> assertThat(entry.state()).isEqualTo(JournalEntry.State.SUBMITTING));
    }

    @Test
    void aRunThatFindsASubmittingEntryWithoutIdsDoesNotSubmitAgain() throws Exception {
        PlannedAsset hero = generate("hero");
        journal.begin(hero.key(), "useapi", "hero", "nano-banana-2");
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(results.get(0).message()).contains("may already be paid for");
        assertThat(client.submits).hasValue(0);
    }

    @Test
    void anUnansweredSubmissionOfABuildStillRunningIsWaitedForThenRestoredNotCalledLost() throws Exception {
        AssetRequest request = request("hero");
        String key = CacheKey.of(request);
        journal.begin(key, "useapi", "hero", "nano-banana-2");
        PlannedAsset blocked = awaitingAnAnswer(request);
        ScriptedClient client = new ScriptedClient("useapi");
        // the other build holds the key while its create request is on the wire
        KeyLock.Handle otherBuild =
                KeyLock.withDirectory(cacheDir).acquire(key, Duration.ZERO).orElseThrow();
        java.util.concurrent.CompletableFuture<List<AssetResult>> run =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return runner(client, 1, false).run(List.of(blocked));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Thread.sleep(300);
        assertThat(run).as("waits for the other build").isNotDone();
        storedInCache(key, "user:1-minimax:acct-image:hero-1");
        journal.close(key);
        otherBuild.close();

        List<AssetResult> results = run.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(client.submits.get() + client.polls.get()).isZero();
    }

    @Test
    void anUnansweredSubmissionWithNoBuildBehindItFailsAsMaybePaidAndSendsNothing() throws Exception {
        AssetRequest request = request("hero");
        String key = CacheKey.of(request);
        journal.begin(key, "useapi", "hero", "nano-banana-2");
        PlannedAsset blocked = awaitingAnAnswer(request);
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, false).run(List.of(blocked));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(MavenStyle.text(results.get(0).message()))
                .contains("may already be paid for", "-Dassetgen.only=hero");
        assertThat(client.submits).hasValue(0);
        assertThat(journal.find(key)).isPresent();
    }

    @Test
    void anUnansweredSubmissionThatItsBuildGaveUpIsNotSentAgainByABuildThatDidNotBudgetForIt() throws Exception {
        AssetRequest request = request("hero");
        String key = CacheKey.of(request);
        // planned while the entry was open; closed by the other build (rejected) before this one ran
        PlannedAsset blocked = awaitingAnAnswer(request);
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, false).run(List.of(blocked));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(results.get(0).message()).contains("nothing was sent, run the build again");
        assertThat(client.submits).hasValue(0);
    }

    @Test
    void forceSubmitsEvenWhenAnEarlierAnswerWasLost() throws Exception {
        PlannedAsset hero = generate("hero");
        journal.begin(hero.key(), "useapi", "hero", "nano-banana-2");
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, true).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.submits).hasValue(1);
    }

    @Test
    void anOpenJobIsResumedByPollingItsIdsAndNeverSubmittedAgain() throws Exception {
        PlannedAsset hero = planned(request("hero"), Action.RESUME);
        journal.begin(hero.key(), "useapi", "hero", "nano-banana-2");
        journal.recordSubmitted(hero.key(), List.of(new JobRef("useapi", "image", "user:1-minimax:acct-image:hero-1")));
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.submits).hasValue(0);
        assertThat(client.polls).hasValue(1);
        assertThat(journal.find(hero.key())).isEmpty();
        assertThat(outputDir.resolve("img/hero.png")).isRegularFile();
    }

    @Test
    void aSynchronousAnswerRecordedAsResultUrlsIsDownloadedOnResumeWithoutPolling() throws Exception {
        PlannedAsset hero = planned(request("hero"), Action.RESUME);
        journal.begin(hero.key(), "useapi", "hero", "nano-banana-2");
        journal.recordSubmitted(
                hero.key(),
                List.of(new JobRef(
                        "useapi", JournalRecorder.RESULT_URL, "https://cdn.example/answered-before-the-kill.png")));
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.submits.get() + client.polls.get()).isZero();
        assertThat(client.downloads).hasValue(1);
    }

    @Test
    void aProviderStopSendsNoFurtherCreateRequestsToThatProvider() throws Exception {
        // whichever asset gets the single job slot first meets the 412
        ScriptedClient client = new ScriptedClient("useapi");
        for (String id : List.of("a", "b", "c")) {
            client.failSubmit(
                    id, new ProviderException(Kind.PROVIDER_STOP, "useapi", 412, "Insufficient credits", null, null));
        }

        List<AssetResult> results = runner(client, 1, false).run(List.of(generate("a"), generate("b"), generate("c")));

        assertThat(client.submits).hasValue(1);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(AssetStatus.FAILED));
        assertThat(results)
                .filteredOn(r -> r.message().startsWith("not sent: useapi was stopped earlier in this build"))
                .hasSize(2);
    }

    @Test
    void aModeratedAssetFailsWithTheProvidersWordsWhileTheOthersLand() throws Exception {
        ScriptedClient client =
                new ScriptedClient("useapi").endWith("bad", new JobState.Failed("status 7: moderated", true));
        PlannedAsset bad = generate("bad");

        List<AssetResult> results = runner(client, 2, false).run(List.of(generate("good"), bad));

        assertThat(results)
                .extracting(AssetResult::id, AssetResult::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bad", AssetStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("good", AssetStatus.GENERATED));
        assertThat(results.get(0).message()).isEqualTo("moderated by useapi: status 7: moderated");
        // the job is over: nothing is left to resume
        assertThat(journal.find(bad.key())).isEmpty();
    }

    @Test
    void aFailedGenerationIsRememberedByItsKeyWithTheProvidersWords() throws Exception {
        ScriptedClient client =
                new ScriptedClient("useapi").endWith("bad", new JobState.Failed("status 7: moderated", true));
        PlannedAsset bad = generate("bad");

        runner(client, 1, false).run(List.of(bad));

        assertThat(journal.failures().find(bad.key()))
                .get()
                .extracting(f -> f.reason())
                .isEqualTo("moderated by useapi: status 7: moderated");
    }

    @Test
    void aGenerationThatLandsForgetsTheKeysEarlierFailureAndRecordsItsRequestInTheCache() throws Exception {
        PlannedAsset good = generate("good");
        journal.failures().record(good.key(), "good", "moderated last time");

        runner(new ScriptedClient("useapi"), 1, false).run(List.of(good));

        assertThat(journal.failures().find(good.key())).isEmpty();
        assertThat(cache.find(good.key()).orElseThrow().request()).isEqualTo(CacheKey.canonicalJson(good.request()));
    }

    @Test
    void jobsInFlightNeverExceedTheProvidersMaxJobs() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi").pollsBeforeDone(2);
        List<PlannedAsset> work =
                IntStream.range(0, 8).mapToObj(i -> generate("asset-" + i)).toList();

        List<AssetResult> results = runner(client, 2, false).run(work);

        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(AssetStatus.GENERATED));
        assertThat(client.maxActive.get()).isBetween(1, 2);
        assertThat(client.submits).hasValue(8);
    }

    @Test
    void aFinishedJobsSlotGoesToTheNextAssetBeforeItsDownloadEnds() throws Exception {
        AtomicBoolean waitedInVain = new AtomicBoolean();
        ScriptedClient[] client = new ScriptedClient[1];
        client[0] = new ScriptedClient("useapi").onDownload(result -> {
            if (result.url().contains(":first-")) {
                // one slot: the second create can only go out while this download still runs
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!client[0].submittedIds.contains("second") && System.nanoTime() < giveUp) {
                    Thread.onSpinWait();
                }
                waitedInVain.set(!client[0].submittedIds.contains("second"));
            }
        });

        List<AssetResult> results = runner(client[0], 1, false).run(List.of(generate("first"), generate("second")));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(AssetStatus.GENERATED));
        assertThat(waitedInVain)
                .as("the second create waited for the first download")
                .isFalse();
        assertThat(client[0].maxActive.get()).isEqualTo(1);
    }

    @Test
    void pollsKeepTheirRateWhenAPollTakesTime() throws Exception {
        // each poll takes 300 ms of the 2 s interval: the wait after it is the rest, not 2 s more
        ScriptedClient client = new ScriptedClient("useapi").pollsBeforeDone(3).failPolls(job -> {
            clock.advance(Duration.ofMillis(300));
            return null;
        });

        runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1700), Duration.ofMillis(1700));
    }

    @Test
    void aRisingPercentStretchesTheWaitToHalfTheTimeItSuggestsIsLeft() throws Exception {
        // 10 % at the first poll, 20 % two seconds later: 80 points to go at 5 a second is 16 s
        ScriptedClient client = new ScriptedClient("useapi").pollsBeforeDone(3).percents(seen -> 10 * seen);

        runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(8));
    }

    @Test
    void aWaitStretchedByProgressNeverEndsTheJobBeforeItsTimeout() throws Exception {
        // the percent creeps up for ever: the estimate asks for long waits, but the job is given up
        // only when the interval itself no longer fits in the 30 minutes
        ScriptedClient client = new ScriptedClient("useapi")
                .pollsBeforeDone(Integer.MAX_VALUE)
                .percents(seen -> Math.min(99, seen / 10));

        List<AssetResult> results = runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(results.get(0).message()).contains("still running");
        Duration slept = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(slept).isBetween(Duration.ofMinutes(30).minusSeconds(2), Duration.ofMinutes(30));
        assertThat(sleeps).anyMatch(wait -> wait.compareTo(Duration.ofSeconds(2)) > 0);
    }

    @Test
    void aJobStillRunningAtTheTimeoutFailsButStaysRecordedForTheNextBuild() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi").pollsBeforeDone(Integer.MAX_VALUE);
        PlannedAsset hero = generate("hero");

        List<AssetResult> results = runner(client, 1, false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(results.get(0).message()).contains("still running").contains("next build resumes it");
        assertThat(journal.find(hero.key()))
                .hasValueSatisfying(entry -> assertThat(entry.jobs())
                        .extracting(JobRef::id)
                        .containsExactly("user:1-minimax:acct-image:hero-1"));
    }

    @Test
    void pollErrorsThatAreRetryableAreWaitedOut() throws Exception {
        int[] failures = {2};
        ScriptedClient client = new ScriptedClient("useapi")
                .failPolls(job -> failures[0]-- > 0
                        ? new ProviderException(Kind.RETRYABLE, "useapi", 503, "unavailable", null, null)
                        : null);

        List<AssetResult> results = runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.polls).hasValue(3);
    }

    @Test
    void restoreCopiesTheCacheEntryWithoutTalkingToTheProvider() throws Exception {
        PlannedAsset hero = planned(request("hero"), Action.RESTORE);
        Path file = storedInCache(hero.key(), "job-1");
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(Files.readAllBytes(outputDir.resolve("img/hero.png"))).isEqualTo(Files.readAllBytes(file));
        assertThat(client.submits.get() + client.polls.get() + client.downloads.get())
                .isZero();
    }

    /** An asset whose output is {@code output}, as a spec asking for a WebP a provider answers with PNG. */
    private static PlannedAsset restoreAt(String id, String output) {
        AssetRequest base = request(id);
        AssetRequest request = new AssetRequest(
                id,
                base.provider(),
                base.type(),
                base.model(),
                base.prompt(),
                base.parameters(),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(output),
                base.position());
        return planned(request, Action.RESTORE);
    }

    @Test
    void twoAssetsWhoseFilesLandAtOneNameFailTheSecondInsteadOfOverwritingTheFirst() throws Exception {
        PlannedAsset png = restoreAt("png", "img/x.png");
        PlannedAsset webp = restoreAt("webp", "img/x.webp");
        storedInCache(png.key(), "job-1");
        storedInCache(webp.key(), "job-2");

        List<AssetResult> results =
                runner(new ScriptedClient("useapi"), 1, false).run(List.of(png, webp));

        assertThat(results).extracting(AssetResult::status).containsOnly(AssetStatus.RESTORED, AssetStatus.FAILED);
        AssetResult failed = results.stream()
                .filter(r -> r.status() == AssetStatus.FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(failed.message()).contains("img/x.png", "is already written by asset");
        assertThat(outputDir.resolve("img/x.webp")).doesNotExist();
    }

    @Test
    void aFileAnUpToDateAssetKeepsIsNotOverwrittenByAnAssetWrittenAsAnotherExtension() throws Exception {
        PlannedAsset webp = restoreAt("webp", "img/x.webp");
        storedInCache(webp.key(), "job-2");
        AssetRunner runner = runner(new ScriptedClient("useapi"), 1, false);
        runner.keep("kept", List.of("img/x.png"));

        List<AssetResult> results = runner.run(List.of(webp));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(results.get(0).message()).contains("is already written by asset 'kept'");
        assertThat(outputDir.resolve("img/x.png")).doesNotExist();
    }

    @Test
    void restoringACachedAssetClosesTheJobABuildKilledAfterStoringItLeftOpen() throws Exception {
        PlannedAsset hero = planned(request("hero"), Action.RESTORE);
        journal.begin(hero.key(), "useapi", "hero", "nano-banana-2");
        journal.recordSubmitted(hero.key(), List.of(new JobRef("useapi", "image", "user:1-minimax:acct-image:hero-1")));
        storedInCache(hero.key(), "user:1-minimax:acct-image:hero-1");
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(journal.find(hero.key())).isEmpty();
        assertThat(client.submits.get() + client.polls.get() + client.downloads.get())
                .isZero();
    }

    @Test
    void aPngResultAskedForAsJpegIsConvertedSoTheExtensionMatchesTheContent() throws Exception {
        AssetRequest jpeg = new AssetRequest(
                "photo",
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                "p",
                Map.of(),
                List.of(),
                null,
                null,
                null,
                null,
                List.of("photo.jpg"),
                Position.startOf("a.yaml"));
        ScriptedClient client = new ScriptedClient("useapi");

        List<AssetResult> results = runner(client, 1, false).run(List.of(planned(jpeg, Action.GENERATE)));

        Path written = outputDir.resolve("photo.jpg");
        byte[] head = Files.readAllBytes(written);
        assertThat(io.github.assetgen.core.files.MediaFormat.sniff(head, head.length))
                .isEqualTo(io.github.assetgen.core.files.MediaFormat.JPEG);
        assertThat(results.get(0).files().get(0).sha256())
                .isEqualTo(io.github.assetgen.core.files.Hashing.sha256(written));
    }

    @Test
    void anOutOfMemoryErrorOrArithmeticInOneAssetFailsThatAssetAndTheOthersLand() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .crashDownload("oom", new OutOfMemoryError("Java heap space"))
                .crashDownload("math", new ArithmeticException("integer overflow"));

        List<AssetResult> results =
                runner(client, 3, false).run(List.of(generate("good"), generate("math"), generate("oom")));

        assertThat(results)
                .extracting(AssetResult::id, AssetResult::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("good", AssetStatus.GENERATED),
                        org.assertj.core.groups.Tuple.tuple("math", AssetStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("oom", AssetStatus.FAILED));
        assertThat(results.get(1).message()).startsWith("unexpected ArithmeticException: integer overflow");
        assertThat(results.get(2).message()).startsWith("unexpected OutOfMemoryError: Java heap space");
    }

    @Test
    void aFailedDownloadNamesItsSignedUrlWithoutTheSignature() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .resultQuery("?X-Amz-Signature=SECRET")
                .crashDownload("hero", new ProviderException(Kind.REJECTED, "useapi", 0, "refused", null, null));

        List<AssetResult> results = runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(results.get(0).message()).contains("https://cdn.example/").doesNotContain("SECRET");
    }

    @Test
    void aProviderCallSeesTheAssetsDeadline() throws Exception {
        List<java.util.Optional<Duration>> seen = Collections.synchronizedList(new ArrayList<>());
        ScriptedClient client = new ScriptedClient("useapi").failPolls(job -> {
            seen.add(io.github.assetgen.core.provider.http.CallDeadline.remaining());
            return null;
        });

        runner(client, 1, false).run(List.of(generate("hero")));

        assertThat(seen)
                .isNotEmpty()
                .allSatisfy(left -> assertThat(left)
                        .hasValueSatisfying(
                                d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30))));
    }

    /** A clock that tests move forward, so timeouts need no real waiting. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
