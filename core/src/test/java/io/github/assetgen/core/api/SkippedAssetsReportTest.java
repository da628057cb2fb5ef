package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.wording.MavenStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #13: an asset a build skips is shown with the files it has on disk, not as "no file". */
class SkippedAssetsReportTest {

    @TempDir
    Path project;

    private AssetBuild build(List<String> only) {
        BuildConfig base = BuildFixtures.placeholderConfig(project);
        return new AssetBuild(
                new BuildConfig(
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
                        base.providers(),
                        MavenStyle.WORDING,
                        null,
                        false),
                new CollectingLog());
    }

    @Test
    void aSkippedAssetWhoseFilesAreOnDiskIsReportedWithThemInANeutralNote() throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                  - {id: banner, provider: placeholder, model: nano-banana-2, prompt: a harbour}
                """, StandardCharsets.UTF_8);
        AssetBuild all = build(List.of());
        all.generate(all.validate(), false);

        AssetBuild onlyHero = build(List.of("hero"));
        onlyHero.generate(onlyHero.validate(), false);

        Path reportDir = project.resolve("target/assetgen");
        JsonNode banner = new ObjectMapper()
                .readTree(reportDir.resolve("report.json").toFile())
                .path("assets")
                .get(0);
        assertThat(banner.path("id").asText()).isEqualTo("banner");
        assertThat(banner.path("status").asText()).isEqualTo("skipped");
        assertThat(banner.path("files").get(0).path("path").asText()).isEqualTo("banner.png");
        String html = Files.readString(reportDir.resolve("report.html"));
        String card = html.substring(html.indexOf("<article id=\"asset-banner\""), html.indexOf("</article>"));
        assertThat(card).contains("<img loading=\"lazy\" src=\"media/").doesNotContain("class=\"message\"");
    }
}
