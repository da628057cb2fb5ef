package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void acceptsMillisecondsSecondsMinutesAndHours() {
        assertThat(Durations.parse("pollInterval", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("pollInterval", "5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("timeout", " 2m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("timeout", "1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aValueWithoutUnitNamesTheParameterAndTheForm() {
        assertThatThrownBy(() -> Durations.parse("retryDelay", "10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryDelay '10' is not a duration: write a whole number with ms, s, m or h"
                        + " (e.g. 500ms, 5s, 2m)");
    }
}
