package io.github.assetgen.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration BASE = Duration.ofSeconds(10);
    private static final Sleeper NO_WAIT = duration -> {};

    /** A jitter source that always draws the middle of its range. */
    private static final Random HALF = new Random() {
        @Override
        public double nextDouble() {
            return 0.5;
        }
    };

    private static RetryPolicy forAsset(Duration timeLeft) {
        return RetryPolicy.forAsset(BASE, HALF, CLOCK, NOW.plus(timeLeft), NO_WAIT);
    }

    private static ProviderException failure(Kind kind, int status, Duration retryAfter) {
        return new ProviderException(kind, "useapi", status, "busy", retryAfter, null);
    }

    @Test
    void anAssetWaitsOneToTwoBaseDelaysAfterAFaultAndOneToThreeAfterARateLimit() {
        RetryPolicy retry = forAsset(Duration.ofMinutes(30));

        assertThat(retry.next(failure(Kind.RETRYABLE, 503, null), 1)).hasValue(Duration.ofSeconds(15));
        assertThat(retry.next(failure(Kind.RATE_LIMITED, 429, null), 1)).hasValue(Duration.ofSeconds(20));
    }

    @Test
    void theProvidersRetryAfterIsWaitedAsItIs() {
        assertThat(forAsset(Duration.ofMinutes(30)).next(failure(Kind.RATE_LIMITED, 429, Duration.ofSeconds(25)), 3))
                .hasValue(Duration.ofSeconds(25));
    }

    @Test
    void anAssetTriesAFaultSixTimesButWaitsARateLimitOutUntilTheDeadline() {
        RetryPolicy retry = forAsset(Duration.ofMinutes(30));

        assertThat(retry.next(failure(Kind.RETRYABLE, 503, null), 5)).isPresent();
        assertThat(retry.next(failure(Kind.RETRYABLE, 503, null), RetryPolicy.ASSET_ATTEMPTS))
                .isEmpty();
        assertThat(retry.next(failure(Kind.RATE_LIMITED, 429, null), 100)).isPresent();
        assertThat(retry.countingRateLimits().next(failure(Kind.RATE_LIMITED, 429, null), 6))
                .isEmpty();
    }

    @Test
    void noWaitEndsAfterTheAssetsDeadline() {
        RetryPolicy retry = forAsset(Duration.ofSeconds(30));

        assertThat(retry.next(failure(Kind.RATE_LIMITED, 429, Duration.ofSeconds(30)), 1))
                .isPresent();
        assertThat(retry.next(failure(Kind.RATE_LIMITED, 429, Duration.ofSeconds(31)), 1))
                .isEmpty();
        assertThat(retry.fits(Duration.ofSeconds(31))).isFalse();
    }

    @Test
    void aFailureThatNeedsAPersonIsNeverRetried() {
        RetryPolicy retry = forAsset(Duration.ofMinutes(30));

        for (Kind kind : new Kind[] {Kind.REJECTED, Kind.PROVIDER_STOP, Kind.MAYBE_SUBMITTED}) {
            assertThat(retry.next(failure(kind, 400, null), 1)).as(kind.name()).isEmpty();
        }
    }

    @Test
    void aRequestDoublesItsWaitUpToEightTimesWithoutJitterOrDeadline() {
        RetryPolicy retry = RetryPolicy.forRequests(10, BASE, NO_WAIT);

        assertThat(retry.next(failure(Kind.RETRYABLE, 503, null), 1)).hasValue(Duration.ofSeconds(10));
        assertThat(retry.next(failure(Kind.RETRYABLE, 503, null), 3)).hasValue(Duration.ofSeconds(40));
        assertThat(retry.next(failure(Kind.RATE_LIMITED, 429, null), 5)).hasValue(Duration.ofSeconds(80));
        assertThat(retry.next(failure(Kind.RETRYABLE, 503, null), 11)).isEmpty();
    }
}
