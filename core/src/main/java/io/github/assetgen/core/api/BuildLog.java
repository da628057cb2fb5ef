package io.github.assetgen.core.api;

import io.github.assetgen.core.run.RunListener;

/**
 * Where core reports progress. The Maven plugin adapts Maven's log to it; tests collect lines.
 * Implementations must be thread-safe: assets run in parallel. It extends the runner's listener,
 * so the build passes its log to the runner as it is.
 */
public interface BuildLog extends RunListener {

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
