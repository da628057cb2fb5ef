package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParameterParserTest {

    @Test
    void acceptsMillisecondsSecondsMinutesAndHours() {
        assertThat(ParameterParser.duration("pollInterval", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ParameterParser.duration("pollInterval", "5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ParameterParser.duration("timeout", " 2m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ParameterParser.duration("timeout", "1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aValueWithoutUnitNamesTheParameterAndTheForm() {
        assertThatThrownBy(() -> ParameterParser.duration("retryDelay", "10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryDelay '10' is not a duration: write a whole number with ms, s, m or h"
                        + " (e.g. 500ms, 5s, 2m)");
    }

    @Test
    void anOptionalDurationLeftOutOrBlankIsNull() {
        assertThat(ParameterParser.optionalDuration("pollInterval", null)).isNull();
        assertThat(ParameterParser.optionalDuration("pollInterval", " ")).isNull();
        assertThat(ParameterParser.optionalDuration("pollInterval", "2s")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBudgetIsAPlainDecimalOfZeroOrMoreAndNullWhenLeftOut() {
        assertThat(ParameterParser.budget("maxUsd", " 1.50 ")).isEqualByComparingTo(new BigDecimal("1.50"));
        assertThat(ParameterParser.budget("maxCredits", "0")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(ParameterParser.budget("maxCredits", null)).isNull();
        assertThat(ParameterParser.budget("maxCredits", "")).isNull();
    }

    @Test
    void aNegativeOrNonNumericBudgetNamesTheParameterAndTheForm() {
        assertThatThrownBy(() -> ParameterParser.budget("maxCredits", "-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCredits '-1' must be a number of 0 or more (e.g. 200 or 1.50)");
        assertThatThrownBy(() -> ParameterParser.budget("maxUsd", "ten"))
                .hasMessage("maxUsd 'ten' must be a number of 0 or more (e.g. 200 or 1.50)");
    }

    @Test
    void aBudgetOfAbsurdSizeIsRefusedAtOnceNamingTheParameter() {
        // 1e-1000000000 passed as "0 or more", then took minutes and the heap to print
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThatThrownBy(() -> ParameterParser.budget("maxCredits", "1e-1000000000"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("maxCredits '1e-1000000000' has more than 18 digits");
            assertThatThrownBy(() -> ParameterParser.budget("maxUsd", "1e400")).hasMessageContaining("maxUsd");
        });
        assertThat(ParameterParser.budget("maxUsd", "0.005")).isEqualByComparingTo(new BigDecimal("0.005"));
    }

    @Test
    void aDurationTooLongForAnyWaitIsRefusedNamingTheParameter() {
        for (String text : new String[] {"9999999999999999h", "99999999999999999999s", "8000h"}) {
            assertThatThrownBy(() -> ParameterParser.duration("timeout", text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout '" + text + "' is longer than 7 days, the longest any wait of a build may be");
        }
        assertThat(ParameterParser.duration("timeout", "168h")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> ParameterParser.duration("pollInterval", "0ms"))
                .hasMessage("pollInterval '0ms' is zero; give it a length (e.g. 500ms, 5s)");
    }

    @Test
    void jobsInFlightAreAWholeNumberFromOneTo32() {
        assertThat(ParameterParser.maxJobs("useapi", " 1")).isEqualTo(1);
        assertThat(ParameterParser.maxJobs("useapi", "32")).isEqualTo(32);
        assertThatThrownBy(() -> ParameterParser.maxJobs("minimax", "33"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxJobs of minimax (assetgen.minimax.maxJobs) is '33'; it must be a whole number"
                        + " from 1 to 32");
        assertThatThrownBy(() -> ParameterParser.maxJobs("apixo", "many")).hasMessageContaining("'many'");
    }
}
