package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.request.AssetRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan is a table: one line per asset, the model column lined up whatever the action. */
class PlanPrintTest {

    @TempDir
    Path project;

    @Test
    void everyActionLabelIsFollowedByTwoSpacesSoTheModelNeverRunsIntoIt() throws Exception {
        BuildConfig config = BuildFixtures.placeholderConfig(project);
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                defaults: {provider: placeholder, model: nano-banana-2}
                assets:
                  - {id: hero, prompt: a lighthouse}
                  - {id: logo, prompt: a paper boat}
                """, StandardCharsets.UTF_8);
        AssetBuild first = new AssetBuild(config, BuildLog.silent());
        first.generate(first.validate(), false);
        Files.delete(project.resolve("target/out/hero.png"));
        CollectingLog log = new CollectingLog();
        AssetBuild second = new AssetBuild(config, log);
        List<AssetRequest> requests = second.validate();

        second.printPlan(second.plan(requests));

        assertThat(log.infos)
                .contains(
                        "  hero  restore  nano-banana-2 @ placeholder  (from the local cache)",
                        "  logo  kept     nano-banana-2 @ placeholder");
    }
}
