package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.lenient;

import io.github.assetgen.core.api.LockFileDamagedException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The wiring of the goals: parameters from the POM, skip, and how core's outcomes become Maven
 * exceptions and log lines. What validation and generation do is tested in core.
 */
@MojoTest
class AssetgenMojoTest {

    private final CapturingLog log = new CapturingLog();

    @Test
    @InjectMojo(goal = ValidateAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "specDirectory", value = "does-not-exist")
    void skipLogsSkippingAndDoesNothing(ValidateAssetsMojo mojo) throws Exception {
        mojo.setLog(log);

        mojo.execute();

        assertThat(log.at("info")).singleElement().asString().startsWith("Skipping");
        assertThat(log.all()).hasSize(1);
        assertThat(mojo.project.getContextValue(AbstractAssetgenMojo.REQUESTS_KEY))
                .isNull();
    }

    @Test
    @Basedir("/unit/configured")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    void parametersComeFromThePomConfiguration(GenerateAssetsMojo mojo) {
        File basedir = mojo.project.getBasedir();

        assertThat(mojo.specDirectory).isEqualTo(new File(basedir, "specs"));
        assertThat(mojo.outputDirectory).isEqualTo(new File(basedir, "target/out"));
        assertThat(mojo.cacheDirectory).isEqualTo(new File(basedir, "target/cache"));
        assertThat(mojo.lockFile).isEqualTo(new File(basedir, "locks/assets.lock.json"));
        assertThat(mojo.only).containsExactly("hero", "icon-*");
        assertThat(mojo.force).isTrue();
        assertThat(mojo.maxCredits).isEqualTo("250.5");
        assertThat(mojo.maxUsd).isEqualTo("1.50");
        assertThat(mojo.placeholders).isTrue();
        assertThat(mojo.offline).isTrue();
        assertThat(mojo.pollInterval).isEqualTo("500ms");
        assertThat(mojo.retryDelay).isEqualTo("2s");
        assertThat(mojo.timeout).isEqualTo("5m");
        assertThat(mojo.providers.get("useapi").getBaseUrl()).isEqualTo("http://127.0.0.1:9/useapi");
        assertThat(mojo.providers.get("useapi").getMaxJobs()).isEqualTo(3);
        assertThat(mojo.providers.get("minimax")).isNull();
        assertThat(mojo.skip).isFalse();
        assertThat(mojo.remoteCache).isEqualTo("https://cache.example.com/assetgen/");
        assertThat(mojo.remoteCacheSave).isTrue();
        assertThat(mojo.locked).isTrue();
    }

    @Test
    @Basedir("/unit/valid")
    @InjectMojo(goal = ValidateAssetsMojo.GOAL_NAME)
    void validateAssetsPassesOnAValidProject(ValidateAssetsMojo mojo) throws Exception {
        mojo.setLog(log);

        mojo.execute();

        assertThat(log.at("error")).isEmpty();
        assertThat(log.at("info")).contains("assetgen: 2 asset spec(s) valid.");
    }

    @Test
    @Basedir("/unit/invalid")
    @InjectMojo(goal = ValidateAssetsMojo.GOAL_NAME)
    void specErrorsFailTheBuildWithOneLogLinePerProblem(ValidateAssetsMojo mojo) {
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessageContaining("2 error(s)");
        assertThat(log.at("error"))
                .containsExactly(
                        "src/main/assets/site.yaml:5:17: [hero] resolution '8K' is not supported by nano-banana-pro"
                                + " (supported: 1K, 2K, 4K)",
                        "src/main/assets/site.yaml:9:5: [banner] unknown field 'aspectRato' (did you mean 'aspectRatio'?)");
    }

    @Test
    @Basedir("/unit/valid")
    @InjectMojo(goal = ValidateAssetsMojo.GOAL_NAME)
    void aSuccessfulValidationWritesItsReportsSarifIncluded(ValidateAssetsMojo mojo) throws Exception {
        mojo.setLog(log);
        Path reports = mojo.reportDirectory();
        deleteRecursively(reports);

        mojo.execute();

        assertThat(reports.resolve("assetgen.sarif")).content().contains("\"results\" : [ ]");
        assertThat(reports.resolve("report.json")).content().contains("not run: validated only");
        assertThat(reports.resolve("TEST-assetgen.xml")).exists();
    }

