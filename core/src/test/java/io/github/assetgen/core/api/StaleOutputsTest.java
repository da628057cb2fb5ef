package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.store.OutputManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a build the output directory holds the files of the current specs and nothing else: files
 * the plugin wrote for renamed or deleted assets are removed, and nothing else is ever touched.
 */
class StaleOutputsTest {

    @TempDir
    Path project;

    private final CollectingLog log = new CollectingLog();

    private void spec(String... assets) throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        StringBuilder text = new StringBuilder("defaults: {provider: placeholder, model: nano-banana-2}\nassets:\n");
        for (String asset : assets) {
            text.append("  - ").append(asset).append('\n');
        }
        Files.writeString(spec, text, StandardCharsets.UTF_8);
    }

    private BuildSummary build(BuildConfig config) throws Exception {
        AssetBuild build = new AssetBuild(config, log);
        return build.generate(build.validate(), false);
    }

    private BuildSummary build() throws Exception {
        return build(BuildFixtures.placeholderConfig(project));
    }

    private BuildConfig only(String... ids) {
        return with(BuildFixtures.placeholderConfig(project), List.of(ids), false);
    }

    private static BuildConfig with(BuildConfig base, List<String> only, boolean offline) {
        return new BuildConfig(
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
                base.placeholders(),
                offline,
                base.assetTimeout(),
                base.providers());
    }

    private Path out(String path) {
        return project.resolve("target/out").resolve(path);
    }

    private List<String> outputs() throws Exception {
        try (Stream<Path> files = Files.walk(project.resolve("target/out"))) {
            return files.filter(Files::isRegularFile)
                    .map(f -> project.resolve("target/out")
                            .relativize(f)
                            .toString()
                            .replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void anOutputRenamedTwiceLeavesOnlyTheLatestFile() throws Exception {
        spec("{id: hero, prompt: a lighthouse, output: img/a.png}");
        build();
        spec("{id: hero, prompt: a lighthouse, output: img/b.png}");
        build();
        spec("{id: hero, prompt: a lighthouse, output: hero.jpg}");
        build();

        assertThat(outputs()).containsExactly("hero.jpg");
        assertThat(log.infos)
                .contains(
                        "removed target/out/img/a.png (asset 'hero' now writes img/b.png)",
                        "removed target/out/img/b.png (asset 'hero' now writes hero.jpg)");
        // the folder the removal emptied would be packaged too
        assertThat(out("img")).doesNotExist();
    }

    @Test
    void aDeletedAssetsFilesAreRemoved() throws Exception {
        spec("{id: hero, prompt: a lighthouse}", "{id: cards, prompt: four cards, quantity: 4}");
        build();
        assertThat(outputs()).hasSize(5);

        spec("{id: hero, prompt: a lighthouse}");
        build();

        assertThat(outputs()).containsExactly("hero.png");
        assertThat(log.infos).contains("removed target/out/cards-1.png (asset 'cards' no longer in the specs)");
        assertThat(log.infos).filteredOn(l -> l.startsWith("removed ")).hasSize(4);
    }

    /** What the plan prints before the build, as plan-assets does. */
    private List<String> planned(BuildConfig config) throws Exception {
        CollectingLog planLog = new CollectingLog();
        AssetBuild build = new AssetBuild(config, planLog);
        build.printPlan(build.plan(build.validate()));
        return planLog.infos.stream().filter(l -> l.startsWith("  remove ")).toList();
    }

    @Test
    void thePlanSaysWhichFilesTheBuildWillRemoveBeforeItRemovesThem() throws Exception {
        spec(
                "{id: hero, prompt: a lighthouse, output: img/a.png}",
                "{id: cards, prompt: four cards, quantity: 2}",
                "{id: logo, prompt: a logo}");
        build();
        spec("{id: hero, prompt: a lighthouse, output: img/b.png}", "{id: logo, prompt: a logo}");

        List<String> plan = planned(BuildFixtures.placeholderConfig(project));

        assertThat(plan)
                .containsExactly(
                        "  remove target/out/cards-1.png: asset 'cards' is no longer in the specs",
                        "  remove target/out/cards-2.png: asset 'cards' is no longer in the specs",
                        "  remove target/out/img/a.png once 'hero' is built: it now writes img/b.png");
        assertThat(outputs()).contains("cards-1.png", "cards-2.png", "img/a.png"); // nothing removed yet
        build();
        assertThat(outputs()).containsExactly("img/b.png", "logo.png");
    }

    @Test
    void thePlanDoesNotPromiseRemovalsTheBuildWillNotMake() throws Exception {
        spec(
                "{id: hero, prompt: a lighthouse, output: img/a.png}",
                "{id: cards, prompt: four cards}",
                "{id: logo, prompt: a logo}");
        build();
        // changed by hand: the build leaves it with a warning, so the plan does not list it
        Files.writeString(out("cards.png"), "edited by hand");
        spec("{id: hero, prompt: a lighthouse, output: img/b.png}", "{id: logo, prompt: a logo}");

        assertThat(planned(BuildFixtures.placeholderConfig(project)))
                .containsExactly("  remove target/out/img/a.png once 'hero' is built: it now writes img/b.png");
        // with hero not selected its old file stays
        assertThat(planned(only("logo"))).isEmpty();
        build(only("logo"));
        assertThat(outputs()).contains("img/a.png", "cards.png");
    }

    @Test
    void aFileNobodyRecordedIsNeverTouched() throws Exception {
        spec("{id: hero, prompt: a lighthouse, output: a.png}");
        build();
        Files.writeString(out("README.txt"), "mine");
        Files.createDirectories(out("img"));
        Files.writeString(out("img/logo.png"), "not ours");

        spec("{id: hero, prompt: a lighthouse, output: b.png}");
        build();

        assertThat(outputs()).containsExactly("README.txt", "b.png", "img/logo.png");
    }

    @Test
    void aFileChangedSinceTheBuildWroteItIsLeftWithAWarning() throws Exception {
        spec("{id: hero, prompt: a lighthouse, output: a.png}");
        build();
        Files.writeString(out("a.png"), "retouched by hand");

        spec("{id: hero, prompt: a lighthouse, output: b.png}");
        build();

        assertThat(outputs()).containsExactly("a.png", "b.png");
        assertThat(Files.readString(out("a.png"))).isEqualTo("retouched by hand");
        assertThat(log.warnings)
                .anySatisfy(w -> assertThat(w)
                        .startsWith("left target/out/a.png in place: assetgen wrote it for asset 'hero', which now"
                                + " writes b.png, but it has changed since"));
    }

    @Test
    void anOnlyBuildKeepsTheFilesOfAssetsItDidNotBuildAndRemovesDeletedOnes() throws Exception {
        spec(
                "{id: hero, prompt: a lighthouse, output: a.png}",
                "{id: banner, prompt: a banner}",
                "{id: old, prompt: x}");
        build();

        spec("{id: hero, prompt: a lighthouse, output: b.png}", "{id: banner, prompt: a wider banner}");
        build(only("banner"));

        // hero was not built: its old file stays until it is; old is gone from the specs
        assertThat(outputs()).containsExactly("a.png", "banner.png");
        assertThat(log.infos).contains("removed target/out/old.png (asset 'old' no longer in the specs)");

        build();
        assertThat(outputs()).containsExactly("b.png", "banner.png");
    }

    @Test
    void aFailedAssetKeepsItsOldFile() throws Exception {
        spec("{id: hero, prompt: a lighthouse, output: a.png}");
        build();
        AtomicFiles.deleteRecursively(project.resolve("cache"));

        spec("{id: hero, prompt: a lighthouse, output: b.png}");
        // offline and in no cache: the asset fails, and its old file may be the only copy there is
        assertThatThrownBy(() -> build(with(BuildFixtures.placeholderConfig(project), List.of(), true)))
                .isInstanceOf(AssetsFailedException.class);

        assertThat(outputs()).containsExactly("a.png");
    }

    @Test
    void theManifestRecordsEveryFileTheBuildPlacedAndWhetherItIsAPlaceholder() throws Exception {
        spec("{id: hero, prompt: a lighthouse, output: img/a.png}");
        build();

        OutputManifest manifest = OutputManifest.read(project.resolve("target/assetgen/outputs.json"));

        assertThat(manifest.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("img/a.png");
            assertThat(f.asset()).isEqualTo("hero");
            assertThat(f.placeholder()).isTrue();
        });
    }

    @Test
    void withoutTheManifestTheLockStillTellsWhichFilesAreTheBuilds() throws Exception {
        spec("{id: hero, prompt: a lighthouse, output: a.png}");
        build();
        Files.delete(project.resolve("target/assetgen/outputs.json"));

        spec("{id: hero, prompt: a lighthouse, output: b.png}");
        build();

        assertThat(outputs()).containsExactly("b.png");
    }
}
