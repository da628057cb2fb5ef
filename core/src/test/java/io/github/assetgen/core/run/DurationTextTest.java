package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void formatsInTheLargestExactUnit() {
        assertThat(DurationText.of(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(DurationText.of(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.of(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(DurationText.of(Duration.ofHours(2))).isEqualTo("2h");
    }
}
