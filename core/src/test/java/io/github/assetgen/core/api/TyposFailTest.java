package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.wording.MavenStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #13: typos in {@code only} and in the spec directory no longer pass as a green build. */
class TyposFailTest {

    @TempDir
    Path project;

    private final CollectingLog log = new CollectingLog();

    private void twoAssets() throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                  - {id: banner, provider: placeholder, model: nano-banana-2, prompt: a harbour}
                """, StandardCharsets.UTF_8);
    }

    private AssetBuild build(List<String> only) {
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
                base.providers(),
                MavenStyle.WORDING,
                null,
                false);
        return new AssetBuild(config, log);
    }

    @Test
    void anOnlyEntryThatMatchesNoAssetFailsNamingItAndTheNearestId() throws Exception {
        twoAssets();
        AssetBuild build = build(List.of("hero,bannr"));
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.plan(requests))
                .isInstanceOf(UserErrorException.class)
                .isInstanceOfSatisfying(
                        UnknownAssetsException.class,
                        e -> assertThat(e.patterns()).containsExactly("bannr"))
                .hasMessageContaining("-Dassetgen.only=bannr matches no asset (did you mean 'banner'?)")
                .hasMessageContaining("Asset ids: banner, hero.")
                .hasMessageContaining("Nothing was sent.");
    }

    @Test
    void generateFailsOnTheTypoBeforeAnythingIsWritten() throws Exception {
        twoAssets();
        AssetBuild build = build(List.of("icon-*"));
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.generate(requests, true))
                .isInstanceOf(UnknownAssetsException.class)
                .hasMessageContaining("-Dassetgen.only=icon-* matches no asset.");
        assertThat(project.resolve("target/out")).doesNotExist();
    }

    @Test
    void anOnlyOfCommasAloneFailsInsteadOfSelectingEverything() throws Exception {
        // a script's "-Dassetgen.only=$ID," with ID empty, next to force, must not rebuy every asset
        twoAssets();
        AssetBuild build = build(List.of(",,"));
        List<AssetRequest> requests = build.validate();

        assertThatThrownBy(() -> build.plan(requests))
                .isInstanceOf(UnknownAssetsException.class)
                .hasMessageContaining("-Dassetgen.only=,, matches no asset.");
        assertThat(build(List.of(" ")).plan(requests).assets())
                .as("blank is left out")
                .hasSize(2);
    }

    @Test
    void idsAndGlobsThatMatchSomethingPlanAsBefore() throws Exception {
        twoAssets();
        AssetBuild build = build(List.of("ban*", "hero"));

        assertThat(build.plan(build.validate()).assets()).hasSize(2);
    }

    @Test
    void aSpecDirectoryThatDoesNotExistIsAWarningNamingIt() throws Exception {
        AssetBuild build = build(List.of());

        assertThat(build.validate()).isEmpty();

        assertThat(log.warnings)
                .singleElement()
                .asString()
                .contains("src/main/assets does not exist")
                .contains("-Dassetgen.specDirectory");
        assertThat(log.errors).isEmpty();
    }

    @Test
    void aSpecDirectoryWithoutSpecsIsAWarningNamingIt() throws Exception {
        Files.createDirectories(project.resolve("src/main/assets"));
        Files.writeString(project.resolve("src/main/assets/notes.txt"), "not a spec", StandardCharsets.UTF_8);
        AssetBuild build = build(List.of());

        assertThat(build.validate()).isEmpty();

        assertThat(log.warnings).singleElement().asString().contains("src/main/assets holds no asset spec");
    }

    @Test
    void aProjectWithSpecsGetsNoSuchWarning() throws Exception {
        twoAssets();

        assertThat(build(List.of()).validate()).hasSize(2);
        assertThat(log.warnings).isEmpty();
    }
}
