package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each plan line says why; a changed request is shown beside its previous version in the reports. */
class PlanReasonsTest {

    @TempDir
    Path project;

    private Path spec;

    @BeforeEach
    void specs() throws Exception {
        spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        writeSpec("a red lighthouse at dusk");
    }

    private void writeSpec(String heroPrompt) throws Exception {
        Files.writeString(spec, """
                defaults: {provider: placeholder, model: nano-banana-2}
                assets:
                  - {id: hero, prompt: "%s"}
                  - {id: logo, prompt: a paper boat}
                """.formatted(heroPrompt), StandardCharsets.UTF_8);
    }

    private CollectingLog generate(BuildConfig config) throws Exception {
        CollectingLog log = new CollectingLog();
        AssetBuild build = new AssetBuild(config, log);
        build.generate(build.validate(), true);
        return log;
    }

    @Test
    void aNewAssetIsSaidToBeNew() throws Exception {
        CollectingLog log = generate(BuildFixtures.placeholderConfig(project));

        assertThat(log.infos)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("  hero  generate  nano-banana-2 @ placeholder")
                        .endsWith("(new asset)"));
    }

    @Test
    void aChangedPromptIsNamedInThePlanAndTheReportsShowThePreviousVersionBesideTheNew() throws Exception {
        BuildConfig config = BuildFixtures.placeholderConfig(project);
        generate(config);
        byte[] before = Files.readAllBytes(project.resolve("target/out/hero.png"));
        writeSpec("a blue lighthouse at dusk");

        CollectingLog log = generate(config);

        assertThat(log.infos)
                .anySatisfy(line ->
                        assertThat(line).startsWith("  hero  generate").endsWith("(changed since the lock: prompt)"))
                .anySatisfy(line -> assertThat(line).startsWith("  logo  kept "));
        JsonNode hero = asset(project.resolve("target/assetgen/report.json"), "hero");
        assertThat(hero.path("status").asText()).isEqualTo("generated");
        assertThat(hero.path("change").path("fields").toString()).isEqualTo("[\"prompt\"]");
        assertThat(hero.path("change").path("previousPrompt").asText()).isEqualTo("a red lighthouse at dusk");
        assertThat(hero.path("change").path("previousFiles").toString()).isEqualTo("[\"previous/hero/1.png\"]");
        assertThat(project.resolve("target/assetgen/previous/hero/1.png"))
                .as("the previous picture, copied beside the report")
                .hasBinaryContent(before);
        assertThat(asset(project.resolve("target/assetgen/report.json"), "logo").has("change"))
                .isFalse();
        String html = Files.readString(project.resolve("target/assetgen/report.html"));
        assertThat(html)
                .contains("changed since the lock: <code>prompt</code>")
                .contains("src=\"previous/hero/1.png\"")
                .contains("a <del>red</del> <ins>blue</ins> lighthouse at dusk");
    }

    @Test
    void anEntryWrittenBeforeRequestsWereRecordedSaysTheRequestChangedWithoutFields() throws Exception {
        BuildConfig config = BuildFixtures.placeholderConfig(project);
        generate(config);
        try (var entries = Files.walk(project.resolve("cache"))) {
            for (Path entry : entries.filter(p -> p.endsWith("entry.json")).toList()) {
                // as 0.1.0 wrote it: no request
                ObjectNode json = (ObjectNode) new ObjectMapper().readTree(entry.toFile());
                json.remove("request");
                new ObjectMapper().writeValue(entry.toFile(), json);
            }
        }
        writeSpec("a blue lighthouse at dusk");

        CollectingLog log = generate(config);

        assertThat(log.infos)
                .anySatisfy(line ->
                        assertThat(line).startsWith("  hero  generate").endsWith("(request changed since the lock)"));
        assertThat(asset(project.resolve("target/assetgen/report.json"), "hero")
                        .path("change")
                        .path("fields")
                        .size())
                .isZero();
    }

    @Test
    void aForcedBuildSaysForced() throws Exception {
        BuildConfig config = BuildFixtures.placeholderConfig(project);
        generate(config);

        CollectingLog log = generate(forced(config));

        assertThat(log.infos)
                .anySatisfy(
                        line -> assertThat(line).startsWith("  hero  generate").endsWith("(forced)"));
    }

    @Test
    void aRestoreFromTheLocalCacheSaysSoInThePlanAndPrintsALine() throws Exception {
        BuildConfig config = BuildFixtures.placeholderConfig(project);
        generate(config);
        Files.delete(project.resolve("target/out/hero.png"));

        CollectingLog log = generate(config);

        assertThat(log.infos)
                .contains("  hero  restore  nano-banana-2 @ placeholder  (from the local cache)")
                .contains("[hero] restored from the local cache: hero.png");
    }

    private static BuildConfig forced(BuildConfig c) {
        return new BuildConfig(
                c.projectBaseDir(),
                c.specDirectory(),
                c.outputDirectory(),
                c.cacheDirectory(),
                c.lockFile(),
                c.reportDirectory(),
                c.only(),
                true,
                c.maxCredits(),
                c.maxUsd(),
                c.placeholders(),
                c.offline(),
                c.assetTimeout(),
                c.providers());
    }

    private static JsonNode asset(Path report, String id) throws Exception {
        for (JsonNode asset : new ObjectMapper().readTree(report.toFile()).path("assets")) {
            if (asset.path("id").asText().equals(id)) {
                return asset;
            }
        }
        throw new AssertionError("no asset " + id + " in " + report);
    }
}
