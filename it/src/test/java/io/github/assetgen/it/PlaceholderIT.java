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

    /** The [ERROR] lines holding a text, without the log's level prefix. */
    private static List<String> errorLines(BuildResult result, String text) {
        return result.lines().stream()
                .filter(l -> l.contains("[ERROR]") && l.contains(text))
                .map(l -> l.substring(l.indexOf("src/main/assets/")))
                .distinct()
                .toList();
    }
}
