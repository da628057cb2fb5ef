package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.run.AssetStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with nothing to do: outputs proven unchanged by their stamps, the lock left alone; and
 * never a changed output or a hand-edited lock taken for unchanged.
 */
class NoOpBuildTest {

    @TempDir
    Path project;

    private Path output;

    @BeforeEach
    void oneAssetGeneratedAnHourAgo() throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                """, StandardCharsets.UTF_8);
        assertThat(build().results().get(0).status()).isEqualTo(AssetStatus.GENERATED);
        output = project.resolve("target/out/hero.png");
        // well before the next stamp, so it is not "racy"
        Files.setLastModifiedTime(output, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    private BuildSummary build() throws Exception {
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        return build.generate(build.validate(), false);
    }

    private Action plannedAction() throws Exception {
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        return build.plan(build.validate()).assets().get(0).action();
    }

    @Test
    void anUnchangedOutputIsUpToDateAndStampedForTheNextBuild() throws Exception {
        assertThat(plannedAction()).isEqualTo(Action.KEEP);

        assertThat(project.resolve("target/assetgen/" + AssetBuild.STAMPS_FILE))
                .content()
                .contains(output.toString());
        assertThat(plannedAction()).isEqualTo(Action.KEEP);
    }

    @Test
    void anOutputOverwrittenWithItsSizeAndTimeKeptIsNotUpToDate() throws Exception {
        assertThat(plannedAction()).as("stamped").isEqualTo(Action.KEEP);
        FileTime time = Files.getLastModifiedTime(output);
        byte[] bytes = Files.readAllBytes(output);
        bytes[bytes.length - 1] ^= 1;
        Files.write(output, bytes);
        Files.setLastModifiedTime(output, time);

        assertThat(plannedAction()).isEqualTo(Action.RESTORE);
    }

    @Test
    void anUnchangedLockIsNeitherRenderedNorWrittenAgain() throws Exception {
        Path lock = project.resolve("assets.lock.json");
        build();
        FileTime written = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(lock, written);

        assertThat(build().results().get(0).status()).isEqualTo(AssetStatus.KEPT);

        assertThat(Files.getLastModifiedTime(lock)).isEqualTo(written);
    }

    @Test
    void aHandFormattedLockIsStillRewrittenInItsOwnFormat() throws Exception {
        Path lock = project.resolve("assets.lock.json");
        build();
        String canonical = Files.readString(lock, StandardCharsets.UTF_8);
        // same content, other bytes: what a merge tool or an editor may leave
        Files.writeString(lock, canonical.replace("\n", "\r\n"), StandardCharsets.UTF_8);

        assertThat(build().results().get(0).status()).isEqualTo(AssetStatus.KEPT);

        assertThat(Files.readString(lock, StandardCharsets.UTF_8)).isEqualTo(canonical);
    }
}