    @Test
    @Basedir("/unit/invalid")
    @InjectMojo(goal = ValidateAssetsMojo.GOAL_NAME)
    void onGithubActionsEachSpecErrorIsAlsoAWorkflowCommandOnStandardOutput(ValidateAssetsMojo mojo) {
        mojo.setLog(log);
        mojo.environment = Map.of("GITHUB_ACTIONS", "true");
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoFailureException.class);
        } finally {
            System.setOut(original);
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "::error file=src/main/assets/site.yaml,line=5,col=17,title=model.unsupported-value"
                                + "::[hero] resolution '8K' is not supported by nano-banana-pro (supported: 1K, 2K, 4K)",
                        "::error file=src/main/assets/site.yaml,line=9,col=5,title=spec.unknown-field"
                                + "::[banner] unknown field 'aspectRato' (did you mean 'aspectRatio'?)");
        assertThat(log.all()).noneMatch(l -> l.contains("::error"));
    }

    @Test
    @Basedir("/unit/invalid")
    @InjectMojo(goal = ValidateAssetsMojo.GOAL_NAME)
    void offGithubActionsNoWorkflowCommandIsPrinted(ValidateAssetsMojo mojo) {
        mojo.setLog(log);
        mojo.environment = Map.of("CI", "true");
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoFailureException.class);
        } finally {
            System.setOut(original);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("::error");
    }

    @Test
    @Basedir("/unit/valid")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "timeout", value = "10")
    void aTimeoutWithoutUnitFailsTheBuildNamingTheParameter(GenerateAssetsMojo mojo) {
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessageContaining("timeout '10'")
                .hasMessageContaining("500ms, 5s, 2m");
    }

    @Test
    @Basedir("/unit/valid")
    @InjectMojo(goal = ValidateAssetsMojo.GOAL_NAME)
    void validateAssetsIgnoresAGenerationPropertyItDoesNotTake(ValidateAssetsMojo mojo) throws Exception {
        // issue #13: -Dassetgen.timeout=10 once failed validation, which never waits for anything
        Properties user = new Properties();
        user.setProperty(PropertyNames.TIMEOUT, "10");
        lenient().when(mojo.session.getUserProperties()).thenReturn(user);
        mojo.setLog(log);

        mojo.execute();

        // "valid." or, when an earlier test validated the same project, "valid (unchanged since ...)."
        assertThat(log.at("info")).anyMatch(l -> l.startsWith("assetgen: 2 asset spec(s) valid"));
        assertThat(AbstractAssetgenMojo.class.getDeclaredFields())
                .extracting(Field::getName)
                .doesNotContain("timeout", "pollInterval", "force", "only");
    }

    @Test
    @Basedir("/unit/valid")
    @InjectMojo(goal = PlanAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "only", value = "hero,intr")
    void anOnlyEntryThatMatchesNoAssetIsABuildFailureNamingTheNearestId(PlanAssetsMojo mojo) {
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dassetgen.only=intr matches no asset (did you mean 'intro'?)");
    }

    @Test
    @Basedir("/unit/valid")
    @InjectMojo(goal = ValidateAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "specDirectory", value = "src/main/asset")
    void aMisspeltSpecDirectoryIsAWarningNamingIt(ValidateAssetsMojo mojo) throws Exception {
        mojo.setLog(log);

        mojo.execute();

        assertThat(log.at("warn")).singleElement().asString().contains("src/main/asset does not exist");
    }

    @Test
    @Basedir("/unit/damaged-lock")
    @InjectMojo(goal = PlanAssetsMojo.GOAL_NAME)
    void aDamagedLockFileIsAUserErrorNamingFileLineAndColumn(PlanAssetsMojo mojo) {
        // issue #8: a damaged assets.lock.json is the user's to fix, so BUILD FAILURE, not BUILD ERROR
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("cannot read the cache or lock file: ")
                .hasMessageContaining("assets.lock.json:")
                .hasMessageContaining("malformed lock file")
                .hasCauseInstanceOf(LockFileDamagedException.class);
    }

    @Test
    @Basedir("/unit/generate")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    void generateAssetsAddsTheOutputDirectoryAsAResource(GenerateAssetsMojo mojo) throws Exception {
        mojo.setLog(log);
        deleteRecursively(mojo.outputDirectory.toPath());
        // the harness's stub project holds a fixed-size list; Maven's own is mutable
        mojo.project
                .getBuild()
                .setResources(new ArrayList<>(mojo.project.getBuild().getResources()));

        mojo.execute();

        assertThat(mojo.outputDirectory.toPath().resolve("tiny.png")).isRegularFile();
        assertThat(mojo.project.getResources())
                .extracting(Resource::getDirectory)
                .contains(mojo.outputDirectory.getAbsolutePath());
        long sameDirectory = mojo.project.getResources().stream()
                .filter(r -> r.getDirectory().equals(mojo.outputDirectory.getAbsolutePath()))
                .count();
        assertThat(sameDirectory).isEqualTo(1);
    }

    @Test
    @Basedir("/unit/valid")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "timeout", value = "10")
    void generateAssetsAfterAnEarlierGoalFoundNothingChangedReadsNoConfigurationAndStillAddsTheResource(
            GenerateAssetsMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.project
                .getBuild()
                .setResources(new ArrayList<>(mojo.project.getBuild().getResources()));
        // what plan-assets leaves in the project when the last all-kept build still stands
        mojo.project.setContextValue(AbstractPlanningMojo.UNCHANGED_KEY, true);

        mojo.execute(); // the timeout without a unit would fail the build if it were read

        assertThat(mojo.project.getResources())
                .extracting(Resource::getDirectory)
                .containsOnlyOnce(mojo.outputDirectory.getAbsolutePath());
        assertThat(log.all()).isEmpty();
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
