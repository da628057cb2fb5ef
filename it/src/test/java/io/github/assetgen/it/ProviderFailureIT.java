package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How provider refusals and failed jobs end a build (generate project: hero, logo, intro through useapi). */
class ProviderFailureIT extends ItSupport {

    private static final String SPEC = "src/main/assets/site.yaml";
    private static final String LOGO_PROMPT = "A flat vector logo of a paper boat";
    /** One job in flight at a time makes "no further submissions" countable. */
    private static final String ONE_JOB_AT_A_TIME = "-Dassetgen.useapi.maxJobs=1";

    private List<String> landed(MavenBuild build) {
        return filesUnder(build.outputDir());
    }

    @Test
    void aModeratedAssetFailsTheBuildWhileTheOthersLand() {
        MavenBuild build = prepare("generate");
        replace(build.file(SPEC), LOGO_PROMPT, LOGO_PROMPT + " " + FakeProvider.MODERATE_MARKER);

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertFailure();
        assertThat(result.log()).contains("logo");
        assertThat(result.stackTraceLines()).isEmpty();
        assertThat(fakes.useapi.createRequests())
                .as("a moderated job is not submitted again")
                .isEqualTo(3);
        assertPng(build.outputDir().resolve("img/hero.png"));
        assertMp4(build.outputDir().resolve("video/intro.mp4"));
        assertThat(build.outputDir().resolve("logo.png")).doesNotExist();
    }

    @Test
    void theNextPlanSaysAModeratedAssetFailedLastTimeWithTheProvidersWords() {
        MavenBuild build = prepare("generate");
        replace(build.file(SPEC), LOGO_PROMPT, LOGO_PROMPT + " " + FakeProvider.MODERATE_MARKER);
        build.run(fakes.args(GENERATE)).assertFailure();

        BuildResult plan = build.run(fakes.args("plan-assets"));

        plan.assertSuccess();
        assertThat(plan.lines())
                .anySatisfy(line -> assertThat(line)
                        .matches(".*  logo +generate  .*\\(new asset; failed last time: .*moderated.*\\)"));
    }

    @Test
    void aRejectedPromptFailsThatAssetOnlyAndIsNotRetried() {
        MavenBuild build = prepare("generate");
        replace(build.file(SPEC), LOGO_PROMPT, LOGO_PROMPT + " " + FakeProvider.REJECT_MARKER);

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertFailure();
        assertThat(result.log()).contains("logo");
        assertThat(fakes.useapi.createRequests()).isEqualTo(3);
        assertThat(fakes.useapi.acceptedCreates()).isEqualTo(2);
        assertThat(landed(build)).containsExactlyInAnyOrder("img/hero.png", "video/intro.mp4");
    }

    @Test
    void noCreditsStopsFurtherSubmissions() {
        MavenBuild build = prepare("generate");
        fakes.useapi.noCreditsAfter(1);

        BuildResult result = build.run(fakes.args(GENERATE, ONE_JOB_AT_A_TIME));

        result.assertFailure();
        assertThat(result.log().toLowerCase()).contains("credit");
        assertThat(result.stackTraceLines()).isEmpty();
        assertThat(fakes.useapi.createRequests())
                .as("one accepted, one 412, then nothing")
                .isEqualTo(2);
        assertThat(landed(build)).hasSize(1);
    }

    @Test
    void anAccountOnHoldStopsFurtherSubmissions() {
        MavenBuild build = prepare("generate");
        fakes.useapi.accountOnHold(true);

        BuildResult result = build.run(fakes.args(GENERATE, ONE_JOB_AT_A_TIME));

        result.assertFailure();
        assertThat(fakes.useapi.createRequests()).isEqualTo(1);
        assertThat(result.stackTraceLines()).isEmpty();
        assertThat(build.outputDir())
                .satisfiesAnyOf(
                        dir -> assertThat(dir).doesNotExist(),
                        dir -> assertThat(filesUnder(dir)).isEmpty());
    }

    @Test
    void rateLimitedCreatesAreWaitedOutAndRetried() {
        MavenBuild build = prepare("generate");
        fakes.useapi.rateLimitFirstCreates(2);

        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.useapi.createRequests()).isEqualTo(5);
        assertThat(fakes.useapi.acceptedCreates()).isEqualTo(3);
        assertThat(landed(build)).containsExactlyInAnyOrder("img/hero.png", "logo.png", "video/intro.mp4");
    }

    @Test
    void aBusyAccountIsWaitedOutWithoutDoubleSubmits() {
        MavenBuild build = prepare("generate");
        fakes.useapi.maxConcurrentJobs(1).pollsBeforeDone(3);

        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.useapi.acceptedCreates()).isEqualTo(3);
        assertThat(landed(build)).containsExactlyInAnyOrder("img/hero.png", "logo.png", "video/intro.mp4");
        assertThat(Files.exists(build.lockFile())).isTrue();
    }
}
