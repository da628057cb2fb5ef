package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.store.OutputManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholder renders never ship silently: alone or beside real assets, the build and the gallery say so. */
class PlaceholderMixTest {

    @TempDir
    Path project;

    private final CollectingLog log = new CollectingLog();

    private void spec() throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                defaults: {provider: placeholder, model: nano-banana-2}
                assets:
                  - {id: hero, prompt: a lighthouse}
                  - {id: banner, prompt: a banner}
                """, StandardCharsets.UTF_8);
    }

    private void build(List<String> only) throws Exception {
        BuildConfig base = BuildFixtures.placeholderConfig(project);
        BuildConfig config = new BuildConfig(
                base.projectBaseDir(),
                base.specDirectory(),
                base.outputDirectory(),
                base.cacheDirectory(),
                base.lockFile(),
                base.reportDirectory(),
                only,
                false,
                null,
                null,
                false,
                false,
                base.assetTimeout(),
                base.providers());
        AssetBuild build = new AssetBuild(config, log);
        build.generate(build.validate(), false);
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper()
                .readTree(project.resolve("target/assetgen/report.json").toFile());
    }

    /** What a real build of {@code id} records: its file is no placeholder render. */
    private void recordAsReal(String id) throws Exception {
        Path file = project.resolve("target/assetgen/outputs.json");
        OutputManifest manifest = OutputManifest.read(file);
        OutputManifest.of(manifest.files().stream()
                        .map(f -> f.asset().equals(id)
                                ? new OutputManifest.Placed(f.path(), f.asset(), f.sha256(), f.size(), false)
                                : f)
                        .toList())
                .write(file);
    }

    @Test
    void aBuildOfPlaceholdersWarnsThatItsOutputsAreNotRealAssets() throws Exception {
        spec();

        build(List.of());

        assertThat(log.warnings)
                .contains("the 2 assets in target/out are placeholder renders, not real assets: a package built from"
                        + " them ships placeholders; build without placeholders=true and without only, with the"
                        + " providers' tokens, to make them all real");
        assertThat(report().at("/summary/placeholders").asInt()).isEqualTo(2);
        assertThat(report().at("/assets/0/placeholder").asBoolean()).isTrue();
        assertThat(Files.readString(project.resolve("target/assetgen/report.html")))
                .contains(
                        "<p class=\"message placeholders\">2 of 2 assets in the output directory are placeholder renders");
    }

    @Test
    void placeholderRendersBesideRealAssetsAreAWarningNamingThemAndTheFix() throws Exception {
        spec();
        build(List.of());
        recordAsReal("banner");
        log.warnings.clear();

        build(List.of("hero"));

        assertThat(log.warnings)
                .contains("target/out mixes placeholder renders of 1 asset (hero) with real files of 1 asset;"
                        + " packaged together they ship placeholders as if they were real; build without"
                        + " placeholders=true and without only, with the providers' tokens, to make them all real");
        assertThat(report().at("/summary/placeholders").asInt()).isEqualTo(1);
    }
}
