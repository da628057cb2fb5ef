package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.wording.MavenStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed lock is the record of what was bought: a fresh clone gets it back without buying,
 * a tampered cache is never trusted, and a locked build buys nothing at all.
 */
class BoughtBeforeBuildTest {

    @TempDir
    Path project;

    private void spec(String... assets) throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        StringBuilder text = new StringBuilder("defaults: {provider: placeholder, model: nano-banana-2}\nassets:\n");
        for (String asset : assets) {
            text.append("  - ").append(asset).append('\n');
        }
        Files.writeString(spec, text, StandardCharsets.UTF_8);
    }

    private BuildConfig config(boolean force, boolean locked) {
        BuildConfig base = BuildFixtures.placeholderConfig(project);
        return new BuildConfig(
                base.projectBaseDir(),
                base.specDirectory(),
                base.outputDirectory(),
                base.cacheDirectory(),
                base.lockFile(),
                base.reportDirectory(),
                base.only(),
                force,
                null,
                null,
                false,
                false,
                base.assetTimeout(),
                base.providers(),
                MavenStyle.WORDING,
                null,
                locked);
    }

    private BuildSummary build(BuildConfig config, BuildLog log) throws Exception {
        AssetBuild build = new AssetBuild(config, log);
        return build.generate(build.validate(), false);
    }

    private Path lockFile() {
        return project.resolve("assets.lock.json");
    }

    /** What a fresh CI agent has: the committed specs and lock, no cache, no outputs. */
    private void freshClone() throws Exception {
        AtomicFiles.deleteRecursively(project.resolve("cache"));
        AtomicFiles.deleteRecursively(project.resolve("target"));
    }

    private void outputsMatchTheLock() throws Exception {
        for (LockFile.Entry entry : LockFile.read(lockFile()).entries()) {
            for (LockFile.LockedFile file : entry.files()) {
                assertThat(Hashing.sha256(project.resolve("target/out").resolve(file.path())))
                        .isEqualTo(file.sha256());
            }
        }
    }

    @Test
    void aFreshCloneShowsWhatWasBoughtBeforeAndGetsItBackWithoutBuying() throws Exception {
        spec("{id: hero, prompt: a lighthouse}", "{id: logo, prompt: a paper boat}");
        build(config(false, false), BuildLog.silent());
        byte[] lock = Files.readAllBytes(lockFile());
        freshClone();
        CollectingLog log = new CollectingLog();
        AssetBuild build = new AssetBuild(config(false, false), log);
        Plan plan = build.plan(build.validate());

        build.printPlan(plan);
        BuildSummary summary = build.generate(plan);

        assertThat(plan.assets()).extracting(PlannedAsset::action).containsOnly(Action.RECOVER);
        assertThat(log.infos)
                .contains("  hero  bought before, not here  nano-banana-2 @ placeholder  free per the lock, not spent"
                        + " again  (not in the local cache: got back from the shared cache or the provider)");
        assertThat(log.infos).anySatisfy(line -> assertThat(line).contains("2 bought before, not here"));
        assertThat(summary.results()).extracting(r -> r.status()).containsOnly(AssetStatus.RESTORED);
        outputsMatchTheLock();
        assertThat(lockFile()).hasBinaryContent(lock);
    }

    @Test
    void aTamperedCacheEntryOfTheSameSizeIsQuarantinedNeverPlacedAndTheLockKeepsItsHashes() throws Exception {
        spec("{id: hero, prompt: a lighthouse}");
        build(config(false, false), BuildLog.silent());
        byte[] lock = Files.readAllBytes(lockFile());
        String key = LockFile.read(lockFile()).find("hero").orElseThrow().key();
        Path cached = project.resolve("cache")
                .resolve(key.substring(0, 2))
                .resolve(key)
                .resolve("1.png");
        byte[] tampered = Files.readAllBytes(cached);
        tampered[tampered.length - 1] ^= 1;
        Files.write(cached, tampered);
        Files.delete(project.resolve("target/out/hero.png"));
        CollectingLog log = new CollectingLog();
        AssetBuild build = new AssetBuild(config(false, false), log);
        Plan plan = build.plan(build.validate());

        build.generate(plan);

        // the cheap size check plans a restore; the restore reads every byte and refuses it
        assertThat(plan.assets().get(0).action()).isEqualTo(Action.RESTORE);
        assertThat(log.warnings).anySatisfy(w -> assertThat(w).contains("Cache entry " + key, "SHA-256"));
        try (Stream<Path> aside = Files.list(project.resolve("cache/tmp"))) {
            assertThat(aside.map(p -> p.getFileName().toString())).anyMatch(name -> name.contains("damaged"));
        }
        // the placeholder renders it again for free; what is placed is what the lock records
        outputsMatchTheLock();
        assertThat(lockFile()).hasBinaryContent(lock);
    }

    @Test
    void aLockedBuildFailsBeforeSendingAnythingListingEachAssetThatWouldBeBoughtAndWhy() throws Exception {
        spec("{id: hero, prompt: a lighthouse}");
        build(config(false, false), BuildLog.silent());
        byte[] lock = Files.readAllBytes(lockFile());
        spec("{id: hero, prompt: a lighthouse at night}", "{id: logo, prompt: a paper boat}");

        assertThatThrownBy(() -> build(config(false, true), BuildLog.silent()))
                .isInstanceOfSatisfying(
                        LockedBuildException.class, e -> assertThat(e.reasons()).containsOnlyKeys("hero", "logo"))
                .hasMessage("A locked build (-Dassetgen.locked=true) sends no create request, but 2 assets need one."
                        + " Nothing was sent.\n"
                        + "  hero: its request changed since assets.lock.json was written (prompt)\n"
                        + "  logo: new: assets.lock.json does not record it\n"
                        + "Generate them in a build without -Dassetgen.locked=true and commit assets.lock.json.");
        assertThat(project.resolve("target/out/logo.png")).doesNotExist();
        assertThat(lockFile()).hasBinaryContent(lock);
    }

    @Test
    void aLockedBuildRefusesForceBecauseForceBuysAgain() throws Exception {
        spec("{id: hero, prompt: a lighthouse}");
        build(config(false, false), BuildLog.silent());

        assertThatThrownBy(() -> build(config(true, true), BuildLog.silent()))
                .isInstanceOf(LockedBuildException.class)
                .hasMessageContaining("hero: -Dassetgen.force=true asks to buy it again");
    }

    @Test
    void aLockedBuildOnAFreshCloneGetsEverythingTheLockRecordsBack() throws Exception {
        spec("{id: hero, prompt: a lighthouse}", "{id: logo, prompt: a paper boat}");
        build(config(false, false), BuildLog.silent());
        freshClone();

        BuildSummary summary = build(config(false, true), BuildLog.silent());

        assertThat(summary.results()).extracting(r -> r.status()).containsOnly(AssetStatus.RESTORED);
        outputsMatchTheLock();
        assertThat(summary.results()).extracting(r -> r.id()).isEqualTo(List.of("hero", "logo"));
    }
}
