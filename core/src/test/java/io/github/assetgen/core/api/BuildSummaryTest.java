package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.report.Spending;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.specfile.Position;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The closing line of a generate run: counts per state, spent per provider, wall time. */
class BuildSummaryTest {

    @TempDir
    Path project;

    private static AssetResult result(String id, String provider, Cost cost, Action action, AssetStatus status) {
        AssetRequest request = new AssetRequest(
                id,
                provider,
                AssetType.IMAGE,
                "m",
                "a prompt for " + id,
                Map.of("quantity", 1),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(id + ".png"),
                Position.startOf("a.yaml"));
        PlannedAsset planned = new PlannedAsset(request, CacheKey.of(request), action, cost, null, null);
        return new AssetResult(planned, status, List.of(), List.of(), Duration.ofSeconds(3), null);
    }

    @Test
    void theSummaryCountsEachStateSumsWhatWasSpentPerProviderAndSaysHowLongItTook() {
        List<AssetResult> results = List.of(
                result("a", "useapi", Cost.credits(6), Action.GENERATE, AssetStatus.GENERATED),
                result("b", "useapi", Cost.credits(4), Action.GENERATE, AssetStatus.GENERATED),
                result("c", "minimax", Cost.usd(new BigDecimal("0.28")), Action.GENERATE, AssetStatus.GENERATED),
                result("d", "apixo", Cost.usd(new BigDecimal("0.0035")), Action.GENERATE, AssetStatus.FAILED),
                result("e", "useapi", Cost.credits(4), Action.RESTORE, AssetStatus.RESTORED));

        BuildSummary summary = new BuildSummary(
                results,
                Spending.spent(results),
                Spending.byProvider(results),
                "120 credits, $1.33",
                Duration.ofSeconds(185));

        assertThat(summary.describe())
                .isEqualTo("5 asset(s): 1 restored, 3 generated, 1 failed; spent $0.28 at minimax, 10 credits at"
                        + " useapi; the locked assets cost 120 credits, $1.33; took 3 min 5 s");
    }

    @Test
    void anAssetOfUnknownPriceDoesNotHideWhatThePricedOnesCost() {
        List<AssetResult> results = List.of(
                result("a", "minimax", Cost.usd(new BigDecimal("0.28")), Action.GENERATE, AssetStatus.GENERATED),
                result("b", "minimax", Cost.unknown(), Action.GENERATE, AssetStatus.GENERATED),
                result("c", "apixo", Cost.unknown(), Action.GENERATE, AssetStatus.GENERATED));

        BuildSummary summary = new BuildSummary(
                results, Spending.spent(results), Spending.byProvider(results), "nothing", Duration.ofSeconds(2));

        assertThat(summary.describe())
                .isEqualTo("3 asset(s): 3 generated; spent an unknown amount at apixo, $0.28 and an unknown amount at"
                        + " minimax; the locked assets cost nothing; took 2 s");
    }

    @Test
    void aSummaryWithoutAWallTimeLeavesItOut() {
        assertThat(new BuildSummary(List.of(), "0 credits, $0", Map.of(), "nothing").describe())
                .isEqualTo("0 asset(s): nothing to do; spent nothing; the locked assets cost nothing");
    }

    @Test
    void aGenerateRunPrintsSubmittedAndLandedLinesAndItsSummaryHasTheWallTime() throws Exception {
        Files.createDirectories(project.resolve("src/main/assets"));
        Files.writeString(project.resolve("src/main/assets/site.yaml"), """
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                  - {id: logo, provider: placeholder, model: nano-banana-2, prompt: a paper boat}
                """);
        CollectingLog log = new CollectingLog();
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), log);

        BuildSummary summary = build.generate(build.validate(), false);

        assertThat(summary.wallTime()).isNotNull();
        assertThat(summary.describe())
                .startsWith("2 asset(s): 2 generated; spent nothing;")
                .containsPattern("; took \\d+ s$");
        assertThat(log.infos)
                .anyMatch(line ->
                        line.matches("\\[hero] submitted to placeholder/nano-banana-2, job \\w+ \\(estimate free\\)"))
                .anyMatch(line -> line.matches("\\[logo] generated logo\\.png in \\d+ s, spent nothing"))
                .last()
                .isEqualTo("assetgen: " + summary.describe());
    }

    @Test
    void aFailedRunPrintsTheSameClosingLineBeforeItFails() throws Exception {
        Files.createDirectories(project.resolve("src/main/assets"));
        Files.writeString(project.resolve("src/main/assets/site.yaml"), """
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                """);
        // offline, a useapi asset in no cache is blocked (a placeholder would still render)
        BuildConfig online = BuildFixtures.placeholderConfig(project);
        BuildConfig offline = new BuildConfig(
                online.projectBaseDir(),
                online.specDirectory(),
                online.outputDirectory(),
                online.cacheDirectory(),
                online.lockFile(),
                online.reportDirectory(),
                online.only(),
                false,
                null,
                null,
                false,
                true,
                online.assetTimeout(),
                online.providers());
        CollectingLog log = new CollectingLog();
        AssetBuild build = new AssetBuild(offline, log);

        assertThatThrownBy(() -> build.generate(build.validate(), false)).isInstanceOf(AssetsFailedException.class);

        assertThat(log.errors).anyMatch(line -> line.startsWith("[hero] "));
        assertThat(log.infos)
                .last()
                .asString()
                .matches(
                        "assetgen: 1 asset\\(s\\): 1 failed; spent nothing; the locked assets cost nothing; took \\d+ s");
    }
}
