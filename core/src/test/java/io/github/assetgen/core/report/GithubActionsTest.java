package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.specfile.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflow commands and the step summary, in GitHub's formats. */
class GithubActionsTest {

    @TempDir
    Path dir;

    @Test
    void anErrorIsAnErrorCommandWithFileLineColumnAndTheRuleAsTitle() {
        Problem problem = Problem.error(
                "model.unsupported-value",
                "resolution",
                new Position("src/main/assets/site.yaml", 12, 17),
                "hero",
                "resolution '8K' is not supported (supported: 1K, 2K)");

        String command = new GithubActions(null).annotation(problem, dir);

        assertThat(command)
                .isEqualTo("::error file=src/main/assets/site.yaml,line=12,col=17,title=model.unsupported-value"
                        + "::[hero] resolution '8K' is not supported (supported: 1K, 2K)");
    }

    @Test
    void aWarningIsAWarningCommandAndItsPathIsRelativeToTheCheckout() {
        Path module = dir.resolve("web");
        Problem problem =
                Problem.warning("model.size-rounded", "size", new Position("src/main/assets/a.yaml", 3, 5), null, "x");

        String command = new GithubActions(dir).annotation(problem, module);

        assertThat(command)
                .startsWith("::warning file=web/src/main/assets/a.yaml,line=3,col=5,title=model.size-rounded::");
    }

    @Test
    void percentLineBreaksAndInPropertiesColonsAndCommasAreEscapedAsGithubsToolkitDoes() {
        Problem problem = Problem.error(
                "spec.malformed", null, new Position("src/a,b:c%.yaml", 1, 1), null, "100% wrong\r\nsecond: line");

        String command = new GithubActions(null).annotation(problem, dir);

        assertThat(command)
                .isEqualTo("::error file=src/a%2Cb%3Ac%25.yaml,line=1,col=1,title=spec.malformed"
                        + "::100%25 wrong%0D%0Asecond: line")
                .doesNotContain("\n");
    }

    @Test
    void theStepSummaryIsATableOfAssetsStatesAndCostsWithTheTotals() throws IOException {
        Path file = dir.resolve("summary.md");
        List<AssetOutcome> outcomes = List.of(
                new AssetOutcome(
                        "hero",
                        "generated",
                        "useapi",
                        "m",
                        "image",
                        "p",
                        "k",
                        List.of(),
                        Cost.credits(6),
                        Cost.credits(6),
                        1500,
                        null),
                new AssetOutcome(
                        "bad|id",
                        "failed",
                        "useapi",
                        "m",
                        "image",
                        "p",
                        "k",
                        List.of(),
                        Cost.credits(0),
                        Cost.free(),
                        10,
                        "moderated: <b>nope</b>\nsecond line"));

        new GithubActions(dir)
                .writeStepSummary(file, "site", outcomes, ReportSummary.of(outcomes, "6 credits", 1510), null);

        String md = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(md)
                .contains("### assetgen: site")
                .contains("| asset | state | cost | note |\n|---|---|---|---|\n")
                .contains("| hero | generated | 6 credits |  |\n")
                .contains("| bad\\|id | failed | 0 credits | moderated: &lt;b&gt;nope&lt;/b&gt; second line |\n")
                .contains("**2 asset(s)**, 1 generated, 1 failed. Spent: 6 credits; useapi 6 credits. Took 1.510 s.");
    }

    @Test
    void eachGoalReplacesItsProjectsBlockAndKeepsWhatElseIsInTheFile() throws IOException {
        Path file = dir.resolve("summary.md");
        Files.writeString(file, "## Tests\nall green\n", StandardCharsets.UTF_8);
        List<AssetOutcome> planned = List.of(new AssetOutcome(
                "hero",
                "planned",
                "useapi",
                "m",
                "image",
                "p",
                "k",
                List.of(),
                Cost.credits(6),
                null,
                0,
                "plan: generate"));
        GithubActions github = new GithubActions(dir);

        github.writeStepSummary(file, "site", planned, ReportSummary.of(planned, "0", 0), null);
        github.writeStepSummary(file, "docs", planned, ReportSummary.of(planned, "0", 0), null);
        github.writeStepSummary(
                file,
                "site",
                List.of(),
                ReportSummary.of(List.of(), "0", 0),
                new BuildFailure("No token for useapi", List.of()));

        String md = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(md).startsWith("## Tests\nall green\n");
        assertThat(md.split("### assetgen: site", -1)).hasSize(2);
        assertThat(md.split("### assetgen: docs", -1)).hasSize(2);
        assertThat(md).contains("**Stopped:** No token for useapi");
        assertThat(md.indexOf("assetgen: site")).isLessThan(md.indexOf("assetgen: docs"));
    }

    @Test
    void aStopBySpecErrorsListsEachError() throws IOException {
        Path file = dir.resolve("summary.md");
        Problem error = Problem.error(
                "spec.unknown-field",
                "aspectRato",
                new Position("src/main/assets/a.yaml", 9, 5),
                "banner",
                "unknown field");

        new GithubActions(null)
                .writeStepSummary(
                        file,
                        "site",
                        List.of(),
                        ReportSummary.of(List.of(), "0", 0),
                        new BuildFailure("1 error(s) in the asset specs", List.of(error)));

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("- src/main/assets/a.yaml:9:5 spec.unknown-field: [banner] unknown field\n");
    }

    @Test
    void aMessageCutInsideAnEmojiStillGivesAStepSummary() throws Exception {
        // a provider's message shortened between the two halves of an emoji: not writable as UTF-8
        Path file = dir.resolve("summary-emoji.md");
        List<AssetOutcome> outcomes = List.of(new AssetOutcome(
                "hero",
                "failed",
                "useapi",
                "m",
                "image",
                "p",
                "k",
                List.of(),
                Cost.credits(0),
                Cost.free(),
                10,
                "moderated \uD83D\uDE00 and cut \uD83D"));

        new GithubActions(dir).writeStepSummary(file, "site", outcomes, ReportSummary.of(outcomes, "0", 10), null);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("moderated \uD83D\uDE00 and cut \uFFFD");
    }
}
