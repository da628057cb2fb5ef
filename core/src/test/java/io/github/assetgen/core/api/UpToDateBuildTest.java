package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.run.AssetStatus;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build after an all-kept build with nothing changed decides nothing anew; any change to what the
 * decision read (a spec, a reference, the lock, an output, a setting, assetgen itself) or a file
 * modified too close to the recording means the full path.
 */
class UpToDateBuildTest {

    /** The builds run an hour "later" than the files' times, so no file is racy unless a test says so. */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

    @TempDir
    Path project;

    private Path specs;
    private Path reference;
    private Path fingerprint;

    @BeforeEach
    void twoAssetsGeneratedThenKept() throws Exception {
        specs = project.resolve("src/main/assets");
        reference = project.resolve("refs/ref.png");
        Files.createDirectories(specs);
        Files.createDirectories(reference.getParent());
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", reference.toFile());
        Files.writeString(specs.resolve("site.yaml"), """
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse,
                     references: [../../../refs/ref.png]}
                """, StandardCharsets.UTF_8);
        Files.writeString(specs.resolve("more.yaml"), """
                assets:
                  - {id: icon, provider: placeholder, model: nano-banana-2, prompt: a gull}
                """, StandardCharsets.UTF_8);
        fingerprint = project.resolve("target/assetgen/" + UpToDateCheck.UP_TO_DATE);

        assertThat(fullBuild(config())).containsOnly(AssetStatus.GENERATED);
        assertThat(fingerprint).as("a build that generated records nothing").doesNotExist();
        assertThat(fullBuild(config())).containsOnly(AssetStatus.KEPT);
        assertThat(fingerprint).exists();
    }

    private BuildConfig config() {
        return BuildFixtures.placeholderConfig(project);
    }

    private List<AssetStatus> fullBuild(BuildConfig config) throws Exception {
        AssetBuild build = new AssetBuild(config, BuildLog.silent(), LATER, Sleeper.SYSTEM);
        return build.generate(build.validate(), false).results().stream()
                .map(r -> r.status())
                .toList();
    }

    private boolean unchanged(BuildConfig config) {
        return new AssetBuild(config, BuildLog.silent(), LATER, Sleeper.SYSTEM)
                .unchangedBuild()
                .isPresent();
    }

    private boolean unchanged() {
        return unchanged(config());
    }

    private static BuildConfig copy(BuildConfig c, List<String> only, boolean force, boolean placeholders) {
        return new BuildConfig(
                c.projectBaseDir(),
                c.specDirectory(),
                c.outputDirectory(),
                c.cacheDirectory(),
                c.lockFile(),
                c.reportDirectory(),
                only,
                force,
                c.maxCredits(),
                c.maxUsd(),
                placeholders,
                c.offline(),
                c.assetTimeout(),
                c.providers(),
                c.wording(),
                c.sharedCache(),
                c.locked(),
                c.rootDirectory());
    }

    @Test
    void aBuildWithNothingChangedLogsOneLineAndTouchesNoCache() throws Exception {
        deleteTree(project.resolve("cache"));
        CollectingLog log = new CollectingLog();

        var kept = new AssetBuild(config(), log, LATER, Sleeper.SYSTEM).unchangedBuild();

        assertThat(kept).hasValue(2);
        assertThat(log.infos).containsExactly("assetgen: nothing changed since the last build: 2 asset(s) kept");
        assertThat(project.resolve("cache")).as("no store opened").doesNotExist();
        assertThat(unchanged()).as("and again").isTrue();
    }

    @Test
    void aBuildWithNothingChangedStillWarnsThatTheOutputsArePlaceholderRenders() throws Exception {
        CollectingLog log = new CollectingLog();

        var kept = new AssetBuild(config(), log, LATER, Sleeper.SYSTEM).unchangedBuild();

        assertThat(kept).hasValue(2);
        assertThat(log.warnings)
                .singleElement()
                .asString()
                .startsWith("the 2 assets in target/out are placeholder renders, not real assets");
    }

