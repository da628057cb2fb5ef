package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two builds at once on one cache: every key is submitted once, the other build waits and restores it. */
class ConcurrentBuildsIT extends ItSupport {

    @Test
    void twoBuildsSharingACacheSubmitEachAssetOnce() {
        MavenBuild first = prepare("generate");
        MavenBuild second = MavenBuild.prepare("generate", "concurrent-second");
        fakes.withTokens(second);
        Path sharedCache = first.cacheDir();
        // slow enough that the second build starts while the first one's jobs are still running
        fakes.useapi.pollsBeforeDone(15);

        List<String> args = new ArrayList<>(List.of(fakes.args(GENERATE)));
        args.add("-Dassetgen.cacheDirectory=" + sharedCache);
        MavenBuild.RunningBuild a = first.start(args.toArray(String[]::new));
        MavenBuild.RunningBuild b = second.start(args.toArray(String[]::new));

        a.await(Duration.ofMinutes(3)).assertSuccess();
        b.await(Duration.ofMinutes(3)).assertSuccess();

        assertThat(fakes.useapi.createRequests()).as("one create per distinct asset over both builds").isEqualTo(3);
        for (MavenBuild build : List.of(first, second)) {
            assertPng(build.outputDir().resolve("img/hero.png"));
            assertPng(build.outputDir().resolve("logo.png"));
            assertMp4(build.outputDir().resolve("video/intro.mp4"));
        }
    }
}
