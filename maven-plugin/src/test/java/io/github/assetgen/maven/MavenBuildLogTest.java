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
}
