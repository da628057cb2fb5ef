package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Builds that must not send anything: offline ones and those over budget. */
class OfflineAndBudgetIT extends ItSupport {

    private static void assertFailsListingEveryMissingAsset(BuildResult result) {
        result.assertFailure();
        assertThat(result.log()).contains("hero").contains("logo").contains("intro");
        assertThat(result.stackTraceLines()).isEmpty();
        assertThat(fakes.requests()).isZero();
    }

    @Test
    void mavenOfflineWithAnEmptyCacheFailsListingTheMissingAssets() {
        MavenBuild build = prepare("generate");

        BuildResult result = build.run(fakes.args("-o", GENERATE));

        assertFailsListingEveryMissingAsset(result);
        assertThat(build.outputDir().resolve("logo.png")).doesNotExist();
        // the way forward, in Maven's words
        assertThat(result.log())
                .contains("3 asset(s) need the network and the build is offline (hero, logo and intro): run Maven"
                        + " online (without -o or -Dassetgen.offline=true) to generate them, or run with"
                        + " -Dassetgen.placeholders=true to render local stand-ins.");
    }

    @Test
    void theOfflinePropertyWithAnEmptyCacheFailsListingTheMissingAssets() {
        MavenBuild build = prepare("generate");

        assertFailsListingEveryMissingAsset(build.run(fakes.args(GENERATE, "-Dassetgen.offline=true")));
    }

    @Test
    void offlineRestoresWhatTheCacheHolds() {
        MavenBuild build = prepare("generate");
        build.run(fakes.args(GENERATE)).assertSuccess();
        int requestsAfterFirst = fakes.requests();
        build.deleteTarget();

        build.run(fakes.args("-o", GENERATE)).assertSuccess();

        assertThat(fakes.requests()).isEqualTo(requestsAfterFirst);
        assertPng(build.outputDir().resolve("logo.png"));
        assertMp4(build.outputDir().resolve("video/intro.mp4"));
    }

    @Test
    void anEstimateOverMaxCreditsFailsBeforeAnyRequest() {
        MavenBuild build = prepare("generate");

        // the project costs 4 + 4 + 25 credits at useapi's prices
        BuildResult result = build.run(fakes.args(GENERATE, "-Dassetgen.maxCredits=10"));

        result.assertFailure();
        assertThat(result.log().toLowerCase()).contains("credit");
        assertThat(result.stackTraceLines()).isEmpty();
        for (FakeProvider fake : fakes.all()) {
            assertThat(fake.requests()).as(fake.name() + " requests").isZero();
            assertThat(fake.createRequests()).isZero();
            assertThat(fake.uploads()).isZero();
        }
        assertThat(build.lockFile()).doesNotExist();
    }

    @Test
    void maxCreditsAloneCannotBoundDollarPricedAssetsSoNothingIsSent() {
        MavenBuild build = prepare("minimax-official");
        writeBytes(build.file("src/main/assets/refs/start.png"), TestMedia.png(40, 30, 5));
        writeBytes(build.file("src/main/assets/refs/face.jpg"), TestMedia.jpeg(30, 40, 6));

        // a generous budget in credits: MiniMax prices in dollars, which it does not count
        BuildResult result = build.run(fakes.args(GENERATE, "-Dassetgen.maxCredits=1000"));

        result.assertFailure();
        assertThat(result.log()).contains("priced in dollars, which maxCredits does not count", "maxUsd");
        assertThat(result.stackTraceLines()).isEmpty();
        assertThat(fakes.minimax.requests()).as("minimax requests").isZero();
        assertThat(build.lockFile()).doesNotExist();
    }
}