    @Test
    void aBuildThatCouldNotSettleTheOutputDirectoryLeavesNoDecisionToStand() throws Exception {
        // the record of placed files cannot be read (here a folder in its place; on Windows, a stale
        // file held open by a viewer fails the same way): nothing is pruned and no placeholder is known
        Path manifest = project.resolve("target/assetgen/outputs.json");
        Files.delete(manifest);
        Files.createDirectories(manifest);
        CollectingLog full = new CollectingLog();
        AssetBuild build = new AssetBuild(config(), full, LATER, Sleeper.SYSTEM);
        build.generate(build.validate(), false);
        assertThat(full.warnings).anyMatch(w -> w.startsWith("could not remove the stale files"));
        Files.delete(manifest);

        CollectingLog next = new CollectingLog();
        var kept = new AssetBuild(config(), next, LATER, Sleeper.SYSTEM).unchangedBuild();

        assertThat(kept)
                .as("a standing decision would skip the prune the message promised, and the placeholder warning")
                .isEmpty();
    }

    @Test
    void onGithubActionsTheFullPathRunsToWriteTheAnnotationsAndStepSummary() {
        CiEnvironment github = new CiEnvironment(true, project.resolve("summary.md"), project);
        AssetBuild build = new AssetBuild(config(), BuildLog.silent(), github, LATER, Sleeper.SYSTEM);

        assertThat(build.unchangedBuild()).isEmpty();
        assertThat(build.unchangedValidation()).isEmpty();
        assertThat(unchanged()).as("elsewhere").isTrue();
    }

    @Test
    void theValidationStandsWhenNothingItReadChanged() {
        var valid = new AssetBuild(config(), BuildLog.silent(), LATER, Sleeper.SYSTEM).unchangedValidation();

        assertThat(valid).hasValue(2);
    }

    @Test
    void aStandingValidationPrintsItsWarningsAgain() {
        UpToDateCheck check = new UpToDateCheck(config(), project.resolve("assets.lock.json"), LATER);
        String warning = "src/main/assets/site.yaml:3:5: warning [hero] size '1000x1000' will be rounded";
        check.recordValidation(2, List.of(reference), List.of(warning));
        CollectingLog log = new CollectingLog();

        assertThat(check.validation(log)).hasValue(2);

        assertThat(log.warnings).containsExactly(warning);
    }

    @Test
    void aValidationDoesNotStandOverTheReportsOfABuildThatRestored() throws Exception {
        Path validated = project.resolve("target/assetgen/" + UpToDateCheck.VALIDATED);
        assertThat(validated).as("kept by the all-kept build").exists();
        try (var outputs = Files.list(project.resolve("target/out"))) {
            Files.delete(outputs.sorted().findFirst().orElseThrow());
        }

        assertThat(fullBuild(config())).contains(AssetStatus.RESTORED);

        assertThat(validated).doesNotExist();
        assertThat(new AssetBuild(config(), BuildLog.silent(), LATER, Sleeper.SYSTEM).unchangedValidation())
                .isEmpty();
    }

