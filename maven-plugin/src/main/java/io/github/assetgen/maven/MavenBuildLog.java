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
        log.info(inert(message));
    }

    @Override
    public void warn(String message) {
        log.warn(inert(message));
    }

    @Override
    public void error(String message) {
        log.error(inert(message));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(inert(message));
        }
    }

    /**
     * The message with no line that GitHub would run as a workflow command: Maven prints the lines of
     * a message after the first as they are, and the runner reads any line starting with {@code ::}
     * (after spaces) as one, which text from a spec or a provider must never write. Only the
     * {@link #plain} lines are assetgen's own commands.
     */
    static String inert(String message) {
        if (message == null || (message.indexOf('\n') < 0 && message.indexOf('\r') < 0)) {
            return message;
        }
        String[] lines = message.split("\r\n|\r|\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith("::")) {
                lines[i] = "> " + lines[i];
            }
        }
        return String.join("\n", lines);
    }
}
