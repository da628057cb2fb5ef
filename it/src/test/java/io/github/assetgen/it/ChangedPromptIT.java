package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A prompt changed between two real builds: the plan names the changed field, and the reports show the
 * previous version beside the new one, copied beside the report so the gallery stands alone.
 */
class ChangedPromptIT extends ItSupport {

    private static final String SPEC = "src/main/assets/site.yaml";

    @Test
    void aChangedPromptIsNamedInThePlanAndTheReportsCarryThePreviousVersion() throws IOException {
        MavenBuild build = prepare("generate");
        build.run(fakes.args(GENERATE)).assertSuccess();
        String before = sha256(build.outputDir().resolve("img/hero.png"));
        replace(build.file(SPEC), "A lighthouse at dusk, long exposure", "A lighthouse at dawn, long exposure");

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertSuccess();
        assertThat(result.lines())
                .anySatisfy(line ->
                        assertThat(line).matches(".*  hero +generate  .*  \\(changed since the lock: prompt\\)"))
                .anySatisfy(line -> assertThat(line).matches(".*  logo +kept  .*"));
        Path reports = build.dir().resolve("target/assetgen");
        JsonNode hero = null;
        for (JsonNode asset : new ObjectMapper()
                .readTree(reports.resolve("report.json").toFile())
                .path("assets")) {
            if (asset.path("id").asText().equals("hero")) {
                hero = asset;
            }
        }
        assertThat(hero).isNotNull();
        assertThat(hero.path("status").asText()).isEqualTo("generated");
        JsonNode change = hero.path("change");
        assertThat(change.path("fields").toString()).isEqualTo("[\"prompt\"]");
        assertThat(change.path("previousPrompt").asText()).isEqualTo("A lighthouse at dusk, long exposure");
        assertThat(change.path("previousFiles").toString()).isEqualTo("[\"previous/hero/1.png\"]");
        assertThat(sha256(reports.resolve("previous/hero/1.png")))
                .as("the previous version, from the cache by the key the lock held")
                .isEqualTo(before);
        assertThat(read(reports.resolve("report.html")))
                .contains("changed since the lock: <code>prompt</code>")
                .contains("src=\"previous/hero/1.png\"")
                .contains("at <del>dusk,</del> <ins>dawn,</ins> long");
    }
}
