package io.github.assetgen.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.request.AssetRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store finds wrong on disk reaches the user through the build's log. */
class CacheWarningsTest {

    @TempDir
    Path project;

    private BuildConfig config() {
        ProviderSettings placeholder = ProviderDefaults.settings(ProviderDefaults.PLACEHOLDER, null, null,
                Duration.ZERO, Duration.ofSeconds(1), null);
        return new BuildConfig(project, project.resolve("src/main/assets"), project.resolve("target/out"),
                project.resolve("cache"), project.resolve("assets.lock.json"), project.resolve("target/assetgen"),
                List.of(), false, null, null, false, false, Duration.ofMinutes(1),
                Map.of(ProviderDefaults.PLACEHOLDER, placeholder));
    }

    @Test
    void aCorruptCacheEntryIsOneWarningOnTheBuildLogNamingItsKeyAndTheAssetIsMadeAgain() throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                assets:
                  - id: hero
                    provider: placeholder
                    model: nano-banana-2
                    prompt: a lighthouse
                """, StandardCharsets.UTF_8);
        Path output = project.resolve("target/out/hero.png");
        CollectingLog first = new CollectingLog();
        AssetBuild firstBuild = new AssetBuild(config(), first);
        List<AssetRequest> requests = firstBuild.validate();
        String key = firstBuild.plan(requests).assets().get(0).key();
        firstBuild.generate(requests, false);
        assertThat(output).isRegularFile();
        assertThat(first.warnings).isEmpty();
        // The output is gone, so the next build goes to the cache and finds the entry damaged.
        Files.delete(output);
        Files.writeString(project.resolve("cache").resolve(key.substring(0, 2)).resolve(key).resolve("entry.json"),
                "{\"formatVersion\": 1, \"key\": ", StandardCharsets.UTF_8);

        CollectingLog second = new CollectingLog();
        AssetBuild secondBuild = new AssetBuild(config(), second);
        secondBuild.generate(secondBuild.validate(), true);

        assertThat(second.warnings).singleElement().asString()
                .startsWith("Cache entry " + key + " is damaged (entry.json does not parse")
                .endsWith("will be treated as missing.");
        assertThat(second.errors).isEmpty();
        assertThat(output).as("made again instead of restored").isRegularFile();
    }

    /** Keeps warnings and errors; the build calls it from several threads. */
    private static final class CollectingLog implements BuildLog {

        final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void error(String message) {
            errors.add(message);
        }

        @Override
        public void debug(String message) {}
    }
}
