package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A build killed with {@code kill -9}: nothing partial is left, and the next build resumes instead of paying again. */
class KillIT extends ItSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern BLOCKED_LINE =
            Pattern.compile("\\[ERROR\\] \\[([a-z0-9._-]+)\\] .*may already be paid for");
    private static final byte[] PNG_END = {'I', 'E', 'N', 'D'};
    /** The rename that puts a new {@code assets.lock.json} in place: its temporary file is complete by then. */
    private static final Freezer.Point LOCK_FILE_RENAME = new Freezer.Point(
            "io.github.assetgen.core.files.AtomicFiles",
            "moveIntoPlaceIfAtomic",
            "io.github.assetgen.core.store.LockFile",
            "write");

    /** The journal closes an entry once its result is stored in the cache. */
    private static final Freezer.Point JOURNAL_CLOSE_AFTER_STORE = new Freezer.Point(
            "io.github.assetgen.core.store.Journal", "close", "io.github.assetgen.core.run.AssetRunner", "produce");

    /** The journal entries open in a build's cache. */
    private static List<String> journalEntries(MavenBuild build) {
        return filesUnder(build.cacheDir().resolve("journal")).stream()
                .filter(n -> n.endsWith(".json"))
                .toList();
    }

    /** The names of assetgen's temporary files directly in a directory. */
    private static List<String> tempFilesIn(Path dir) throws java.io.IOException {
        try (var children = java.nio.file.Files.list(dir)) {
            return children.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".tmp-"))
                    .toList();
        }
    }

    /** Every image or video under a directory is complete (no truncated file under its final name). */
    private static void assertNoPartialMedia(Path dir) {
        for (String name : filesUnder(dir)) {
            byte[] content = bytes(dir.resolve(name));
            if (name.endsWith(".png")) {
                assertThat(TestMedia.isPng(content)
                                && content.length >= 12
                                && Arrays.equals(
                                        Arrays.copyOfRange(content, content.length - 8, content.length - 4), PNG_END))
                        .as("complete PNG " + dir.resolve(name))
                        .isTrue();
            } else if (name.endsWith(".mp4")) {
                assertThat(content).as("complete MP4 " + dir.resolve(name)).isEqualTo(TestMedia.mp4());
            }
        }
    }

    /** Starts a build whose jobs never finish; returns once both job slots were answered and polled a few times. */
    private MavenBuild.RunningBuild startWithTwoJobsPolling(MavenBuild build) {
        fakes.useapi.pollsBeforeDone(1_000_000);
        MavenBuild.RunningBuild running = build.start(fakes.args(GENERATE));
        // their ids are in the journal by then
        running.awaitUntil(
                "two answered creates and a few polls",
                () -> fakes.useapi.acceptedCreates() >= 2 && fakes.useapi.polls() >= 4,
                WAIT);
        return running;
    }

    private void assertResumedAndComplete(MavenBuild build) {
        assertThat(fakes.useapi.acceptedCreates())
                .as("each asset submitted once over both builds")
                .isEqualTo(3);
        assertThat(fakes.useapi.createRequests()).isEqualTo(3);
        assertPng(build.outputDir().resolve("img/hero.png"));
        assertPng(build.outputDir().resolve("logo.png"));
        assertMp4(build.outputDir().resolve("video/intro.mp4"));
    }

    @Test
    void aBuildKilledWhilePollingIsResumedWithoutSubmittingAgain() throws Exception {
        MavenBuild build = prepare("generate");
        MavenBuild.RunningBuild running = startWithTwoJobsPolling(build);
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
        MavenBuild.RunningBuild running = startWithTwoJobsPolling(build);

        BuildResult stopped = running.interrupt();

        assertThat(stopped.log())
                .contains("[assetgen] Build stopped with 2 asset(s) in flight:")
                .contains("user:")
                .contains("the next build resumes them without paying again");
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
    void aBuildKilledWhileWritingTheLockFileKeepsTheOldLockAndTheNextBuildSendsNothing() throws Exception {
        MavenBuild build = prepare("generate");
        build.run(fakes.args(GENERATE)).assertSuccess();
        String lockBefore = read(build.lockFile());
        replace(build.file("src/main/assets/site.yaml"), "A lighthouse at dusk", "A lighthouse at dawn");

        MavenBuild.RunningBuild running = build.startWithJvmOption(Freezer.JVM_OPTION, fakes.args(GENERATE));
        try (Freezer freezer = Freezer.attach(running, WAIT)) {
            freezer.runUntil(LOCK_FILE_RENAME, WAIT);
            assertThat(tempFilesIn(build.dir().resolve("target/assetgen")))
                    .as("frozen mid-write: the new lock is still a temporary file under target/")
                    .hasSize(1);
            running.kill();
        }

        assertThat(read(build.lockFile()))
                .as("the committed lock is the old one, whole")
                .isEqualTo(lockBefore);
        assertThat(tempFilesIn(build.dir()))
                .as("nothing a user could commit by mistake")
                .isEmpty();
        assertNoPartialMedia(build.outputDir());
        assertThat(fakes.useapi.createRequests())
                .as("three first, then the changed hero")
                .isEqualTo(4);
        int downloads = fakes.useapi.downloads();

        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.useapi.createRequests())
                .as("the killed build's work was kept")
                .isEqualTo(4);
        assertThat(fakes.useapi.downloads()).isEqualTo(downloads);
        assertThat(lockEntry(build.lockFile(), "hero").toString())
                .contains(sha256(build.outputDir().resolve("img/hero.png")));
        assertThat(read(build.lockFile())).isNotEqualTo(lockBefore);
        assertThat(tempFilesIn(build.dir())).isEmpty();
    }

    @Test
    void aBuildKilledAfterCachingAResultButBeforeClosingItsJobRestoresItAndForgetsTheJob() throws Exception {
        MavenBuild build = prepare("generate");
        MavenBuild.RunningBuild running = build.startWithJvmOption(Freezer.JVM_OPTION, fakes.args(GENERATE));
        try (Freezer freezer = Freezer.attach(running, WAIT)) {
            freezer.runUntil(JOURNAL_CLOSE_AFTER_STORE, WAIT);
            assertThat(journalEntries(build))
                    .as("frozen with the job still open")
                    .isNotEmpty();
            running.kill();
        }

        build.run(fakes.args(GENERATE)).assertSuccess();

        assertResumedAndComplete(build);
        assertThat(journalEntries(build))
                .as("no job left open, so a later force does not resume it")
                .isEmpty();
        int polls = fakes.useapi.polls();
        int downloads = fakes.useapi.downloads();

        // forced on purpose, the asset is made anew rather than collected from the old job
        build.run(fakes.args(GENERATE, "-Dassetgen.force=true", "-Dassetgen.only=logo"))
                .assertSuccess();
        assertThat(fakes.useapi.acceptedCreates()).isEqualTo(4);
        assertThat(fakes.useapi.polls()).isGreaterThan(polls);
        assertThat(fakes.useapi.downloads()).isEqualTo(downloads + 1);
    }

    @Test
    void aBuildKilledWhileACreateHangsCollectsThatJobInTheNextBuildWithoutSendingItAgain() {
        MavenBuild build = prepare("generate");
        // useapi made the jobs, but the answers never came: the build only knows the replyRef it journaled
        fakes.useapi.hangAfterCreating(true);
        MavenBuild.RunningBuild running = build.start(fakes.args(GENERATE));
        running.awaitUntil("the first create", () -> fakes.useapi.createRequests() >= 1, WAIT);
        // killed once every create the build journaled has reached the fake: one journaled but never
        // sent is another case (looked up for the grace period, then sent), which this test is not about
        long[] settledSince = {0};
        running.awaitUntil(
                "every journaled create at the fake for 300 ms",
                () -> {
                    if (fakes.useapi.createRequests() != journalEntries(build).size()) {
                        settledSince[0] = 0;
                        return false;
                    }
                    if (settledSince[0] == 0) {
                        settledSince[0] = System.nanoTime();
                    }
                    return System.nanoTime() - settledSince[0]
                            > Duration.ofMillis(300).toNanos();
                },
                WAIT);

        running.kill();
        int unanswered = createsReceived(journalEntries(build).size());

        assertThat(filesUnder(build.outputDir())).isEmpty();
        assertNoPartialMedia(build.cacheDir());
        assertThat(journalEntries(build)).hasSize(unanswered);
        fakes.useapi.hangAfterCreating(false);

        // the next build looks each lost create up by its replyRef and collects the job instead of blocking
        BuildResult second = build.run(fakes.args(GENERATE));
        second.assertSuccess();
        assertThat(second.lines()).noneMatch(line -> BLOCKED_LINE.matcher(line).find());
        assertThat(fakes.useapi.createRequests())
                .as("the lost creates were not sent again; only the assets never sent were sent")
                .isEqualTo(3);
        assertThat(fakes.useapi.acceptedCreates()).isEqualTo(3);
        assertThat(filesUnder(build.outputDir()))
                .containsExactlyInAnyOrder("img/hero.png", "logo.png", "video/intro.mp4");
        assertThat(journalEntries(build)).isEmpty();
    }

    /**
     * The creates the fake received, once the ones the killed build journaled have all arrived: a
     * create journaled and sent just before the kill may still be on its way into the fake.
     */
    private static int createsReceived(int journaled) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fakes.useapi.createRequests() < journaled && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fakes.useapi.createRequests();
    }
}
