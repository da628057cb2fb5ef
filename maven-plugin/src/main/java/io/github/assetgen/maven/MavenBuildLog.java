package io.github.assetgen.maven;

import io.github.assetgen.core.api.BuildLog;
import java.io.PrintStream;
import org.apache.maven.plugin.logging.Log;

/**
 * Adapts Maven's log to core's {@link BuildLog}. Plain lines (GitHub's workflow commands) go to
 * standard output as they are: Maven's log would prefix them with {@code [INFO] }, and GitHub reads a
 * command only at the start of a line.
 */
final class MavenBuildLog implements BuildLog {

    private final Log log;
    private final PrintStream out;

    MavenBuildLog(Log log) {
        this(log, System.out);
    }

    MavenBuildLog(Log log, PrintStream out) {
        this.log = log;
        this.out = out;
    }

    @Override
    public void plain(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
