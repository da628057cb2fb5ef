package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.request.AssetRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every goal writes this build's reports: the validation's SARIF (empty when nothing was found), and
 * report.json, the JUnit XML and the gallery of what the goal did, whether it succeeded or stopped;
 * on GitHub Actions also annotations and the step summary.
 */
class EveryGoalReportsTest {

    private static final String FAKE_TOKEN = "test-token-not-real-reports";

    @TempDir
    Path project;

    private Path reports() {
        return project.resolve("target/assetgen");
    }

    private void spec(String yaml) throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, yaml, StandardCharsets.UTF_8);
    }

    private JsonNode json(String name) throws Exception {
        return new ObjectMapper().readTree(reports().resolve(name).toFile());
    }

    private CiEnvironment github(Path summary) {
        return CiEnvironment.of(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_STEP_SUMMARY", summary.toString(),
                "GITHUB_WORKSPACE", project.toString()));
    }

    /** Placeholder outputs, useapi without a token and minimax with one, so a token exists to leak. */
    private BuildConfig config() {
        BuildConfig base = BuildFixtures.placeholderConfig(project);
        ProviderRegistry registry = ProviderRegistry.standard();
        ProviderSettings useapi = registry.get("useapi").settings(null, null, null, Duration.ofSeconds(1), null);
        ProviderSettings minimax = registry.get("minimax")
                .settings(
                        io.github.assetgen.core.provider.Secret.of(FAKE_TOKEN),
                        null,
                        null,
                        Duration.ofSeconds(1),
                        null);
        Map<String, ProviderSettings> providers = new java.util.HashMap<>(base.providers());
        providers.put("useapi", useapi);
        providers.put("minimax", minimax);
        return new BuildConfig(
                base.projectBaseDir(),
                base.specDirectory(),
                base.outputDirectory(),
                base.cacheDirectory(),
                base.lockFile(),
                base.reportDirectory(),
                List.of(),
                false,
                null,
                null,
                false,
                false,
                base.assetTimeout(),
                providers);
    }

    @Test
    void aSuccessfulValidationWritesAnEmptySarifAndReportsOfEveryAssetValidated() throws Exception {
        Files.createDirectories(reports());
        Files.writeString(reports().resolve("assetgen.sarif"), "old-build", StandardCharsets.UTF_8);
        Files.writeString(reports().resolve("report.json"), "old-build", StandardCharsets.UTF_8);
        spec("""
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild build = new AssetBuild(config(), BuildLog.silent());

        build.reportValid(build.validate());

        assertThat(json("assetgen.sarif").at("/runs/0/results")).isEmpty();
        JsonNode hero = json("report.json").path("assets").get(0);
        assertThat(hero.path("id").asText()).isEqualTo("hero");
        assertThat(hero.path("status").asText()).isEqualTo("planned");
        assertThat(hero.path("message").asText()).isEqualTo("not run: validated only, not planned");
        assertThat(reports().resolve("TEST-assetgen.xml")).content().contains("name=\"hero\"");
        assertThat(reports().resolve("report.html")).exists();
    }

    @Test
    void specErrorsGoToTheSarifToGithubAsAnnotationsAndToTheStepSummary() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-pro, prompt: a, resolution: 8K}
                  - {id: fine, provider: placeholder, model: nano-banana-2, prompt: b}
                """);
        Path summary = project.resolve("summary.md");
        CollectingLog log = new CollectingLog();
        AssetBuild build = new AssetBuild(config(), log, github(summary));

        assertThatThrownBy(build::validate).isInstanceOf(SpecErrorsException.class);

        JsonNode result = json("assetgen.sarif").at("/runs/0/results/0");
        assertThat(result.path("ruleId").asText()).isEqualTo("model.unsupported-value");
        assertThat(result.path("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("src/main/assets/site.yaml");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(2);
        assertThat(log.plains)
                .singleElement()
                .asString()
                .startsWith("::error file=src/main/assets/site.yaml,line=2,col=")
                .contains(",title=model.unsupported-value::[hero] resolution '8K'");
        // the valid asset is in the reports too, not run
        assertThat(json("report.json").path("assets").findValuesAsText("id")).containsExactly("fine");
        assertThat(summary)
                .content()
                .contains("**Stopped:** 1 error(s)")
                .contains("model.unsupported-value: [hero] resolution")
                .contains("| fine | planned |");
    }

    @Test
    void withoutGithubNothingIsPrintedPlainAndNoSummaryIsWritten() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-pro, prompt: a, resolution: 8K}
                """);
        CollectingLog log = new CollectingLog();
        AssetBuild build = new AssetBuild(config(), log, CiEnvironment.of(Map.of("GITHUB_ACTIONS", "false")));

        assertThatThrownBy(build::validate).isInstanceOf(SpecErrorsException.class);

        assertThat(log.plains).isEmpty();
        assertThat(json("assetgen.sarif").at("/runs/0/results")).hasSize(1);
    }

    @Test
    void aPlanWritesItsReportsWithWhatEachAssetWouldNeed() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild build = new AssetBuild(config(), BuildLog.silent());
        Plan plan = build.plan(build.validate());

        build.reportPlan(plan);

        JsonNode hero = json("report.json").path("assets").get(0);
        assertThat(hero.path("status").asText()).isEqualTo("planned");
        assertThat(hero.path("message").asText()).isEqualTo("plan: generate");
        assertThat(hero.path("key").asText()).hasSize(64);
    }

    @Test
    void aMissingTokenKeepsTheValidationsSarifAndTheSummarySaysWhyButNeverHoldsAToken() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                  - {id: card, provider: minimax, model: image-01, prompt: a card}
                """);
        Path summary = project.resolve("summary.md");
        AssetBuild build = new AssetBuild(config(), new CollectingLog(), github(summary));
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.generate(requests, true)).isInstanceOf(MissingTokenException.class);

        assertThat(json("assetgen.sarif").at("/runs/0/results")).isEmpty();
        assertThat(summary)
                .content()
                .contains("**Stopped:** No token for useapi")
                .contains("| card | planned |");
        try (var files = Files.list(reports())) {
            for (Path report : files.toList()) {
                assertThat(report).content().doesNotContain(FAKE_TOKEN);
            }
        }
        assertThat(summary).content().doesNotContain(FAKE_TOKEN);
    }

    @Test
    void aGenerateWritesTheResultsTableToTheStepSummaryWithoutTheToken() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                """);
        Path summary = project.resolve("summary.md");
        Files.writeString(summary, "earlier step output\n", StandardCharsets.UTF_8);
        AssetBuild build = new AssetBuild(config(), new CollectingLog(), github(summary));

        build.generate(build.validate(), true);

        assertThat(summary)
                .content()
                .startsWith("earlier step output\n")
                .contains("| hero | generated |")
                .contains("**1 asset(s)**, 1 generated.")
                .doesNotContain(FAKE_TOKEN);
    }

    @Test
    void aFaultReplacesAnOlderBuildsReportWithItsMessage() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                """);
        Files.createDirectories(reports());
        Files.writeString(reports().resolve("report.json"), "{\"old\": \"build\"}", StandardCharsets.UTF_8);
        // the lock file is a folder: the plan cannot read it, a fault of the machine, not a spec mistake
        Files.createDirectories(project.resolve("assets.lock.json"));
        AssetBuild build = new AssetBuild(config(), new CollectingLog());
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.generate(requests, true)).isInstanceOf(BuildFaultException.class);

        JsonNode report = json("report.json");
        assertThat(report.has("old")).isFalse();
        assertThat(report.at("/failure/message").asText()).startsWith("cannot read the cache or lock file: ");
        assertThat(report.path("assets")).isEmpty();
    }
}
