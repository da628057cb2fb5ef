package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two builds at once on one cache, or two modules of one {@code mvn -T} reactor: every key is submitted once, the
 * other waits and restores it.
 */
class ConcurrentBuildsIT extends ItSupport {

    @Test
    void twoBuildsSharingACacheSubmitEachAssetOnce() {
        MavenBuild first = prepare("generate");
        MavenBuild second = MavenBuild.prepare("generate", "concurrent-second");
        fakes.withTokens(second);
        Path sharedCache = first.cacheDir();
        // slow enough that the second build starts while the first one's jobs are still running
        fakes.useapi.pollsBeforeDone(15);

        String[] args = fakes.args(GENERATE, "-Dassetgen.cacheDirectory=" + sharedCache);
        MavenBuild.RunningBuild a = first.start(args);
        MavenBuild.RunningBuild b = second.start(args);

        a.await(Duration.ofMinutes(3)).assertSuccess();
        b.await(Duration.ofMinutes(3)).assertSuccess();

        assertThat(fakes.useapi.createRequests())
                .as("one create per distinct asset over both builds")
                .isEqualTo(3);
        for (MavenBuild build : List.of(first, second)) {
            assertPng(build.outputDir().resolve("img/hero.png"));
            assertPng(build.outputDir().resolve("logo.png"));
            assertMp4(build.outputDir().resolve("video/intro.mp4"));
        }
    }

    @Test
    void twoModulesOfAParallelReactorThatWantTheSameAssetSubmitItOnce() {
        MavenBuild build = prepare("reactor");
        // slow jobs, so both modules reach the shared banner while its job is running
        fakes.useapi.pollsBeforeDone(10);

        BuildResult result = build.run(fakes.args("-T", "2", GENERATE));

        result.assertSuccess();
        assertThat(fakes.useapi.createRequests())
                .as("banner once, hero, diagram")
                .isEqualTo(3);
        assertThat(fakes.useapi.createBodies())
                .filteredOn(body -> body.path("prompt").asText().contains("banner"))
                .hasSize(1);
        Path webBanner = build.file("web/target/generated-assets/banner.png");
        Path docsBanner = build.file("docs/target/generated-assets/banner.png");
        assertPng(webBanner);
        assertThat(bytes(docsBanner)).isEqualTo(bytes(webBanner));
        assertPng(build.file("web/target/generated-assets/hero.png"));
        assertPng(build.file("docs/target/generated-assets/diagram.png"));
        assertThat(lockKey(build.file("web/assets.lock.json"), "banner"))
                .isEqualTo(lockKey(build.file("docs/assets.lock.json"), "banner"));
    }

    @Test
    void aBuildThatFindsAnotherBuildsCreateStillUnansweredWaitsForItInsteadOfCallingItLost() {
        MavenBuild first = prepare("generate");
        MavenBuild second = MavenBuild.prepare("generate", "unanswered-second");
        fakes.withTokens(second);
        String[] args = fakes.args(GENERATE, "-Dassetgen.cacheDirectory=" + first.cacheDir());

        MavenBuild.RunningBuild a = first.startWithJvmOption(Freezer.JVM_OPTION, args);
        try (Freezer freezer = Freezer.attach(a, Duration.ofSeconds(60))) {
            // the create was answered, but its job id is not journaled yet: to anyone else it looks lost
            freezer.runUntil(
                    new Freezer.Point("io.github.assetgen.core.store.Journal", "recordSubmitted", null, null),
                    Duration.ofSeconds(60));
            MavenBuild.RunningBuild b = second.start(args);
            b.awaitLog("blocked", Duration.ofSeconds(60));
            freezer.thaw();

            a.await(Duration.ofMinutes(2)).assertSuccess();
            BuildResult secondResult = b.await(Duration.ofMinutes(2));
            secondResult.assertSuccess();
            assertThat(secondResult.log()).doesNotContain("[ERROR]").contains("3 restored");
        }
        assertThat(fakes.useapi.createRequests())
                .as("one create per distinct asset over both builds")
                .isEqualTo(3);
        assertPng(second.outputDir().resolve("img/hero.png"));
        assertMp4(second.outputDir().resolve("video/intro.mp4"));
    }
}
