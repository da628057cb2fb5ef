package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.run.AssetStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code output} is not part of the cache key: renaming it moves the file, it never generates again. */
class OutputRenameTest {

    @TempDir
    Path project;

    private void spec(String output) throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse, output: %s}
                """.formatted(output), StandardCharsets.UTF_8);
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
    void aRenamedOutputIsRestoredFromTheCacheUnderItsNewName() throws Exception {
        spec("img/a.png");
        build();

        spec("img/b.png");

        assertThat(plannedAction()).isEqualTo(Action.RESTORE);
        assertThat(build().results().get(0).status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(project.resolve("target/out/img/b.png")).isRegularFile();
        assertThat(plannedAction()).isEqualTo(Action.KEEP);
    }

    @Test
    void anOutputWhoseExtensionChangesIsRestoredInTheNewFormat() throws Exception {
        spec("hero.png");
        build();

        spec("hero.jpg");

        assertThat(plannedAction()).isEqualTo(Action.RESTORE);
        build();
        byte[] jpeg = Files.readAllBytes(project.resolve("target/out/hero.jpg"));
        assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        assertThat(plannedAction()).isEqualTo(Action.KEEP);
    }
}
