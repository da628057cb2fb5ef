package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.request.AssetRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store finds wrong on disk reaches the user through the build's log. */
class CacheWarningsTest {

    @TempDir
    Path project;

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
        AssetBuild firstBuild = new AssetBuild(BuildFixtures.placeholderConfig(project), first);
        List<AssetRequest> requests = firstBuild.validate();
        String key = firstBuild.plan(requests).assets().get(0).key();
        firstBuild.generate(requests, false);
        assertThat(output).isRegularFile();
        // the one expected warning: the outputs are placeholder renders
        assertThat(first.warnings).allMatch(w -> w.contains("are placeholder renders, not real assets"));
        // The output is gone, so the next build goes to the cache and finds the entry damaged.
        Files.delete(output);
        Files.writeString(
                project.resolve("cache")
                        .resolve(key.substring(0, 2))
                        .resolve(key)
                        .resolve("entry.json"),
                "{\"formatVersion\": 1, \"key\": ",
                StandardCharsets.UTF_8);

        CollectingLog second = new CollectingLog();
        AssetBuild secondBuild = new AssetBuild(BuildFixtures.placeholderConfig(project), second);
        secondBuild.generate(secondBuild.validate(), true);

        assertThat(second.warnings)
                .filteredOn(w -> !w.contains("are placeholder renders, not real assets"))
                .singleElement()
                .asString()
                .startsWith("Cache entry " + key + " is damaged (entry.json does not parse")
                .endsWith("will be treated as missing.");
        assertThat(second.errors).isEmpty();
        assertThat(output).as("made again instead of restored").isRegularFile();
    }
}
