package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.report.ReportWriter;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.specfile.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The files and lines CI servers read, from real Maven builds: the SARIF (checked by Microsoft's multitool), GitHub
 * Actions' workflow commands and step summary, and reports that are always this build's.
 */
class CiReportsIT extends ItSupport {

    private static final String PLAN = "plan-assets";

    private static Path sarif(MavenBuild build) {
        return build.file("target/assetgen/assetgen.sarif");
    }

    @Test
    void theSarifOfABuildWithSpecErrorsNamesEachErrorAndPassesMicrosoftsValidator() {
        SarifMultitool.require();
        MavenBuild build = prepare("validate-errors");

        BuildResult result = build.run(fakes.args(VALIDATE));

        result.assertFailure();
        JsonNode results = json(sarif(build)).at("/runs/0/results");
        assertThat(results)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("level").asText()).isEqualTo("error"));
        assertThat(results).anySatisfy(r -> {
            assertThat(r.path("ruleId").asText()).isEqualTo("model.unsupported-value");
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri")
                            .asText())
                    .isEqualTo("src/main/assets/a.yaml");
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt())
                    .isEqualTo(10);
        });
        SarifMultitool.Validation validation = SarifMultitool.validate(sarif(build));
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.errorLines()).as(validation.output()).isEmpty();
        assertThat(validation.output()).contains("Analysis completed successfully");
    }

    @Test
    void aValidProjectsSarifHasNoResultsPassesTheValidatorAndReplacesTheOlderOne() {
        SarifMultitool.require();
        MavenBuild build = prepare("generate");
        write(sarif(build), "{\"old\": \"build\"}");

        build.run(fakes.args("-o", VALIDATE)).assertSuccess();

        assertThat(json(sarif(build)).at("/runs/0/results")).isEmpty();
        SarifMultitool.Validation validation = SarifMultitool.validate(sarif(build));
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.errorLines()).as(validation.output()).isEmpty();
        // a validation alone writes its reports too, so no older build's report stays
        assertThat(json(build.file("target/assetgen/report.json"))
                        .path("assets")
                        .findValuesAsText("status"))
                .containsOnly("planned");
        assertThat(build.file("target/assetgen/TEST-assetgen.xml")).exists();
    }

    @Test
    void aSarifWithWarningsOddPathsAndAFileOutsideTheProjectPassesTheValidatorToo() throws Exception {
        SarifMultitool.require();
        Path project = MavenBuild.prepare("plain", "CiReportsIT-odd-paths").dir();
        List<Problem> problems = List.of(
                Problem.warning(
                        "model.size-rounded",
                        "size",
                        new Position("src/main/assets/my specs/ä b#1.yaml", 3, 5),
                        "icon",
                        "size 1000x1000 is rounded to 1024x1024"),
                Problem.error("spec.malformed", null, new Position("c:d.yaml", 1, 1), null, "100% \"wrong\"\nagain"),
                Problem.error(
                        "spec.outside-root",
                        null,
                        new Position(project.resolveSibling("shared/x.yaml").toString(), 1, 1),
                        null,
                        "outside"));
        Path reports = project.resolve("target/assetgen");

        new ReportWriter().writeSarif(reports, problems, project);

        SarifMultitool.Validation validation = SarifMultitool.validate(reports.resolve(ReportWriter.SARIF));
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.errorLines()).as(validation.output()).isEmpty();
        assertThat(json(reports.resolve(ReportWriter.SARIF)).at("/runs/0/results"))
                .hasSize(3);
    }

    @Test
    void onGithubActionsEachErrorIsAWorkflowCommandAtTheStartOfALineAndTheSummarySaysWhy() {
        MavenBuild build = prepare("validate-errors");
        Path summary = build.file("step-summary.md");
        build.env("GITHUB_ACTIONS", "true")
                .env("GITHUB_STEP_SUMMARY", summary.toString())
                .env("GITHUB_WORKSPACE", build.dir().toString());

        BuildResult result = build.run(fakes.args(VALIDATE));

        result.assertFailure();
        List<String> commands =
                result.lines().stream().filter(l -> l.startsWith("::error ")).toList();
        int errors = json(sarif(build)).at("/runs/0/results").size();
        assertThat(commands).hasSize(errors);
        assertThat(commands)
                .anySatisfy(c -> assertThat(c)
                        .startsWith("::error file=src/main/assets/a.yaml,line=10,col=")
                        .contains(",title=model.unsupported-value::[banner] "));
        assertThat(result.lines()).noneMatch(l -> l.contains("::error") && !l.startsWith("::error"));
        assertThat(summary)
                .content()
                .contains("### assetgen: ")
                .contains("**Stopped:** " + errors + " error(s)")
                .contains("src/main/assets/a.yaml:10:");
    }

    @Test
    void onGithubActionsALifecycleBuildLeavesOneTableOfItsAssetsInTheStepSummary() {
        MavenBuild build = prepare("generate");
        Path summary = build.file("step-summary.md");
        write(summary, "## Earlier step\n");
        build.env("GITHUB_ACTIONS", "true")
                .env("GITHUB_STEP_SUMMARY", summary.toString())
                .env("GITHUB_WORKSPACE", build.dir().toString());

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertSuccess();
        String markdown = read(summary);
        assertThat(markdown).startsWith("## Earlier step\n");
        // validate, plan and generate each replaced the block: the last goal's table is what stays
        assertThat(markdown.split("### assetgen: ", -1)).hasSize(2);
        assertThat(markdown)
                .contains("| asset | state | cost | note |")
                .contains("| hero | generated | 4 credits |")
                .contains("| intro | generated |")
                .contains("**3 asset(s)**, 3 generated.")
                .doesNotContain(fakes.useapi.token());
        assertThat(result.lines()).noneMatch(l -> l.startsWith("::"));
    }

    @Test
    void aPlanAfterABuildReplacesItsReportsWithThePlan() {
        MavenBuild build = prepare("generate");
        build.run(fakes.args(GENERATE)).assertSuccess();

        build.run(fakes.args("-o", PLAN)).assertSuccess();

        JsonNode assets = json(build.file("target/assetgen/report.json")).path("assets");
        assertThat(assets.findValuesAsText("status")).containsOnly("planned");
        assertThat(assets.findValuesAsText("message")).containsOnly("plan: kept");
        assertThat(json(sarif(build)).at("/runs/0/results")).isEmpty();
    }
}
