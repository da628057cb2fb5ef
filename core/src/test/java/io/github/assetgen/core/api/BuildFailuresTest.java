package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.LockFileException;
import io.github.assetgen.core.wording.MavenStyle;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each way a build stops is its own type, carrying what the user needs; the messages are unchanged. */
class BuildFailuresTest {

    @TempDir
    Path project;

    private void spec(String yaml) throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, yaml, StandardCharsets.UTF_8);
    }

    private void placeholderSpec() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                """);
    }

    private void damageTheLock() throws Exception {
        Files.writeString(
                project.resolve("assets.lock.json"),
                "{\n  \"lockVersion\": 1,\n  \"assets\": {\n",
                StandardCharsets.UTF_8);
    }

    /** A config whose useapi has no token, with these budgets. */
    private BuildConfig useapiConfig(BigDecimal maxCredits) {
        return useapiConfig(maxCredits, false);
    }

    /** A config whose useapi has no token, with these budgets, locked or not. */
    private BuildConfig useapiConfig(BigDecimal maxCredits, boolean locked) {
        ProviderSettings useapi =
                ProviderRegistry.standard().get("useapi").settings(null, null, null, Duration.ofSeconds(1), null);
        BuildConfig base = BuildFixtures.placeholderConfig(project);
        return new BuildConfig(
                base.projectBaseDir(),
                base.specDirectory(),
                base.outputDirectory(),
                base.cacheDirectory(),
                base.lockFile(),
                base.reportDirectory(),
                List.of(),
                false,
                maxCredits,
                null,
                false,
                false,
                base.assetTimeout(),
                Map.of("useapi", useapi),
                MavenStyle.WORDING,
                null,
                locked);
    }

    @Test
    void aDamagedLockFileIsAUserErrorWithFileLineAndColumn() throws Exception {
        placeholderSpec();
        damageTheLock();
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.plan(requests))
                .isInstanceOf(UserErrorException.class)
                .isInstanceOfSatisfying(LockFileDamagedException.class, e -> {
                    assertThat(e.file()).isEqualTo(project.resolve("assets.lock.json"));
                    assertThat(e.line()).isPositive();
                    assertThat(e.column()).isPositive();
                    assertThat(e.getMessage())
                            .startsWith("cannot read the cache or lock file: " + e.file() + ":" + e.line() + ":"
                                    + e.column() + ": malformed lock file");
                })
                .hasCauseInstanceOf(LockFileException.class);
    }

    @Test
    void aDamagedLockFileWritesReportsNamingIt() throws Exception {
        placeholderSpec();
        damageTheLock();
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.plan(requests)).isInstanceOf(LockFileDamagedException.class);

        assertThat(report().get("failure").get("message").asText())
                .startsWith("cannot read the cache or lock file: " + project.resolve("assets.lock.json"));
    }

    @Test
    void aCacheDirectoryThatIsAFileIsOneBuildErrorNamingItAndTheFix() throws Exception {
        placeholderSpec();
        Files.writeString(project.resolve("cache"), "not a folder", StandardCharsets.UTF_8);
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.plan(requests))
                .isInstanceOf(BuildFaultException.class)
                .hasMessage("cannot read the cache or lock file: " + project.resolve("cache")
                        + " is a file, not a folder: point cacheDirectory at a folder, or move the file away");
        assertThat(report().get("failure").get("message").asText()).contains("is a file, not a folder");
        assertThat(Files.readString(project.resolve("cache"))).isEqualTo("not a folder");
    }

    @Test
    void aFolderOfTheCacheThatIsAFileIsABuildErrorNamingIt() throws Exception {
        placeholderSpec();
        Files.createDirectories(project.resolve("cache"));
        Files.writeString(project.resolve("cache/journal"), "not a folder", StandardCharsets.UTF_8);
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.plan(requests))
                .isInstanceOf(BuildFaultException.class)
                .hasMessageStartingWith("cannot read the cache or lock file: ")
                .hasMessageContaining(project.resolve("cache/journal").toString());
    }

    @Test
    void aLockDamagedAfterThePlanWasMadeIsTheSameUserErrorWhenGenerating() throws Exception {
        placeholderSpec();
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        Plan plan = build.plan(build.validate());
        damageTheLock();

        assertThatThrownBy(() -> build.generate(plan))
                .isInstanceOf(LockFileDamagedException.class)
                .hasMessageStartingWith("I/O error: " + project.resolve("assets.lock.json") + ":");
    }

    @Test
    void specErrorsCarryTheProblems() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2}
                """);
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());

        assertThatThrownBy(build::validate)
                .isInstanceOfSatisfying(
                        SpecErrorsException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(p -> assertThat(p.isError()).isTrue()))
                .hasMessage("1 error(s) in the asset specs, listed above. Nothing was sent.");
    }

    @Test
    void aMissingTokenNamesTheProviders() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild build = new AssetBuild(useapiConfig(null), BuildLog.silent());
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.generate(requests, false))
                .isInstanceOfSatisfying(
                        MissingTokenException.class,
                        e -> assertThat(e.providers()).containsExactly("useapi"))
                .hasMessageStartingWith("No token for useapi (needed by hero): add a <server> with id '"
                        + ProviderRegistry.standard().get("useapi").serverId() + "'")
                .hasMessageEndingWith(
                        "Nothing was sent. To try the build without a token use" + " -Dassetgen.placeholders=true.");
    }

    @Test
    void anExceededBudgetCarriesTheEstimateAndTheBudget() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild build = new AssetBuild(useapiConfig(BigDecimal.ZERO), BuildLog.silent());
        Plan plan = build.plan(build.validate());

        assertThatThrownBy(() -> build.checkBudget(plan))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.estimatedCredits())
                            .isEqualByComparingTo(plan.credits())
                            .isPositive();
                    assertThat(e.maxCredits()).isEqualByComparingTo(BigDecimal.ZERO);
                    assertThat(e.maxUsd()).isNull();
                })
                .hasMessage(MavenStyle.text(
                        plan.budgetProblem(BigDecimal.ZERO, null).orElseThrow()));
    }

    @Test
    void failedAssetsCarryTheirResultsAfterTheRestWasKept() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                """);
        BuildConfig online = useapiConfig(null);
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
                online.providers(),
                MavenStyle.WORDING,
                null,
                false);
        AssetBuild build = new AssetBuild(offline, BuildLog.silent());
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.generate(requests, false))
                .isInstanceOfSatisfying(
                        AssetsFailedException.class,
                        e -> assertThat(e.failures()).extracting(r -> r.id()).containsExactly("hero"))
                .hasMessageStartingWith("1 asset(s) failed:\n  hero: not in the cache, and the build is offline"
                        + "\nEverything else was generated or restored, cached and locked.\n");
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper()
                .readTree(project.resolve("target/assetgen/report.json").toFile());
    }

    @Test
    void specErrorsWriteAFailingJunitTestCaseNamingEachProblem() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2}
                  - {id: logo, provider: placeholder, model: nano-banana-2}
                """);
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());

        assertThatThrownBy(build::validate).isInstanceOf(SpecErrorsException.class);

        Path reports = project.resolve("target/assetgen");
        Document junit = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reports.resolve("TEST-assetgen.xml").toFile());
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        NodeList cases = junit.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            assertThat(testCase.getAttribute("classname")).endsWith("site.yaml");
            assertThat(testCase.getElementsByTagName("failure").getLength()).isEqualTo(1);
        }
        assertThat(((Element) cases.item(0)).getAttribute("name")).startsWith("hero ");
        assertThat(((Element) cases.item(1)).getAttribute("name")).startsWith("logo ");
        JsonNode failure = report().get("failure");
        assertThat(failure.get("message").asText()).startsWith("2 error(s) in the asset specs");
        assertThat(failure.get("problems")).hasSize(2);
        assertThat(failure.get("problems").get(0).get("asset").asText()).isEqualTo("hero");
        assertThat(failure.get("problems").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(reports.resolve("report.html")).content().contains("2 error(s) in the asset specs");
    }

    @Test
    void aMissingTokenWritesAReportSayingSoWithEveryAssetNotRun() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild build = new AssetBuild(useapiConfig(null), BuildLog.silent());
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.generate(requests, false)).isInstanceOf(MissingTokenException.class);

        JsonNode report = report();
        assertThat(report.get("failure").get("message").asText()).startsWith("No token for useapi");
        JsonNode hero = report.get("assets").get(0);
        assertThat(hero.get("id").asText()).isEqualTo("hero");
        assertThat(hero.get("status").asText()).isEqualTo("planned");
        assertThat(hero.get("message").asText()).startsWith("not run: No token for useapi");
        assertThat(project.resolve("target/assetgen/TEST-assetgen.xml"))
                .content()
                .contains("classname=\"assetgen\" name=\"build\"")
                .contains("<failure message=\"No token for useapi");
    }

    @Test
    void anExceededBudgetInThePlanGoalWritesItsReports() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild build = new AssetBuild(useapiConfig(BigDecimal.ZERO), BuildLog.silent());
        Plan plan = build.plan(build.validate());

        assertThatThrownBy(() -> build.checkBudget(plan)).isInstanceOf(BudgetExceededException.class);

        JsonNode report = report();
        assertThat(report.get("failure").get("message").asText())
                .isEqualTo(MavenStyle.text(
                        plan.budgetProblem(BigDecimal.ZERO, null).orElseThrow()));
        assertThat(report.get("assets").get(0).get("status").asText()).isEqualTo("planned");
    }

    @Test
    void aStaleReportOfAnEarlierBuildIsReplacedWhenTheBuildStopsEarly() throws Exception {
        Path reports = Files.createDirectories(project.resolve("target/assetgen"));
        for (String name : List.of("report.json", "report.html", "TEST-assetgen.xml")) {
            Files.writeString(reports.resolve(name), "old-build an-asset-of-an-older-build", StandardCharsets.UTF_8);
        }
        spec("""
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2}
                """);
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());

        assertThatThrownBy(build::validate).isInstanceOf(SpecErrorsException.class);

        for (String name : List.of("report.json", "report.html", "TEST-assetgen.xml")) {
            assertThat(reports.resolve(name)).content().doesNotContain("old-build");
        }
        assertThat(report().get("failure").get("problems")).hasSize(1);
    }

    @Test
    void aLockedBuildRefusingToBuyWritesItsReports() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild build = new AssetBuild(useapiConfig(null, true), BuildLog.silent());
        List<AssetRequest> requests = build.validate();

        LockedBuildException refused =
                catchThrowableOfType(() -> build.generate(requests, false), LockedBuildException.class);

        JsonNode report = report();
        assertThat(report.get("failure").get("message").asText()).isEqualTo(refused.getMessage());
        assertThat(report.get("assets").get(0).get("message").asText()).isEqualTo("not run: " + refused.getMessage());
    }
}
