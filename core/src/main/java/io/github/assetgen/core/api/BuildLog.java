package io.github.assetgen.core.api;

import io.github.assetgen.core.run.RunListener;

/**
 * Where core reports progress. The Maven plugin adapts Maven's log to it; tests collect lines.
 * Implementations must be thread-safe: assets run in parallel. It extends the runner's listener,
 * so the build passes its log to the runner as it is.
 */
public interface BuildLog extends RunListener {

    /**
     * A line for machines reading the output, printed as it is at the start of a line, without the
     * host's level prefix (GitHub's workflow commands); by default an info line.
     */
    default void plain(String line) {
        info(line);
    }

    /** A log that drops everything. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void error(String message) {}

            @Override
            public void debug(String message) {}
        };
    }
}
