package io.github.assetgen.core.run;

/**
 * What the runner tells the outside while it works. Today these are log lines; it is the runner's
 * own type (not the build's log) so that run never depends on the entry point, and so that progress
 * events (asset started, job submitted, polled, stored) can be added here as default methods.
 * Implementations must be thread-safe: assets run in parallel.
 */
public interface RunListener {

    void info(String message);

    void warn(String message);

    void error(String message);

    /** Detail for {@code mvn -X}; never given a token. */
    void debug(String message);

    /** A listener that drops everything. */
    static RunListener silent() {
        return new RunListener() {
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
