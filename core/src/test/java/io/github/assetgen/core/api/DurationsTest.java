package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Parsing moved to the plugin (ParameterParserTest); the runner's messages still format here. */
class DurationsTest {

    @Test
    void formatsInTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
    }
}