    @Test
    void aSpecEditedWithItsSizeAndTimePutBackIsAChange() throws Exception {
        Path spec = specs.resolve("site.yaml");
        FileTime time = Files.getLastModifiedTime(spec);
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        Files.writeString(spec, text.replace("a lighthouse", "a lighthousE"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(spec, time);
        assertThat(Files.size(spec)).isEqualTo(text.length());

        assertThat(unchanged()).isFalse();
        assertThat(new AssetBuild(config(), BuildLog.silent(), LATER, Sleeper.SYSTEM).unchangedValidation())
                .isEmpty();
    }

    @Test
    void aSpecFileAddedIsAChange() throws Exception {
        Files.createDirectories(specs.resolve("deeper"));
        Files.writeString(specs.resolve("deeper/new.yaml"), "assets: []\n", StandardCharsets.UTF_8);

        assertThat(unchanged()).isFalse();
    }

    @Test
    void aSpecEditedInAFolderLinkedIntoTheSpecsIsAChange() throws Exception {
        Path elsewhere = project.resolve("shared-specs");
        Files.createDirectories(elsewhere);
        Files.writeString(elsewhere.resolve("linked.yaml"), """
                assets:
                  - {id: linked, provider: placeholder, model: nano-banana-2, prompt: a buoy}
                """, StandardCharsets.UTF_8);
        Files.createSymbolicLink(specs.resolve("shared"), elsewhere);
        assertThat(fullBuild(config())).contains(AssetStatus.GENERATED);
        assertThat(fullBuild(config())).containsOnly(AssetStatus.KEPT);
        assertThat(unchanged()).isTrue();

        Files.writeString(elsewhere.resolve("linked.yaml"), """
                assets:
                  - {id: linked, provider: placeholder, model: nano-banana-2, prompt: a bell}
                """, StandardCharsets.UTF_8);

        assertThat(unchanged()).isFalse();
    }

    @Test
    void aSpecFileRemovedIsAChange() throws Exception {
        Files.delete(specs.resolve("more.yaml"));

        assertThat(unchanged()).isFalse();
    }

    @Test
    void aReferenceFileOutsideTheSpecsChangedIsAChange() throws Exception {
        ImageIO.write(new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB), "png", reference.toFile());

        assertThat(unchanged()).isFalse();
    }

    @Test
    void anOutputDeletedOrChangedIsAChange() throws Exception {
        Path output =
                Files.list(project.resolve("target/out")).sorted().findFirst().orElseThrow();
        FileTime time = Files.getLastModifiedTime(output);
        byte[] bytes = Files.readAllBytes(output);
        bytes[bytes.length - 1] ^= 1;
        Files.write(output, bytes);
        Files.setLastModifiedTime(output, time);
        assertThat(unchanged()).as("changed in place").isFalse();

        Files.delete(output);
        assertThat(unchanged()).as("deleted").isFalse();
    }

    @Test
    void theLockChangedIsAChange() throws Exception {
        Path lock = project.resolve("assets.lock.json");
        Files.writeString(lock, Files.readString(lock, StandardCharsets.UTF_8) + " ", StandardCharsets.UTF_8);

        assertThat(unchanged()).isFalse();
    }

    @Test
    void anotherSelectionOrPlaceholdersAreAChange() {
        assertThat(unchanged(copy(config(), List.of("hero"), false, false))).isFalse();
        assertThat(unchanged(copy(config(), List.of(), false, true))).isFalse();
        assertThat(unchanged()).as("the same settings again").isTrue();
    }

    @Test
    void aForcedBuildNeverTakesTheFastPath() {
        assertThat(unchanged(copy(config(), List.of(), true, false))).isFalse();
    }

    @Test
    void aFingerprintOfAnotherAssetgenIsNoProof() throws Exception {
        String text = Files.readString(fingerprint, StandardCharsets.UTF_8);
        assertThat(text).contains("setting\tcode=");
        Files.writeString(fingerprint, text.replaceFirst("setting\tcode=", "setting\tcode=0.1.0 "));

        assertThat(unchanged()).isFalse();
    }

    @Test
    void aDamagedOrUnknownFingerprintIsNoProofAndNoFailure() throws Exception {
        Files.writeString(fingerprint, "assetgen up-to-date 99\nassets\t2\n");
        assertThat(unchanged()).isFalse();

        Files.writeString(fingerprint, "assetgen up-to-date 1\nassets\tmany\n");
        assertThat(unchanged()).isFalse();
    }

    @Test
    void aFileModifiedWithinTwoSecondsOfTheRecordingIsNotTrusted() throws Exception {
        Files.delete(fingerprint);
        Path output =
                Files.list(project.resolve("target/out")).sorted().findFirst().orElseThrow();
        // modified "now" as the real clock sees it, by a build running on the real clock
        Files.setLastModifiedTime(output, FileTime.fromMillis(System.currentTimeMillis()));
        AssetBuild build = new AssetBuild(config(), BuildLog.silent(), Clock.systemUTC(), Sleeper.SYSTEM);
        assertThat(build.generate(build.validate(), false).results()).allMatch(r -> r.status() == AssetStatus.KEPT);

        assertThat(fingerprint).doesNotExist();
        assertThat(unchanged()).isFalse();
    }

    @Test
    void aGoalTakingTheFullPathForgetsTheFingerprint() throws Exception {
        AssetBuild build = new AssetBuild(config(), BuildLog.silent(), LATER, Sleeper.SYSTEM);
        build.plan(build.validate());

        assertThat(fingerprint).doesNotExist();
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
