package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -Dassetgen.placeholders=true}: real files rendered locally, with no token and no request. */
class PlaceholderIT extends ItSupport {

    @Test
    void placeholdersRenderRealImagesAndVideosWithoutTokenOrRequest() {
        MavenBuild build = prepareWithoutTokens("generate");

        BuildResult result = build.run(fakes.args(GENERATE, "-Dassetgen.placeholders=true"));

        result.assertSuccess();
        assertThat(fakes.requests()).isZero();
        assertPng(build.outputDir().resolve("img/hero.png"));
        assertPng(build.outputDir().resolve("logo.png"));
        assertMp4(build.outputDir().resolve("video/intro.mp4"));
    }

    @Test
    void anHttpsReferenceOnAUseapiModelFailsWithPlaceholdersAsWithoutThem() {
        MavenBuild build = prepareWithoutTokens("generate");
        // useapi uploads local files only: the real build refuses this before any request
        replace(
                build.file("src/main/assets/site.yaml"),
                "    output: img/hero.png",
                "    output: img/hero.png\n    references: [\"https://example.com/boat.png\"]");

        BuildResult placeholders = build.run(fakes.args(GENERATE, "-Dassetgen.placeholders=true"));
        BuildResult real = build.run(fakes.args(GENERATE));

        placeholders.assertFailure();
        real.assertFailure();
        List<String> refused = errorLines(real, "useapi uploads local files only");
        assertThat(refused)
                .singleElement()
                .asString()
                .contains("src/main/assets/site.yaml:11:")
                .contains("[hero] references[0] 'https://example.com/boat.png' is a URL");
        assertThat(errorLines(placeholders, "useapi uploads local files only")).isEqualTo(refused);
        assertThat(fakes.requests()).isZero();
        assertThat(build.outputDir().resolve("logo.png")).doesNotExist();
    }

    @Test
    void aBuildAfterAnAllKeptBuildWithNothingChangedDoesNothingAndAnEditedSpecIsPlannedAgain() throws Exception {
        MavenBuild build = prepareWithoutTokens("generate");
        String[] args = fakes.args(GENERATE, "-Dassetgen.placeholders=true");
        String unchanged = "assetgen: nothing changed since the last build: 3 asset(s) kept";

        BuildResult generating = build.run(args).assertSuccess();
        // past the 2 s in which a just-written output is not trusted
        Thread.sleep(2_100);
        BuildResult allKept = build.run(args).assertSuccess();
        BuildResult nothingChanged = build.run(args).assertSuccess();
        replace(build.file("src/main/assets/site.yaml"), "A flat vector logo", "A round vector logo");
        BuildResult edited = build.run(args).assertSuccess();

        assertThat(generating.log()).doesNotContain(unchanged);
        assertThat(allKept.lines()).anyMatch(l -> l.matches(".*  logo +kept .*"));
        assertThat(allKept.log()).doesNotContain(unchanged);
        assertThat(nothingChanged.lines())
                .filteredOn(l -> l.contains(unchanged))
                .hasSize(1);
        assertThat(nothingChanged.log()).as("no plan").doesNotContain("  logo ");
        assertThat(nothingChanged.lines())
                .as("the placeholder renders are still there: said again")
                .filteredOn(l -> l.contains("[WARNING]") && l.contains("are placeholder renders, not real assets"))
                .hasSize(1);
        assertThat(edited.log()).doesNotContain(unchanged);
        assertThat(edited.lines()).anyMatch(l -> l.matches(".*  logo +generate .*changed since the lock: prompt.*"));
        assertThat(edited.lines()).anyMatch(l -> l.contains("[logo] generated logo.png"));
        assertThat(fakes.requests()).isZero();
    }

    /** The [ERROR] lines holding a text, without the log's level prefix. */
    private static List<String> errorLines(BuildResult result, String text) {
        return result.lines().stream()
                .filter(l -> l.contains("[ERROR]") && l.contains(text))
                .map(l -> l.substring(l.indexOf("src/main/assets/")))
                .distinct()
                .toList();
    }
}
