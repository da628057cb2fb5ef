package io.github.assetgen.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleeperTest {

    @Test
    void theSystemSleeperWaitsTheFractionOfAMillisecondItIsAskedForToo() throws Exception {
        // twenty waits of 1.9 ms: cut to the millisecond below, they took 20 ms; asked for, 38 ms
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            Sleeper.SYSTEM.sleep(Duration.ofNanos(1_900_000));
        }
        long elapsed = System.nanoTime() - start;

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(38).toNanos());
    }

    @Test
    void zeroAndNegativeWaitsReturnAtOnce() throws Exception {
        long start = System.nanoTime();
        Sleeper.SYSTEM.sleep(Duration.ZERO);
        Sleeper.SYSTEM.sleep(Duration.ofSeconds(-5));

        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(1).toNanos());
    }
}
