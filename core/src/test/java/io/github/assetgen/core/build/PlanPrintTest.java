package io.github.assetgen.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.request.AssetRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan is a table: one line per asset, the model column lined up whatever the action. */
class PlanPrintTest {

    @TempDir
    Path project;

    @Test
    void everyActionLabelIsFollowedByTwoSpacesSoTheModelNeverRunsIntoIt() throws Exception {
        ProviderSettings placeholder = ProviderDefaults.settings(ProviderDefaults.PLACEHOLDER, null, null,
                Duration.ZERO, Duration.ofSeconds(1), null);
        BuildConfig config = new BuildConfig(project, project.resolve("src/main/assets"), project.resolve("target/out"),
                project.resolve("cache"), project.resolve("assets.lock.json"), project.resolve("target/assetgen"),
                List.of(), false, null, null, false, false, Duration.ofMinutes(1),
                Map.of(ProviderDefaults.PLACEHOLDER, placeholder));
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
        List<String> lines = new ArrayList<>();
        AssetBuild second = new AssetBuild(config, new BuildLog() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {}

            @Override
            public void error(String message) {}

            @Override
            public void debug(String message) {}
        });
        List<AssetRequest> requests = second.validate();

        second.printPlan(second.plan(requests));

        assertThat(lines).contains(
                "  hero  restore from cache  nano-banana-2 @ placeholder",
                "  logo  up to date          nano-banana-2 @ placeholder");
    }
}
