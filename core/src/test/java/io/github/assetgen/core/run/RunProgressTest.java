package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress lines themselves, on a clock the test moves: what is printed, and how often. */
class RunProgressTest {

    private final AssetRunnerTest.MutableClock clock =
            new AssetRunnerTest.MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
    private final LineLog log = new LineLog();
    private final RunProgress progress = new RunProgress(log, clock);

    private static final PlannedAsset HERO = asset("hero", "useapi", "nano-banana-2", Cost.credits(4));
    private static final JobRef JOB = new JobRef("useapi", "image", "user:1-minimax:acct-image:42");

    static PlannedAsset asset(String id, String provider, String model, Cost cost) {
        AssetRequest request = new AssetRequest(
                id,
                provider,
                AssetType.IMAGE,
                model,
                "a prompt for " + id,
                Map.of("quantity", 1),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(id + ".png"),
                Position.startOf("a.yaml"));
        return new PlannedAsset(request, CacheKey.of(request), Action.GENERATE, cost, null, null);
    }

    private void poll(String label, Integer percent) {
        progress.running(HERO, JOB, 1, 1, new JobState.Running(label, percent));
    }

    @Test
    void threePercentUpdatesWithinTenSecondsGiveOneLine() {
        poll("processing", 10);
        clock.advance(Duration.ofSeconds(3));
        poll("processing", 20);
        clock.advance(Duration.ofSeconds(3));
        poll("processing", 30);

        assertThat(log.infos).containsExactly("[hero] processing 10%");
        // what the 10 s held back is still there for mvn -X
        assertThat(log.debugs)
                .containsExactly(
                        "[hero] user:1-minimax:acct-image:42: processing 20%",
                        "[hero] user:1-minimax:acct-image:42: processing 30%");
    }

    @Test
    void aChangeHeldBackIsPrintedByTheFirstPollAfterTenSeconds() {
        poll("processing", 10);
        clock.advance(Duration.ofSeconds(9));
        poll("processing", 20);
        clock.advance(Duration.ofSeconds(1));
        poll("processing", 30);
        clock.advance(Duration.ofSeconds(10));
        poll("processing", 30);

        assertThat(log.infos).containsExactly("[hero] processing 10%", "[hero] processing 30%");
    }

    @Test
    void withoutAPercentTheStatusWordIsPrintedWhenItChangesAlsoAtMostEveryTenSeconds() {
        poll("queued", null);
        clock.advance(Duration.ofSeconds(4));
        poll("queued", null);
        clock.advance(Duration.ofSeconds(4));
        poll("processing", null);
        clock.advance(Duration.ofSeconds(4));
        poll("processing", null);
        clock.advance(Duration.ofSeconds(30));
        poll("processing", null);

        assertThat(log.infos).containsExactly("[hero] queued", "[hero] processing");
    }

    @Test
    void eachAssetHasItsOwnTenSeconds() {
        PlannedAsset logo = asset("logo", "useapi", "nano-banana-2", Cost.credits(4));
        poll("processing", 10);
        progress.running(logo, JOB, 1, 1, new JobState.Running("queued", null));

        assertThat(log.infos).containsExactly("[hero] processing 10%", "[logo] queued");
    }

    @Test
    void aBatchNamesTheJobsPlaceAndAPollThatSaysNothingPrintsNothing() {
        progress.running(HERO, JOB, 2, 4, new JobState.Running("processing", 5));
        clock.advance(Duration.ofSeconds(11));
        progress.running(HERO, JOB, 3, 4, new JobState.Running(null, null));

        assertThat(log.infos).containsExactly("[hero] job 2 of 4: processing 5%");
    }

    @Test
    void theSubmittedLineNamesProviderModelJobAndEstimate() {
        progress.submitted(HERO, List.of(JOB));
        progress.submitted(
                asset("clip", "minimax", "MiniMax-Hailuo-2.3", Cost.usd(new java.math.BigDecimal("0.28"))), List.of());

        assertThat(log.infos)
                .containsExactly(
                        "[hero] submitted to useapi/nano-banana-2, job user:1-minimax:acct-image:42 (estimate 4 credits)",
                        "[clip] submitted to minimax/MiniMax-Hailuo-2.3 (estimate $0.28)");
    }

    @Test
    void aBatchOfManyJobsNamesTheFirstFour() {
        List<JobRef> jobs = java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(i -> new JobRef("useapi", "image", "j" + i))
                .toList();

        progress.submitted(HERO, jobs);

        assertThat(log.infos)
                .containsExactly(
                        "[hero] submitted to useapi/nano-banana-2, 6 jobs j1, j2, j3, j4, … (estimate 4 credits)");
    }

    @Test
    void theLandedLineHasTheFilesTheTimeAndWhatWasSpent() {
        AssetResult landed = new AssetResult(
                HERO,
                AssetStatus.GENERATED,
                List.of(new OutputFile("img/hero.png", null, 1, "00", io.github.assetgen.core.files.MediaFormat.PNG)),
                List.of("j1"),
                Duration.ofSeconds(125),
                null);

        progress.generated(landed);

        assertThat(log.infos).containsExactly("[hero] generated img/hero.png in 2 min 5 s, spent 4 credits");
    }

    @Test
    void theFailedLineIsAnErrorWithTheTimeAndWhatWasSpent() {
        progress.failed(HERO, Duration.ofSeconds(42), Cost.free(), "moderated by useapi: (status 7)");

        assertThat(log.errors)
                .containsExactly("[hero] failed after 42 s, spent nothing: moderated by useapi: (status 7)");
        assertThat(log.infos).isEmpty();
    }

    @Test
    void aFinishedAssetStartsAfreshWhenItRunsAgain() {
        poll("processing", 90);
        progress.failed(HERO, Duration.ofSeconds(1), Cost.free(), "x");
        poll("processing", 90);

        assertThat(log.infos).containsExactly("[hero] processing 90%", "[hero] processing 90%");
    }
}
