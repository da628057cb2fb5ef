package io.github.assetgen.maven;

import io.github.assetgen.core.api.AssetBuild;
import io.github.assetgen.core.api.AssetgenException;
import io.github.assetgen.core.api.BuildConfig;
import io.github.assetgen.core.api.CiEnvironment;
import io.github.assetgen.core.api.UserErrorException;
import io.github.assetgen.core.request.AssetRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every assetgen goal needs, validate-assets included, and the goals' common frame:
 * skip, one core {@link AssetBuild}, core's user errors as BUILD FAILURE and its faults as BUILD
 * ERROR. Planning and generation parameters live in {@link AbstractPlanningMojo} and
 * {@link GenerateAssetsMojo}, so a goal neither offers nor parses what it does not use.
 */
abstract class AbstractAssetgenMojo extends AbstractMojo {

    /** Project context key under which the validated requests are shared between goals of one build. */
    static final String REQUESTS_KEY = "assetgen.requests";

    /**
     * Where the asset specs ({@code *.yaml}, {@code *.yml}, {@code *.json}) live, searched recursively.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SPEC_DIRECTORY, defaultValue = "${project.basedir}/src/main/assets")
    File specDirectory;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    boolean skip;

    /**
     * Renders every asset locally with the placeholder provider: no key, no network, no cost.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PLACEHOLDERS, defaultValue = "false")
    boolean placeholders;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Where the CI server is told apart ({@code GITHUB_ACTIONS} and the like); tests set their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping assetgen (" + PropertyNames.SKIP + "=true).");
            return;
        }
        if (settledEarlier()) {
            runSettled();
            return;
        }
        try {
            AssetBuild build =
                    new AssetBuild(buildConfig(), new MavenBuildLog(getLog()), CiEnvironment.of(environment));
            run(build);
        } catch (AssetgenException e) {
            // sealed: a user error or a fault (BuildFaultException), nothing else
            if (e instanceof UserErrorException) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // a fault of ours or of the environment, never a spec mistake: keep the cause for -e
            throw new MojoExecutionException("assetgen failed unexpectedly: " + e, e);
        }
    }

    /** The goal's own work. */
    abstract void run(AssetBuild build) throws AssetgenException, MojoFailureException, MojoExecutionException;

    /**
     * Whether an earlier goal of this build already found that this one has nothing to do; then
     * not even its configuration is read (tokens, provider settings), which a build with nothing to
     * do would pay for in every goal.
     */
    boolean settledEarlier() {
        return false;
    }

    /** What the goal still does when {@link #settledEarlier}. */
    void runSettled() {}

    /**
     * Whether a later assetgen goal of this build writes the reports anyway (the lifecycle's
     * {@code generate-assets} after {@code validate-assets} and {@code plan-assets}), so this goal
     * need not render them once more: with thousands of assets that is most of a no-op build.
     */
    boolean reportedLater(String... laterGoals) {
        List<String> requested = session.getGoals() == null ? List.of() : session.getGoals();
        for (String goal : requested) {
            for (String later : laterGoals) {
                if (goal.equals(later) || goal.endsWith(":" + later)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The validated requests, from an earlier goal of this build when there was one. */
    @SuppressWarnings("unchecked")
    List<AssetRequest> validated(AssetBuild build) throws AssetgenException {
        Object shared = project.getContextValue(REQUESTS_KEY);
        if (shared instanceof List<?> list) {
            return (List<AssetRequest>) list;
        }
        List<AssetRequest> requests = build.validate();
        project.setContextValue(REQUESTS_KEY, requests);
        return requests;
    }

    /**
     * What validation reads: the specs, the project and whether placeholders replace the providers.
     * Validation writes nothing and sends nothing, so the folders core requires are the Maven defaults
     * of the planning goals, never read. Package-private for the mapping tests.
     */
    BuildConfig buildConfig() throws MojoFailureException {
        File target = new File(project.getBuild().getDirectory());
        return new BuildConfig(
                project.getBasedir().toPath(),
                specDirectory.toPath(),
                new File(target, "generated-assets").toPath(),
                Path.of(System.getProperty("user.home"), ".cache", "assetgen"),
                new File(project.getBasedir(), "assets.lock.json").toPath(),
                reportDirectory(),
                List.of(),
                false,
                null,
                null,
                placeholders,
                true,
                Duration.ofMinutes(30),
                Map.of(),
                MavenWording.INSTANCE,
                null,
                false,
                rootDirectory());
    }

    /** {@code target/assetgen}, where the reports go. */
    Path reportDirectory() {
        return new File(project.getBuild().getDirectory(), "assetgen").toPath();
    }

    /** The reactor's root folder (this project's when it is built alone): specs and inputs stay inside it. */
    Path rootDirectory() {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        MavenProject top = session.getTopLevelProject();
        if (top != null && top.getBasedir() != null) {
            Path root = top.getBasedir().toPath().toAbsolutePath().normalize();
            if (base.startsWith(root)) {
                return root;
            }
        }
        return base;
    }
}
