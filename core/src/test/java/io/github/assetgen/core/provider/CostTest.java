package io.github.assetgen.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostTest {

    @Test
    void aCostIsKeptInOneFormPerValue() {
        assertThat(Cost.usd(new BigDecimal("0.50"))).isEqualTo(Cost.usd(new BigDecimal("0.5")));
        assertThat(Cost.usd(new BigDecimal("8E+0")).format()).isEqualTo("$8");
        assertThat(new Cost(new BigDecimal("123456789012345678"), Cost.Unit.CREDITS).format())
                .isEqualTo("123456789012345678 credits");
    }

    @Test
    void anAmountNoPriceOrBalanceComesNearIsRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String amount :
                    new String[] {"1E+300000000", "1E-2147483647", "1234567890123456789", "0.1234567890123456789"}) {
                assertThatThrownBy(() -> Cost.usd(new BigDecimal(amount)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("an amount out of range");
            }
        });
    }

    @Test
    void aLegacyTextCostOfAbsurdSizeIsUnknown() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(Cost.parse("$1e300000000")).isEqualTo(Cost.unknown());
            assertThat(Cost.parse("9".repeat(1_000_000) + " credits")).isEqualTo(Cost.unknown());
        });
        assertThat(Cost.parse("6 credits")).isEqualTo(Cost.credits(6));
        assertThat(Cost.parse("$0.0105")).isEqualTo(Cost.usd(new BigDecimal("0.0105")));
    }
}
