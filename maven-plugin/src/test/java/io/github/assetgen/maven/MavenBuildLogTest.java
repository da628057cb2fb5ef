package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Maven's log prefixes every line with its level; GitHub reads a workflow command only at a line's start. */
class MavenBuildLogTest {

    @Test
    void aPlainLineGoesToStandardOutputAsItIsAndNotThroughMavensLog() {
        CapturingLog log = new CapturingLog();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MavenBuildLog buildLog = new MavenBuildLog(log, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        buildLog.info("before");
        buildLog.plain("::error file=src/main/assets/a.yaml,line=1,col=1,title=spec.malformed::bad");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("::error file=src/main/assets/a.yaml,line=1,col=1,title=spec.malformed::bad"
                        + System.lineSeparator());
        assertThat(log.all()).containsExactly("info: before");
    }

    @Test
    void noLineOfAMessageCanBeRunAsAWorkflowCommand() {
        // a spec file or key named "x\n::warning title=Injected::", or a provider's words, reach
        // Maven's log, which prints the lines after the first as they are
        CapturingLog log = new CapturingLog();
        MavenBuildLog buildLog = new MavenBuildLog(log, new PrintStream(new ByteArrayOutputStream(), true));

        buildLog.error("a.yaml:1:1: bad\n  ::warning title=Injected::x\r::stop-commands::token");
        buildLog.info("one line ::not at the start");

        assertThat(String.join("\n", log.all()).lines())
                .noneMatch(line -> line.stripLeading().startsWith("::"))
                .contains("> " + "  ::warning title=Injected::x", "> ::stop-commands::token");
        assertThat(log.all()).contains("info: one line ::not at the start");
    }
}
