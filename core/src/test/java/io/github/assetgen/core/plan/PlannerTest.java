package io.github.assetgen.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.rules.Pricing;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.store.LastFailures;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.wording.MavenStyle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final Set<String> upToDate = new HashSet<>();
    private final Set<String> cached = new HashSet<>();
    private final Map<String, OpenJob> open = new HashMap<>();
    private final Map<String, LockFile.Entry> locked = new HashMap<>();
    private final Map<String, PartialBatch> partials = new HashMap<>();
    private final Map<String, String> failedLastTime = new HashMap<>();

    private final AssetState state = new AssetState() {
        @Override
        public boolean isUpToDate(AssetRequest request, String key) {
            return upToDate.contains(key);
        }

        @Override
        public boolean isCached(String key) {
            return cached.contains(key);
        }

        @Override
        public Optional<OpenJob> openJob(String key) {
            return Optional.ofNullable(open.get(key));
        }

        @Override
        public Optional<LockFile.Entry> recorded(AssetRequest request, String key) {
            return Optional.ofNullable(locked.get(request.id()))
                    .filter(e -> e.key().equals(key));
        }

        @Override
        public Optional<PartialBatch> partial(AssetRequest request, String key) {
            return Optional.ofNullable(partials.get(key));
        }

        @Override
        public Optional<LastFailures.LastFailure> lastFailure(String key) {
            return Optional.ofNullable(failedLastTime.get(key))
                    .map(reason -> new LastFailures.LastFailure(reason, Instant.parse("2026-11-19T10:00:00Z")));
        }
    };

    /** The lock records {@code request} as bought under {@code key} for {@code credits}. */
    private void lockRecords(AssetRequest request, String key, String credits) {
        locked.put(
                request.id(),
                new LockFile.Entry(
                        request.id(),
                        key,
                        "useapi",
                        "nano-banana-2",
                        List.of(new LockFile.LockedFile(request.id() + ".png", "0".repeat(64), 10)),
                        Cost.parse(credits),
                        null,
                        List.of("job-1"),
                        "2026-11-01T10:00:00Z"));
    }

    private static AssetRequest batch(String provider, String model, int quantity) {
        return new AssetRequest(
                "set",
                provider,
                AssetType.IMAGE,
                model,
                "a set",
                Map.of("quantity", quantity),
                List.of(),
                null,
                null,
                null,
                null,
                java.util.stream.IntStream.rangeClosed(1, quantity)
                        .mapToObj(i -> "set-" + i + ".png")
                        .toList(),
                Position.startOf("a.yaml"));
    }

    private static AssetRequest minimaxVideo(String id, String model, String option) {
        return new AssetRequest(
                id,
                "minimax",
                AssetType.VIDEO,
                model,
                "",
                Map.of("options", option),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(id + ".mp4"),
                Position.startOf("a.yaml"));
    }

    private static AssetRequest image(String id, String resolution) {
        return new AssetRequest(
                id,
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                "prompt " + id,
                Map.of("resolution", resolution, "quantity", 1, "aspectRatio", "auto", "promptOptimization", true),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(id + ".png"),
                Position.startOf("a.yaml"));
    }

    private Plan plan(List<AssetRequest> requests, Selection selection, boolean force, boolean offline) {
        return new Planner(Pricing.standard()).plan(requests, state, selection, force, offline);
    }

    @Test
    void eachAssetGetsTheCheapestActionThatProducesIt() {
        AssetRequest kept = image("kept", "1K");
        AssetRequest restored = image("restored", "1K");
        AssetRequest resumed = image("resumed", "1K");
        AssetRequest fresh = image("fresh", "4K");
        upToDate.add(CacheKey.of(kept));
        cached.add(CacheKey.of(restored));
        open.put(CacheKey.of(resumed), new OpenJob(List.of(new JobRef("useapi", "image", "x")), Instant.EPOCH, false));

        Plan plan = plan(List.of(kept, restored, resumed, fresh), Selection.all(), false, false);

        assertThat(plan.assets())
                .extracting(PlannedAsset::action)
                .containsExactly(Action.KEEP, Action.RESTORE, Action.RESUME, Action.GENERATE);
        // only what is generated now counts against the budget: nano-banana-2 at 4K is 8 credits
        assertThat(plan.credits()).isEqualByComparingTo("8");
    }

    @Test
    void forceGeneratesWhatIsCachedButStillResumesAPaidJob() {
        AssetRequest restored = image("restored", "1K");
        AssetRequest resumed = image("resumed", "1K");
        cached.add(CacheKey.of(restored));
        open.put(CacheKey.of(resumed), new OpenJob(List.of(new JobRef("useapi", "image", "x")), Instant.EPOCH, false));

        Plan plan = plan(List.of(restored, resumed), Selection.all(), true, false);

        assertThat(plan.assets()).extracting(PlannedAsset::action).containsExactly(Action.GENERATE, Action.RESUME);
    }

    @Test
    void aLostAnswerBlocksTheAssetUnlessForced() {
        AssetRequest lost = image("lost", "1K");
        open.put(CacheKey.of(lost), new OpenJob(List.of(), Instant.parse("2026-11-20T10:00:00Z"), false));

        PlannedAsset blocked =
                plan(List.of(lost), Selection.all(), false, false).assets().get(0);
        PlannedAsset forced =
                plan(List.of(lost), Selection.all(), true, false).assets().get(0);

        assertThat(blocked.action()).isEqualTo(Action.BLOCKED);
        assertThat(MavenStyle.text(blocked.note()))
                .contains("may already be paid for")
                .contains("-Dassetgen.only=lost");
        assertThat(forced.action()).isEqualTo(Action.GENERATE);
    }

    @Test
    void offlineMarksEverythingThatNeedsTheNetworkAndKeepsRestores() {
        AssetRequest restored = image("restored", "1K");
        AssetRequest fresh = image("fresh", "1K");
        cached.add(CacheKey.of(restored));

        Plan plan = plan(List.of(restored, fresh), Selection.all(), false, true);

        assertThat(plan.assets()).extracting(PlannedAsset::action).containsExactly(Action.RESTORE, Action.OFFLINE);
        assertThat(plan.assets().get(1).note()).contains("offline");
    }

    @Test
    void onlySelectsIdsAndGlobsAndSkipsTheRest() {
        Plan plan = plan(
                List.of(image("hero", "1K"), image("icon-a", "1K"), image("icon-b", "1K"), image("logo", "1K")),
                Selection.of(List.of("hero, icon-*")),
                false,
                false);

        assertThat(plan.assets())
                .extracting(PlannedAsset::action)
                .containsExactly(Action.GENERATE, Action.GENERATE, Action.GENERATE, Action.SKIP);
    }

    @Test
    void aBudgetBelowTheEstimateIsAProblemThatNamesBothNumbers() {
        Plan plan = plan(List.of(image("a", "4K"), image("b", "4K")), Selection.all(), false, false);

        assertThat(plan.budgetProblem(new BigDecimal("16"), null)).isEmpty();
        assertThat(plan.budgetProblem(new BigDecimal("15"), null))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("the estimate of 16 credits exceeds maxCredits 15. Nothing was sent."));
    }

    @Test
    void anAssetTheLockRecordsButNoCacheHoldsIsBoughtBeforeNotHereAndIsNeverGenerated() {
        AssetRequest hero = image("hero", "4K");
        lockRecords(hero, CacheKey.of(hero), "8 credits");

        Plan plan = plan(List.of(hero), Selection.all(), false, false);

        PlannedAsset planned = plan.assets().get(0);
        assertThat(planned.action()).isEqualTo(Action.RECOVER);
        assertThat(planned.action().label()).isEqualTo("bought before, not here");
        assertThat(planned.cost().format()).isEqualTo("8 credits");
        assertThat(planned.recorded()).isEqualTo(locked.get("hero"));
        // shown, never counted: it is not bought again
        assertThat(plan.credits()).isZero();
        assertThat(plan.budgetProblem(BigDecimal.ZERO, BigDecimal.ZERO)).isEmpty();
        assertThat(planned.action().needsNetwork()).isFalse();
    }

    @Test
    void forceBuysARecordedAssetAgainOnPurpose() {
        AssetRequest hero = image("hero", "4K");
        lockRecords(hero, CacheKey.of(hero), "8 credits");

        PlannedAsset planned =
                plan(List.of(hero), Selection.all(), true, false).assets().get(0);

        assertThat(planned.action()).isEqualTo(Action.GENERATE);
        assertThat(planned.cost().format()).isEqualTo("8 credits");
    }

    @Test
    void newAssetsAndChangedRequestsStillGenerate() {
        AssetRequest fresh = image("fresh", "1K");
        AssetRequest changed = image("changed", "4K");
        lockRecords(changed, CacheKey.of(image("changed", "1K")), "4 credits");

        Plan plan = plan(List.of(fresh, changed), Selection.all(), false, false);

        assertThat(plan.assets()).extracting(PlannedAsset::action).containsExactly(Action.GENERATE, Action.GENERATE);
        assertThat(plan.assets()).extracting(PlannedAsset::recorded).containsOnlyNulls();
    }

    @Test
    void aRecordedAssetThatIsCachedOrUpToDateIsRestoredOrKeptAsBefore() {
        AssetRequest kept = image("kept", "1K");
        AssetRequest restored = image("restored", "1K");
        lockRecords(kept, CacheKey.of(kept), "4 credits");
        lockRecords(restored, CacheKey.of(restored), "4 credits");
        upToDate.add(CacheKey.of(kept));
        cached.add(CacheKey.of(restored));

        Plan plan = plan(List.of(kept, restored), Selection.all(), false, false);

        assertThat(plan.assets()).extracting(PlannedAsset::action).containsExactly(Action.KEEP, Action.RESTORE);
        assertThat(plan.assets().get(1).recorded()).isNotNull();
    }

    @Test
    void anOpenJobOfARecordedAssetIsStillResumedRatherThanRecovered() {
        AssetRequest hero = image("hero", "1K");
        lockRecords(hero, CacheKey.of(hero), "4 credits");
        open.put(CacheKey.of(hero), new OpenJob(List.of(new JobRef("useapi", "image", "x")), Instant.EPOCH, false));

        PlannedAsset planned =
                plan(List.of(hero), Selection.all(), false, false).assets().get(0);

        assertThat(planned.action()).isEqualTo(Action.RESUME);
        assertThat(planned.recorded()).isNotNull();
    }

    @Test
    void offlineARecordedAssetIsOfflineSayingItWasBoughtBefore() {
        AssetRequest hero = image("hero", "1K");
        lockRecords(hero, CacheKey.of(hero), "4 credits");

        PlannedAsset planned =
                plan(List.of(hero), Selection.all(), false, true).assets().get(0);

        assertThat(planned.action()).isEqualTo(Action.OFFLINE);
        assertThat(planned.note()).contains("bought before (4 credits per the lock)", "offline");
    }

    @Test
    void aLockCostThatCannotBeReadIsShownAsTheEstimate() {
        AssetRequest hero = image("hero", "4K");
        lockRecords(hero, CacheKey.of(hero), null);

        PlannedAsset planned =
                plan(List.of(hero), Selection.all(), false, false).assets().get(0);

        assertThat(planned.action()).isEqualTo(Action.RECOVER);
        assertThat(planned.cost().format()).isEqualTo("8 credits");
    }

    @Test
    void withAnyBudgetSetAnAssetOfUnknownPriceIsAProblemThatNamesIt() {
        Plan plan = plan(
                List.of(minimaxVideo("intro", "T2V-01", "720p-6sec"), image("a", "4K")), Selection.all(), false, false);

        assertThat(plan.budgetProblem(null, null)).isEmpty();
        assertThat(plan.budgetProblem(new BigDecimal("100"), null))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("no price is known for intro (T2V-01 @ minimax)")
                        .contains("Nothing was sent"));
        assertThat(plan.budgetProblem(null, new BigDecimal("100"))).isPresent();
    }

    @Test
    void aBudgetInOneCurrencyAloneCannotBoundAssetsPricedInTheOther() {
        Plan plan = plan(
                List.of(minimaxVideo("intro", "MiniMax-Hailuo-2.3", "768p-6sec"), image("a", "4K")),
                Selection.all(),
                false,
                false);

        assertThat(plan.budgetProblem(new BigDecimal("1000"), null))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("intro (MiniMax-Hailuo-2.3 @ minimax, $0.28) is priced in dollars, which maxCredits"
                                + " does not count: set")
                        .contains("maxUsd", "Nothing was sent")
                        .doesNotContain("a (", "exceeds"));
        assertThat(plan.budgetProblem(null, new BigDecimal("1000")))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("a (nano-banana-2 @ useapi, 8 credits) is priced in credits, which maxUsd")
                        .doesNotContain("intro"));
        assertThat(plan.budgetProblem(new BigDecimal("1000"), new BigDecimal("1000")))
                .isEmpty();
    }

    @Test
    void everyBudgetProblemIsNamedInOneMessageAndOnlyAnExceededBudgetAsksForMore() {
        Plan plan = plan(
                List.of(
                        minimaxVideo("intro", "MiniMax-Hailuo-2.3", "768p-6sec"),
                        minimaxVideo("old", "T2V-01", "720p-6sec"),
                        image("a", "4K")),
                Selection.all(),
                false,
                false);

        assertThat(plan.budgetProblem(new BigDecimal("1"), null))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains(
                                "intro (MiniMax-Hailuo-2.3 @ minimax, $0.28) is priced in dollars",
                                "; no price is known for old (T2V-01 @ minimax)",
                                "; the estimate of 8 credits exceeds maxCredits 1",
                                "Raise the budget"));
        assertThat(plan.budgetProblem(new BigDecimal("1000"), null))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("Leave those assets out")
                        .doesNotContain("Raise the budget", "exceeds"));
    }

    @Test
    void whatABuildDoesNotBuyIsNeverCountedAgainstABudget() {
        AssetRequest hero = image("hero", "4K");
        lockRecords(hero, CacheKey.of(hero), "8 credits");
        Plan recorded = plan(List.of(hero), Selection.all(), false, false);
        Plan skipped = plan(
                List.of(minimaxVideo("intro", "MiniMax-Hailuo-2.3", "768p-6sec")),
                Selection.of(List.of("nothing-*")),
                false,
                false);

        assertThat(recorded.budgetProblem(null, BigDecimal.ZERO)).isEmpty();
        assertThat(skipped.budgetProblem(BigDecimal.ZERO, null)).isEmpty();
    }

    @Test
    void minimaxOfficialAssetsCountAgainstMaxUsd() {
        Plan plan =
                plan(List.of(minimaxVideo("intro", "MiniMax-Hailuo-2.3", "768p-6sec")), Selection.all(), false, false);

        assertThat(plan.dollars()).isEqualByComparingTo("0.28");
        assertThat(plan.budgetProblem(null, BigDecimal.ZERO))
                .hasValueSatisfying(
                        problem -> assertThat(problem).startsWith("the estimate of $0.28 exceeds maxUsd $0"));
    }

    @Test
    void theEstimateIsTotalledPerProvider() {
        Plan plan = plan(
                List.of(
                        image("a", "4K"),
                        image("b", "1K"),
                        minimaxVideo("intro", "MiniMax-Hailuo-02", "512p-6sec"),
                        minimaxVideo("outro", "MiniMax-Hailuo-02", "512p-10sec"),
                        minimaxVideo("old", "T2V-01", "720p-6sec")),
                Selection.all(),
                false,
                false);

        assertThat(plan.estimateByProvider())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("minimax", Cost.usd(new BigDecimal("0.25"))),
                        org.assertj.core.api.Assertions.entry("useapi", Cost.credits(12)));
    }

    @Test
    void aPartialBatchIsCompletedByBuyingOnlyTheMissingFiles() {
        AssetRequest set = batch("apixo", "minimax-image-01", 4);
        partials.put(
                CacheKey.of(set),
                new PartialBatch(
                        List.of(java.nio.file.Path.of("1.png")),
                        4,
                        Cost.usd(new BigDecimal("0.0035")),
                        List.of("t1"),
                        null));

        PlannedAsset planned =
                plan(List.of(set), Selection.all(), false, false).assets().get(0);

        assertThat(planned.action()).isEqualTo(Action.GENERATE);
        assertThat(planned.cost()).isEqualTo(Cost.usd(new BigDecimal("0.0105")));
        assertThat(planned.note()).contains("1 of 4 files are kept, buys the missing 3");
        AssetRequest sent = planned.sending().request();
        assertThat(sent.parameter("quantity")).contains(3);
        assertThat(sent.outputs()).containsExactly("set-2.png", "set-3.png", "set-4.png");
        assertThat(planned.sending().key()).isEqualTo(CacheKey.of(set));
    }

    @Test
    void aPartialBatchOfAModelThatAlwaysMakesFourIsCompletedWithAWholeBatch() {
        AssetRequest set = batch("useapi", "midjourney-v7", 4);
        partials.put(
                CacheKey.of(set),
                new PartialBatch(
                        List.of(java.nio.file.Path.of("1.png"), java.nio.file.Path.of("2.png")),
                        4,
                        Cost.credits(6),
                        List.of(),
                        null));

        PlannedAsset planned =
                plan(List.of(set), Selection.all(), false, false).assets().get(0);

        assertThat(planned.sending().request().parameter("quantity")).contains(4);
        assertThat(planned.sending().request().outputs()).containsExactly("set-3.png", "set-4.png");
        assertThat(planned.cost()).isEqualTo(Cost.credits(12));
    }

    @Test
    void forceIgnoresAPartialBatchAndOfflineBlocksIt() {
        AssetRequest set = batch("apixo", "minimax-image-01", 2);
        partials.put(
                CacheKey.of(set),
                new PartialBatch(
                        List.of(java.nio.file.Path.of("1.png")),
                        2,
                        Cost.usd(new BigDecimal("0.0035")),
                        List.of(),
                        null));

        assertThat(plan(List.of(set), Selection.all(), true, false)
                        .assets()
                        .get(0)
                        .partial())
                .isNull();
        PlannedAsset offline =
                plan(List.of(set), Selection.all(), false, true).assets().get(0);
        assertThat(offline.action()).isEqualTo(Action.OFFLINE);
        assertThat(offline.note()).contains("1 of 2 files of a partial batch are kept");
    }

    @Test
    void aRequestThatFailedLastTimeSaysSoWithTheProvidersReasonBeforeItIsBoughtAgain() {
        AssetRequest hero = image("hero", "1K");
        failedLastTime.put(CacheKey.of(hero), "moderated by useapi: status 7: moderated");

        PlannedAsset planned =
                plan(List.of(hero), Selection.all(), false, false).assets().get(0);

        assertThat(planned.action()).isEqualTo(Action.GENERATE);
        assertThat(planned.reason()).isEqualTo("new asset; failed last time: moderated by useapi: status 7: moderated");
    }

    @Test
    void keptAndSkippedAssetsNeedNoReasonAndASkipNamesTheParameterAsAdvice() {
        AssetRequest kept = image("kept", "1K");
        AssetRequest other = image("other", "1K");
        upToDate.add(CacheKey.of(kept));

        Plan plan = plan(List.of(kept, other), Selection.of(List.of("kept")), false, false);

        assertThat(plan.assets()).extracting(PlannedAsset::reason).containsOnlyNulls();
        assertThat(MavenStyle.text(plan.assets().get(1).note())).isEqualTo("not selected by -Dassetgen.only");
    }
}
