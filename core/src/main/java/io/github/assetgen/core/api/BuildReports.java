package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.report.AssetOutcome;
import io.github.assetgen.core.report.BuildFailure;
import io.github.assetgen.core.report.GithubActions;
import io.github.assetgen.core.report.ReportSummary;
import io.github.assetgen.core.report.ReportWriter;
import io.github.assetgen.core.report.RunReports;
import io.github.assetgen.core.report.Spending;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.specfile.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place a build's reports are written, whichever goal runs and however it ends: the
 * validation's SARIF (and GitHub annotations), then {@code report.json}, the JUnit XML and the
 * gallery of what the goal did or why it stopped (and GitHub's step summary). Every goal writes
 * them, so the reports in the report directory are always this build's.
 */
final class BuildReports {

    private final BuildConfig config;
    private final CiEnvironment ci;
    private final BuildLog log;

    BuildReports(BuildConfig config, CiEnvironment ci, BuildLog log) {
        this.config = config;
        this.ci = ci;
        this.log = log;
    }

    /**
     * Writes the SARIF of a validation, an empty one when nothing was found, and on GitHub Actions
     * prints each problem as a workflow command. A file that cannot be written is a warning: the
     * problems are in the log.
     */
    void validated(List<Problem> problems) {
        if (ci.githubActions()) {
            GithubActions github = new GithubActions(ci.workspace());
            problems.forEach(p -> log.plain(github.annotation(p, config.projectBaseDir())));
        }
        try {
            new ReportWriter()
                    .writeSarif(config.reportDirectory(), problems, config.projectBaseDir(), config.rootDirectory());
        } catch (IOException e) {
            cannotWrite(e);
        }
    }

    /** The reports of a validation that found no error: every asset valid, none planned or run. */
    void valid(List<AssetRequest> requests) {
        quietly(RunReports.validated(requests, "validated only, not planned"), null);
    }

    /** The reports of a plan that was printed and not carried out. */
    void planned(Plan plan) {
        quietly(RunReports.planned(plan.assets(), config.wording()::render), null);
    }

    /** The reports of a goal that stopped before running any asset, naming why. */
    void stopped(List<AssetOutcome> outcomes, AssetgenException failure) {
        List<Problem> problems = failure instanceof SpecErrorsException spec ? spec.problems() : List.of();
        quietly(outcomes, new BuildFailure(failure.getMessage(), problems));
    }

    /**
     * The reports of assets that ran.
     *
     * @throws IOException when a report cannot be written (the step summary only warns)
     */
    void write(List<AssetOutcome> outcomes, ReportSummary summary, BuildFailure failure) throws IOException {
        // thumbnails also go to the local cache, so a build after clean copies them back
        new ReportWriter(config.cacheDirectory().resolve("thumbnails"))
                .write(config.reportDirectory(), config.outputDirectory(), outcomes, summary, failure);
        if (ci.stepSummary() != null) {
            try {
                new GithubActions(ci.workspace())
                        .writeStepSummary(ci.stepSummary(), projectName(), outcomes, summary, failure);
            } catch (IOException e) {
                log.warn("cannot write the step summary " + ci.stepSummary() + ": " + e.getMessage());
            }
        }
    }

    /** Nothing was spent: a report that cannot be written is a warning, the goal's own outcome stays. */
    private void quietly(List<AssetOutcome> outcomes, BuildFailure failure) {
        try {
            write(outcomes, ReportSummary.of(outcomes, Spending.spent(List.of()), 0), failure);
        } catch (IOException e) {
            cannotWrite(e);
        }
    }

    private void cannotWrite(IOException e) {
        log.warn("cannot write the reports to " + config.reportDirectory() + ": " + e.getMessage());
    }

    /** The project as the step summary names it: its path in the checkout, else its folder name. */
    private String projectName() {
        Path base = config.projectBaseDir().toAbsolutePath().normalize();
        if (ci.workspace() != null) {
            Path root = ci.workspace().toAbsolutePath().normalize();
            if (base.startsWith(root) && !base.equals(root)) {
                return root.relativize(base).toString().replace('\\', '/');
            }
        }
        Path name = base.getFileName();
        return name == null ? base.toString() : name.toString();
    }
}
