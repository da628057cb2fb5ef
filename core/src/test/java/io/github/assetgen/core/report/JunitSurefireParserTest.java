package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.rules.RuleId;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.specfile.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.SurefireReportParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TEST-assetgen.xml read by a real consumer: Surefire's own report parser (the one
 * maven-surefire-report-plugin uses) finds every asset and every spec error, each failure as one.
 */
class JunitSurefireParserTest {

    @TempDir
    Path target;

    private static AssetOutcome outcome(String id, String status, String message) {
        return new AssetOutcome(
                id,
                status,
                "useapi",
                "nano-banana-2",
                "image",
                "A prompt",
                "k-" + id,
                List.of(),
                Cost.credits(2),
                Cost.free(),
                10,
                message);
    }

    private List<ReportTestSuite> parse(Path reports) {
        return new SurefireReportParser(List.of(reports.toFile()), new NullConsoleLogger()).parseXMLReportFiles();
    }

    @Test
    void aRunWithGeneratedFailedAndSkippedAssetsIsOneCaseEachWithItsFailureAndSkip() throws IOException {
        List<AssetOutcome> outcomes = List.of(
                outcome("hero", "generated", null),
                outcome("icon", "kept", null),
                outcome("broken", "failed", "moderated by the provider"),
                outcome("half", "partial", "2 of 4 images came back"),
                outcome("later", "skipped", "not selected"));
        Path reports = target.resolve("assetgen");
        new ReportWriter().write(reports, target.resolve("out"), outcomes, ReportSummary.of(outcomes, "2 credits", 50));

        List<ReportTestSuite> suites = parse(reports);

        assertThat(suites).singleElement().satisfies(suite -> {
            assertThat(suite.getNumberOfTests()).isEqualTo(5);
            assertThat(suite.getNumberOfFailures()).isEqualTo(2);
            assertThat(suite.getNumberOfSkipped()).isEqualTo(1);
            assertThat(suite.getNumberOfErrors()).isZero();
            assertThat(suite.getTestCases())
                    .extracting(ReportTestCase::getName)
                    .containsExactly("broken", "half", "hero", "icon", "later");
        });
        SurefireReportParser parser = new SurefireReportParser(List.of(reports.toFile()), new NullConsoleLogger());
        Map<String, Object> summary = parser.getSummary(suites);
        assertThat(summary)
                .containsEntry("totalTests", 5)
                .containsEntry("totalFailures", 2)
                .containsEntry("totalSkipped", 1);
        // the parser's "failure details" are every case that did not pass, skips too
        assertThat(parser.getFailureDetails(suites))
                .filteredOn(ReportTestCase::hasFailure)
                .extracting(ReportTestCase::getName, ReportTestCase::getFailureMessage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("broken", "moderated by the provider"),
                        org.assertj.core.groups.Tuple.tuple("half", "2 of 4 images came back"));
    }

    @Test
    void aBuildStoppedBySpecErrorsIsOneFailingCasePerErrorBesideEveryValidAsset() throws IOException {
        Problem resolution = Problem.error(
                RuleId.MODEL_UNSUPPORTED_VALUE.id(),
                "resolution",
                new Position("src/main/assets/site.yaml", 12, 17),
                "hero",
                "resolution '8K' is not supported by nano-banana-pro (supported: 1K, 2K, 4K)");
        Problem typo = Problem.error(
                "spec.unknown-field",
                "aspectRato",
                new Position("src/main/assets/more/b.yaml", 9, 5),
                "banner",
                "unknown field 'aspectRato' (did you mean 'aspectRatio'?)");
        Problem warning = Problem.warning(
                RuleId.MODEL_SIZE_ROUNDED.id(),
                "size",
                new Position("src/main/assets/site.yaml", 20, 3),
                "icon",
                "rounded");
        List<AssetOutcome> valid = List.of(outcome("icon", "planned", "not run: the specs have errors"));
        Path reports = target.resolve("assetgen");
        new ReportWriter()
                .write(
                        reports,
                        target.resolve("out"),
                        valid,
                        ReportSummary.of(valid, "0", 0),
                        new BuildFailure("2 error(s) in the asset specs", List.of(resolution, typo, warning)));

        List<ReportTestSuite> suites = parse(reports);

        // the parser groups cases by class name: one suite per spec file, one for the assets
        assertThat(suites)
                .extracting(ReportTestSuite::getFullClassName)
                .containsExactlyInAnyOrder("src/main/assets/site.yaml", "src/main/assets/more/b.yaml", "assetgen");
        SurefireReportParser parser = new SurefireReportParser(List.of(reports.toFile()), new NullConsoleLogger());
        assertThat(parser.getSummary(suites))
                .containsEntry("totalTests", 3)
                .containsEntry("totalFailures", 2)
                .containsEntry("totalSkipped", 1)
                .containsEntry("totalErrors", 0);
        List<ReportTestCase> failures = parser.getFailureDetails(suites).stream()
                .filter(ReportTestCase::hasFailure)
                .sorted(Comparator.comparing(ReportTestCase::getFullClassName).reversed())
                .toList();
        assertThat(failures).hasSize(2);
        ReportTestCase first = failures.get(0);
        assertThat(first.getFullClassName()).isEqualTo("src/main/assets/site.yaml");
        assertThat(first.getName()).isEqualTo("hero model.unsupported-value (resolution)");
        assertThat(first.getFailureMessage())
                .isEqualTo("src/main/assets/site.yaml:12:17: [hero] resolution '8K' is not supported by"
                        + " nano-banana-pro (supported: 1K, 2K, 4K)");
        assertThat(first.getFailureType()).isEqualTo("assetgen.model.unsupported-value");
        assertThat(first.getFailureDetail()).contains("line: 12").contains("column: 17");
        ReportTestCase second = failures.get(1);
        assertThat(second.getFullClassName()).isEqualTo("src/main/assets/more/b.yaml");
        assertThat(second.getName()).isEqualTo("banner spec.unknown-field (aspectRato)");
        assertThat(second.getFailureMessage()).contains(":9:5: ").contains("did you mean 'aspectRatio'?");
        assertThat(suites.stream().flatMap(suite -> suite.getTestCases().stream()))
                .filteredOn(ReportTestCase::hasSkipped)
                .extracting(ReportTestCase::getName)
                .containsExactly("icon");
    }
}
