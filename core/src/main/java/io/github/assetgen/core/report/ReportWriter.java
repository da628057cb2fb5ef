package io.github.assetgen.core.report;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.specfile.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes the build reports into the report directory ({@code target/assetgen}):
 * {@value #JSON} (machine-readable), {@value #HTML} (a self-contained gallery, its style in
 * {@value #CSS} and its pictures and videos under {@code media/}), {@value #JUNIT} (JUnit XML for CI
 * servers) and {@value #SARIF} (the spec problems as SARIF 2.1.0, written at each validation by
 * {@link #writeSarif}). Assets are sorted by id, so the same build gives the same files.
 * Each file is written to a temporary file and moved into place, so a reader never sees half a
 * report. Thread-safe.
 */
public final class ReportWriter {

    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String JUNIT = "TEST-assetgen.xml";
    /** The gallery's style sheet, beside it. */
    public static final String CSS = "report.css";

    public static final String SARIF = "assetgen.sarif";

    private final Path thumbnailStore;

    /** A writer whose gallery keeps its thumbnails in the report directory only. */
    public ReportWriter() {
        this(null);
    }

    /**
     * A writer whose gallery also keeps the thumbnails it scales in {@code thumbnailStore}, so a build
     * after {@code clean} copies them back instead of scaling every image again.
     *
     * @param thumbnailStore a directory outside the build's output (the local cache's), or null
     */
    public ReportWriter(Path thumbnailStore) {
        this.thumbnailStore = thumbnailStore;
    }

    /**
     * Writes all three reports.
     *
     * @param reportDir where the reports go; created when missing
     * @param outputDir the assets' output directory, to find files given only by relative path
     * @param outcomes one per asset, in any order
     * @param summary the build's totals
     * @throws IOException when a report cannot be written
     */
    public void write(Path reportDir, Path outputDir, List<AssetOutcome> outcomes, ReportSummary summary)
            throws IOException {
        write(reportDir, outputDir, outcomes, summary, null);
    }

    /**
     * Writes all three reports of a goal that stopped early: the failure (each spec problem a failing
     * JUnit test case) next to what is known of each asset. Every file is replaced, so no report of an
     * older build is left behind as if it were this one's.
     *
     * @param failure why the goal stopped, or null when it did not
     * @throws IOException when a report cannot be written
     */
    public void write(
            Path reportDir, Path outputDir, List<AssetOutcome> outcomes, ReportSummary summary, BuildFailure failure)
            throws IOException {
        Files.createDirectories(reportDir);
        List<AssetOutcome> sorted = PreviousVersions.copy(
                reportDir,
                outcomes.stream().sorted(Comparator.comparing(AssetOutcome::id)).toList());
        // the reports are independent: with 10,000 assets each is megabytes, so the JSON and JUnit
        // ones are rendered and written on threads of their own while this one does the gallery
        // (one thread for both measured about 0.1 s slower for 10,000 assets on 2 cores)
        FutureTask<Void> json = startedAside("assetgen-report-json", () -> {
            writeAtomically(reportDir.resolve(JSON), JsonReport.render(sorted, summary, failure));
            return null;
        });
        FutureTask<Void> junit = startedAside("assetgen-report-junit", () -> {
            writeAtomically(reportDir.resolve(JUNIT), JunitReport.render(sorted, summary, failure));
            return null;
        });
        try {
            writeAtomically(reportDir.resolve(CSS), HtmlReport.STYLE + ChangeView.STYLE);
            GalleryMedia media = new GalleryMedia(reportDir, thumbnailStore);
            writeAtomically(reportDir.resolve(HTML), HtmlReport.render(outputDir, sorted, summary, failure, media));
            media.removeUnused();
        } finally {
            try {
                awaitAside(json);
            } finally {
                awaitAside(junit);
            }
        }
    }

    private static FutureTask<Void> startedAside(String name, Callable<Void> work) {
        FutureTask<Void> task = new FutureTask<>(work);
        Thread worker = new Thread(task, name);
        worker.setDaemon(true);
        worker.start();
        return task;
    }

    /** Waits for a report written aside, rethrowing what stopped it as thrown on this thread. */
    private static void awaitAside(FutureTask<Void> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    // the reports are half a second from done: finish them, then keep the interrupt
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes {@value #SARIF}: every problem of this validation, errors and warnings, or an empty
     * {@code results} array when there are none, so no older build's problems stay behind.
     *
     * @param problems the problems, in the order to list them
     * @param projectBaseDir the folder the problems' spec paths are relative to
     * @throws IOException when the file cannot be written
     */
    public void writeSarif(Path reportDir, List<Problem> problems, Path projectBaseDir) throws IOException {
        writeSarif(reportDir, problems, projectBaseDir, projectBaseDir);
    }

    /**
     * Like {@link #writeSarif(Path, List, Path)} in a module of a multi-module build: paths in the
     * SARIF start from {@code rootDirectory} (the reactor's root, usually the repository's), which
     * is where code scanning resolves them; a project outside it keeps paths from its own folder.
     */
    public void writeSarif(Path reportDir, List<Problem> problems, Path projectBaseDir, Path rootDirectory)
            throws IOException {
        Files.createDirectories(reportDir);
        writeAtomically(reportDir.resolve(SARIF), SarifReport.render(problems, projectBaseDir, rootDirectory));
    }

    /** A killed build leaves a {@code .tmp-} file here, which the next build cleans (see AtomicFiles). */
    private static void writeAtomically(Path target, String content) throws IOException {
        AtomicFiles.publish(target, content);
    }
}
