package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.rules.RuleId;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.specfile.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assetgen.sarif: SARIF 2.1.0 of every spec problem, with rule, level, file, line and column. */
class SarifReportTest {

    @TempDir
    Path project;

    private final Problem error = Problem.error(
            RuleId.MODEL_UNSUPPORTED_VALUE.id(),
            "resolution",
            new Position("src/main/assets/site.yaml", 12, 17),
            "hero",
            "resolution '8K' is not supported by nano-banana-pro (supported: 1K, 2K, 4K)");
    private final Problem warning = Problem.warning(
            RuleId.MODEL_SIZE_ROUNDED.id(),
            "size",
            new Position("src/main/assets/my specs/b.yaml", 3, 5),
            "icon",
            "size 1000x1000 is rounded to 1024x1024");

    private JsonNode write(List<Problem> problems) throws IOException {
        Path reports = project.resolve("target/assetgen");
        new ReportWriter().writeSarif(reports, problems, project);
        return new ObjectMapper()
                .readTree(Files.readString(reports.resolve(ReportWriter.SARIF), StandardCharsets.UTF_8));
    }

    @Test
    void eachProblemIsAResultWithItsRuleLevelMessageFileLineAndColumn() throws IOException {
        JsonNode sarif = write(List.of(error, warning));

        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        JsonNode run = sarif.path("runs").get(0);
        JsonNode results = run.path("results");
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.path("ruleId").asText()).isEqualTo("model.unsupported-value");
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("message").path("text").asText())
                .isEqualTo("[hero] resolution '8K' is not supported by nano-banana-pro (supported: 1K, 2K, 4K)");
        JsonNode location = first.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("src/main/assets/site.yaml");
        assertThat(location.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("PROJECTROOT");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(12);
        assertThat(location.path("region").path("startColumn").asInt()).isEqualTo(17);
        JsonNode second = results.get(1);
        assertThat(second.path("level").asText()).isEqualTo("warning");
        assertThat(second.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("src/main/assets/my%20specs/b.yaml");
        assertThat(run.at("/originalUriBaseIds/PROJECTROOT/uri").asText())
                .isEqualTo(project.toUri().toString())
                .endsWith("/");
    }

    @Test
    void inAModuleOfAMultiModuleBuildPathsStartFromTheReactorsRootWhereCodeScanningReadsThem() throws IOException {
        Path module = project.resolve("site");
        Path reports = module.resolve("target/assetgen");
        Problem outsideTheModule = Problem.error(
                RuleId.MODEL_UNSUPPORTED_VALUE.id(),
                "resolution",
                new Position("../shared/specs/common.yaml", 2, 3),
                "logo",
                "resolution '8K' is not supported");

        new ReportWriter().writeSarif(reports, List.of(warning, outsideTheModule), module, project);
        JsonNode run = new ObjectMapper()
                .readTree(Files.readString(reports.resolve(ReportWriter.SARIF), StandardCharsets.UTF_8))
                .at("/runs/0");

        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("site/src/main/assets/my%20specs/b.yaml");
        assertThat(run.at("/results/1/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("shared/specs/common.yaml");
        assertThat(run.at("/results/1/locations/0/physicalLocation/artifactLocation/uriBaseId")
                        .asText())
                .isEqualTo("PROJECTROOT");
        assertThat(run.at("/originalUriBaseIds/PROJECTROOT/uri").asText())
                .isEqualTo(project.toUri().toString());
    }

    @Test
    void theDriverIsAssetgenAndListsEveryRuleItsResultsPointAt() throws IOException {
        JsonNode sarif = write(List.of(error));

        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertThat(driver.path("name").asText()).isEqualTo("assetgen");
        assertThat(driver.path("version").asText()).isNotBlank();
        assertThat(driver.path("informationUri").asText()).startsWith("https://");
        JsonNode rules = driver.path("rules");
        assertThat(rules).hasSize(RuleId.allIds().size());
        int index = sarif.at("/runs/0/results/0/ruleIndex").asInt();
        JsonNode rule = rules.get(index);
        assertThat(rule.path("id").asText()).isEqualTo("model.unsupported-value");
        assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
        assertThat(rule.at("/help/text").asText()).isNotBlank();
    }

    @Test
    void noProblemsGiveAnEmptyResultsArrayThatReplacesAnOlderFile() throws IOException {
        write(List.of(error));

        JsonNode sarif = write(List.of());

        assertThat(sarif.at("/runs/0/results").isArray()).isTrue();
        assertThat(sarif.at("/runs/0/results")).isEmpty();
    }

    @Test
    void aSpecOutsideTheProjectIsAnAbsoluteFileUriAndAColonCannotPassForAScheme() throws IOException {
        Path outside = project.getParent().resolve("shared/x.yaml").toAbsolutePath();
        Problem far = Problem.error("spec.malformed", null, new Position(outside.toString(), 1, 1), null, "bad");
        Problem colon = Problem.error("spec.malformed", null, new Position("c:d.yaml", 2, 1), null, "bad");

        JsonNode results = write(List.of(far, colon)).at("/runs/0/results");

        JsonNode farLocation = results.get(0).at("/locations/0/physicalLocation/artifactLocation");
        assertThat(farLocation.path("uri").asText()).isEqualTo(outside.toUri().toString());
        assertThat(farLocation.has("uriBaseId")).isFalse();
        assertThat(results.get(1)
                        .at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("./c:d.yaml");
    }
}
