package io.github.assetgen.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps the forked builds' output out of the test output unless a test fails: every build writes its log to a file
 * under {@code it/target/it-work/<test>/} ({@link MavenBuild}), and only when a test fails are its builds' log paths
 * and last lines printed. So a passing {@code mvn verify} shows none of the {@code [ERROR]} lines of the builds that
 * fail on purpose. Registered for every test class of this module through JUnit's extension auto-detection
 * ({@code junit-platform.properties} and {@code META-INF/services}).
 */
public final class BuildLogsOnFailure implements BeforeEachCallback, TestWatcher {

    /** Lines of each log printed when a test fails; the whole log is in its file. */
    static final int TAIL_LINES = 60;

    /** One forked build: its work directory and its number among the builds of that directory. */
    private record Started(Path dir, int run) {

        /** The build's log: {@code build.log} while it is the newest, {@code build-<run>.log} once another began. */
        Path log() {
            Path rotated = dir.resolve("build-" + run + ".log");
            return Files.exists(rotated) ? rotated : dir.resolve("build.log");
        }
    }

    private static final List<Started> STARTED = new ArrayList<>();

    /** Called by {@link MavenBuild} for every build it starts. */
    static synchronized void started(Path dir, int run) {
        STARTED.add(new Started(dir, run));
    }

    private static synchronized List<Started> takeStarted() {
        List<Started> started = List.copyOf(STARTED);
        STARTED.clear();
        return started;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        takeStarted();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        takeStarted();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        takeStarted();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        takeStarted();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        List<Started> started = takeStarted();
        if (started.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append("[it] ")
                .append(context.getRequiredTestClass().getSimpleName())
                .append('.')
                .append(context.getDisplayName())
                .append(" failed; the logs of its ")
                .append(started.size())
                .append(" forked build(s):\n");
        for (Started build : started) {
            Path log = build.log();
            List<String> lines = lines(log);
            text.append("[it] ---- ")
                    .append(log.toAbsolutePath())
                    .append(" (")
                    .append(lines.size())
                    .append(" lines")
                    .append(lines.size() > TAIL_LINES ? ", the last " + TAIL_LINES + " follow" : "")
                    .append(")\n");
            lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
                    .forEach(line -> text.append(line).append('\n'));
        }
        System.err.print(text);
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of("(no log written)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
