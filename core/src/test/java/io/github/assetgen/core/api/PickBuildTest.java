package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.report.PlanTable;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.LockFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing {@code pick} chooses another candidate of the same generation: it never spends. */
class PickBuildTest {

    @TempDir
    Path project;

    private void spec(String pick) throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                assets:
                  - id: hero
                    provider: placeholder
                    model: nano-banana-2
                    prompt: a lighthouse
                    quantity: 4
                    output: img/hero.png
                %s""".formatted(pick == null ? "" : "    pick: " + pick + "\n"), StandardCharsets.UTF_8);
    }

    private AssetResult build() throws Exception {
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        return build.generate(build.validate(), false).results().get(0);
    }

    private PlannedAsset plan() throws Exception {
        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        return build.plan(build.validate()).assets().get(0);
    }

    private CacheEntry cached(String key) throws Exception {
        return AssetCache.withDirectory(project.resolve("cache"), Clock.systemUTC(), m -> {})
                .find(key)
                .orElseThrow();
    }

    private LockFile.Entry locked() throws Exception {
        return LockFile.read(project.resolve("assets.lock.json")).find("hero").orElseThrow();
    }

    private Path output() {
        return project.resolve("target/out/img/hero.png");
    }

    @Test
    void thePickedCandidateIsTheOutputAndTheCacheKeepsEveryCandidate() throws Exception {
        spec("3");

        AssetResult result = build();

        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        CacheEntry entry = cached(result.planned().key());
        assertThat(entry.files()).hasSize(4);
        assertThat(Hashing.sha256(output())).isEqualTo(entry.files().get(2).sha256());
        assertThat(project.resolve("target/out/img")).isDirectoryContaining(p -> true);
        try (var listing = Files.list(project.resolve("target/out/img"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("hero.png");
        }
    }

    @Test
    void theReportListsEveryCandidateWithItsNumber() throws Exception {
        spec("2");
        build();

        var report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(project.resolve("target/assetgen/report.json").toFile());
        assertThat(report.at("/assets/0/candidates")).hasSize(4);
        assertThat(report.at("/assets/0/candidates/1/number").asInt()).isEqualTo(2);
    }

    @Test
    void theGalleryShowsEveryCandidateFromTheCacheWithThePickedOneMarked() throws Exception {
        spec("2");
        build();

        String html = Files.readString(project.resolve("target/assetgen/report.html"));
        assertThat(html)
                .contains("<li class=\"picked\" data-candidate=\"2\"><img loading=\"lazy\" src=\"media/")
                .contains("<span class=\"number\">2 \u00b7 picked</span>");
        for (int number : new int[] {1, 3, 4}) {
            assertThat(html).contains("<li data-candidate=\"" + number + "\"><img loading=\"lazy\" src=\"media/");
        }
    }

    @Test
    void theLockRecordsThePickAndTheFileActuallyWritten() throws Exception {
        spec("2");
        build();

        LockFile.Entry entry = locked();

        assertThat(entry.pick()).isEqualTo(2);
        assertThat(entry.files()).extracting(LockFile.LockedFile::path).containsExactly("img/hero.png");
        assertThat(entry.files().get(0).sha256()).isEqualTo(Hashing.sha256(output()));
        assertThat(Files.readString(project.resolve("assets.lock.json"))).contains("\"pick\": 2");
    }

    @Test
    void aNewPickRestoresTheOtherCandidateFromTheCacheWithoutGenerating() throws Exception {
        spec("3");
        AssetResult first = build();
        String key = first.planned().key();
        String generatedAt = locked().generatedAt();

        spec("1");

        assertThat(plan().key()).isEqualTo(key);
        assertThat(plan().action()).isEqualTo(Action.RESTORE);
        assertThat(PlanTable.lines(new Plan(List.of(plan()))).get(0))
                .contains("restore")
                .contains("(pick 3 \u2192 1, another candidate of the same generation: nothing is bought)");
        AssetResult second = build();
        assertThat(second.status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(second.spent()).isEqualTo(Cost.free());
        assertThat(Hashing.sha256(output()))
                .isEqualTo(cached(key).files().get(0).sha256());
        assertThat(locked().pick()).isEqualTo(1);
        // the same generation, only another of its candidates
        assertThat(locked().generatedAt()).isEqualTo(generatedAt);
        assertThat(plan().action()).isEqualTo(Action.KEEP);
    }

    @Test
    void aPickAddedToABatchReplacesTheNumberedFilesWithOneWithoutGenerating() throws Exception {
        spec(null);
        AssetResult all = build();
        assertThat(all.files()).hasSize(4);

        spec("4");

        AssetResult picked = build();
        assertThat(picked.status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(Hashing.sha256(output()))
                .isEqualTo(cached(all.planned().key()).files().get(3).sha256());
        // the numbered files of the earlier build are the plugin's and no longer asked for
        assertThat(project.resolve("target/out/img/hero-1.png")).doesNotExist();
    }

    @Test
    void aCandidateInNoCacheIsNeverBoughtAgainSilently() throws Exception {
        spec("3");
        build();
        AtomicDelete.cache(project);

        spec("2");

        // the lock records the generation: fetched back for free (the placeholder renders it again), never a GENERATE
        PlannedAsset planned = plan();
        assertThat(planned.action()).isEqualTo(Action.RECOVER);
        AssetResult result = build();
        assertThat(result.status()).isNotEqualTo(AssetStatus.GENERATED);
        assertThat(locked().pick()).isEqualTo(2);
    }

    @Test
    void twoAssetsPickingFromOneRequestShareOneGeneration() throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                defaults: {provider: placeholder, model: nano-banana-2, prompt: a lighthouse, quantity: 4}
                assets:
                  - {id: hero-a, pick: 1}
                  - {id: hero-b, pick: 4}
                """, StandardCharsets.UTF_8);

        AssetBuild build = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        var results = build.generate(build.validate(), false).results();

        assertThat(results).extracting(AssetResult::status).containsOnly(AssetStatus.GENERATED, AssetStatus.RESTORED);
        assertThat(results).filteredOn(r -> r.status() == AssetStatus.GENERATED).hasSize(1);
        CacheEntry entry = cached(results.get(0).planned().key());
        assertThat(Hashing.sha256(project.resolve("target/out/hero-a.png")))
                .isEqualTo(entry.files().get(0).sha256());
        assertThat(Hashing.sha256(project.resolve("target/out/hero-b.png")))
                .isEqualTo(entry.files().get(3).sha256());
    }

    /** Deletes the local cache, as on a fresh machine. */
    private static final class AtomicDelete {
        static void cache(Path project) throws Exception {
            io.github.assetgen.core.files.AtomicFiles.deleteRecursively(project.resolve("cache"));
        }
    }
}
