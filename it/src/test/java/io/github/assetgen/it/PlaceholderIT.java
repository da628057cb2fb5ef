package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

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
}
