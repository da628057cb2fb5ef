package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A build killed with {@code kill -9}: nothing partial is left, and the next build resumes instead of paying again. */
class KillIT extends ItSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern BLOCKED_LINE = Pattern.compile("\\[ERROR\\] \\[([a-z0-9._-]+)\\] .*may already be paid for");
    private static final byte[] PNG_END = {'I', 'E', 'N', 'D'};

    /** Every image or video under a directory is complete (no truncated file under its final name). */
    private static void assertNoPartialMedia(Path dir) {
        for (String name : filesUnder(dir)) {
            byte[] content = bytes(dir.resolve(name));
            if (name.endsWith(".png")) {
                assertThat(TestMedia.isPng(content) && content.length >= 12
                        && Arrays.equals(Arrays.copyOfRange(content, content.length - 8, content.length - 4), PNG_END))
                        .as("complete PNG " + dir.resolve(name)).isTrue();
            } else if (name.endsWith(".mp4")) {
                assertThat(content).as("complete MP4 " + dir.resolve(name)).isEqualTo(TestMedia.mp4());
            }
        }
    }

    private void assertResumedAndComplete(MavenBuild build) {
        assertThat(fakes.useapi.acceptedCreates()).as("each asset submitted once over both builds").isEqualTo(3);
        assertThat(fakes.useapi.createRequests()).isEqualTo(3);
        assertPng(build.outputDir().resolve("img/hero.png"));
        assertPng(build.outputDir().resolve("logo.png"));
        assertMp4(build.outputDir().resolve("video/intro.mp4"));
    }

    @Test
    void aBuildKilledWhilePollingIsResumedWithoutSubmittingAgain() throws Exception {
        MavenBuild build = prepare("generate");
        fakes.useapi.pollsBeforeDone(1_000_000);
        MavenBuild.RunningBuild running = build.start(fakes.args(GENERATE));
        // both job slots answered and polled a few times: their ids are in the journal
        running.awaitUntil("two answered creates and a few polls",
                () -> fakes.useapi.acceptedCreates() >= 2 && fakes.useapi.polls() >= 4, WAIT);
        Thread.sleep(300);

        running.kill();

        assertThat(filesUnder(build.outputDir())).isEmpty();
        fakes.useapi.pollsBeforeDone(1);
        build.run(fakes.args(GENERATE)).assertSuccess();
        assertResumedAndComplete(build);
    }

    @Test
    void ctrlCPrintsTheJobsInFlightAndTheNextBuildResumesThem() throws Exception {
        MavenBuild build = prepare("generate");
        fakes.useapi.pollsBeforeDone(1_000_000);
        MavenBuild.RunningBuild running = build.start(fakes.args(GENERATE));
        running.awaitUntil("two answered creates and a few polls",
                () -> fakes.useapi.acceptedCreates() >= 2 && fakes.useapi.polls() >= 4, WAIT);

        BuildResult stopped = running.interrupt();

        assertThat(stopped.log()).contains("[assetgen] Build stopped with 2 asset(s) in flight:")
                .contains("user:").contains("the next build resumes them without paying again");
        assertThat(filesUnder(build.outputDir())).isEmpty();
        fakes.useapi.pollsBeforeDone(1);
        build.run(fakes.args(GENERATE)).assertSuccess();
        assertResumedAndComplete(build);
    }

    @Test
    void aBuildKilledDuringADownloadLeavesNoPartialFile() throws Exception {
        MavenBuild build = prepare("generate");
        fakes.useapi.downloadBytesPerSecond(200);
        MavenBuild.RunningBuild running = build.start(fakes.args(GENERATE));
        running.awaitUntil("the first download", () -> fakes.useapi.downloads() >= 1, WAIT);
        Thread.sleep(300);

        running.kill();

        assertNoPartialMedia(build.outputDir());
        assertNoPartialMedia(build.cacheDir());
        fakes.useapi.downloadBytesPerSecond(0);
        build.run(fakes.args(GENERATE)).assertSuccess();
        assertResumedAndComplete(build);
    }

    @Test
    void aBuildKilledWhileACreateHangsNeverSendsThatCreateAgainUnlessForced() {
        MavenBuild build = prepare("generate");
        fakes.useapi.hangOnCreate(true);
        MavenBuild.RunningBuild running = build.start(fakes.args(GENERATE));
        running.awaitUntil("the first create", () -> fakes.useapi.createRequests() >= 1, WAIT);

        running.kill();
        int unanswered = fakes.useapi.createRequests();

        assertThat(filesUnder(build.outputDir())).isEmpty();
        assertNoPartialMedia(build.cacheDir());
        fakes.useapi.hangOnCreate(false);

        // the answers were lost: those assets may be paid for, so the next build refuses to send them again
        BuildResult second = build.run(fakes.args(GENERATE));
        second.assertFailure();
        List<String> blocked = second.lines().stream()
                .map(BLOCKED_LINE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .distinct()
                .toList();
        assertThat(blocked).hasSize(unanswered);
        assertThat(second.log()).contains("-Dassetgen.force=true -Dassetgen.only=" + blocked.get(0));
        assertThat(fakes.useapi.createRequests()).as("only the assets never sent were sent")
                .isEqualTo(unanswered + (3 - unanswered));

        // asked on purpose, they are sent once more and the build completes
        build.run(fakes.args(GENERATE, "-Dassetgen.force=true", "-Dassetgen.only=" + String.join(",", blocked)))
                .assertSuccess();
        assertThat(fakes.useapi.createRequests()).isEqualTo(3 + unanswered);
        assertPng(build.outputDir().resolve("logo.png"));
    }
}
