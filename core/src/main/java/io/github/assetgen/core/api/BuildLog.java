package io.github.assetgen.core.api;

/**
 * Where core reports progress. The Maven plugin adapts Maven's log to it; tests collect lines.
 * Implementations must be thread-safe: assets run in parallel.
 */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    void error(String message);

    /** Detail for {@code mvn -X}; never given a token. */
    void debug(String message);

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
