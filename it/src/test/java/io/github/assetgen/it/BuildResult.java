package io.github.assetgen.it;

import java.util.List;

/**
 * The outcome of one forked Maven build.
 *
 * @param exitCode the process exit code (0 = BUILD SUCCESS; a killed build has a non-zero code)
 * @param log everything the build printed, stdout and stderr interleaved
 */
public record BuildResult(int exitCode, String log) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    public List<String> lines() {
        return log.lines().toList();
    }

    /** Lines of a Java stack trace ("\tat ..."), which a user mistake must never produce. */
    public List<String> stackTraceLines() {
        return log.lines()
                .filter(l -> l.startsWith("\tat ") || l.matches("\\s+at [\\w$.]+\\(.*\\)"))
                .toList();
    }

    /** Throws with the whole log when the build failed. */
    public BuildResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("expected BUILD SUCCESS, exit code " + exitCode + ":\n" + log);
        }
        return this;
    }

    /** Throws with the whole log when the build did not fail with BUILD FAILURE. */
    public BuildResult assertFailure() {
        if (exitCode == 0 || !log.contains("BUILD FAILURE")) {
            throw new AssertionError("expected BUILD FAILURE, exit code " + exitCode + ":\n" + log);
        }
        return this;
    }
}
