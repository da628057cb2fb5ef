package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * When a failed provider call is tried again, and how long to wait first: the product's one retry
 * rule, used for repeatable HTTP requests and for an asset's create, poll and download steps.
 *
 * <p>The wait is the provider's {@code Retry-After} when it sent one; else the base delay, doubled
 * per earlier failure up to 8 times for a request (an asset step keeps it flat), times a random
 * jitter for an asset step (1–2 for a fault, 1–3 for a rate limit, so that the jobs one busy account
 * turned away do not all come back at once). Only transient faults and rate limits are retried, at
 * most a number of times and never past the deadline. Immutable; thread-safe when its {@link Random}
 * is.
 */
public final class RetryPolicy {

    /**
     * How often a create request is sent after failures that took no job (nothing was sent, or the
     * provider's lists showed no job after an ambiguous answer), or a download is tried, before the
     * asset fails. A rate limit (429, MiniMax 1002) is not counted for a create: it means the
     * account's slots are busy with this build's other jobs, so it is waited out until the deadline.
     */
    public static final int ASSET_ATTEMPTS = 6;

    /**
     * The longest wait a provider's {@code Retry-After} can ask for: a year-long value would hold a
     * build's thread (and its job slot) hostage; past this the asset fails by its deadline instead.
     */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** For HTTP requests the back-off doubles per attempt up to this multiple of the base delay. */
    static final int MAX_BACKOFF_MULTIPLE = 8;

    /** One attempt of the request. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws ProviderException;
    }

    private final Duration baseDelay;
    private final int maxBackOffMultiple;
    private final int maxRetries;
    private final boolean rateLimitsCount;
    private final Random jitter;
    private final Clock clock;
    private final Instant deadline;
    private final Sleeper sleeper;

    private RetryPolicy(
            Duration baseDelay,
            int maxBackOffMultiple,
            int maxRetries,
            boolean rateLimitsCount,
            Random jitter,
            Clock clock,
            Instant deadline,
            Sleeper sleeper) {
        this.baseDelay = baseDelay;
        this.maxBackOffMultiple = maxBackOffMultiple;
        this.maxRetries = Math.max(0, maxRetries);
        this.rateLimitsCount = rateLimitsCount;
        this.jitter = jitter;
        this.clock = clock;
        this.deadline = deadline;
        this.sleeper = sleeper;
    }

    /**
     * For a repeatable request (GET, upload; creates never come here): the base delay doubling up to
     * {@value #MAX_BACKOFF_MULTIPLE} times, without jitter or deadline, every failure counted. The
     * asset step around the request holds the deadline.
     */
    static RetryPolicy forRequests(int maxRetries, Duration baseDelay, Sleeper sleeper) {
        return new RetryPolicy(
                baseDelay, MAX_BACKOFF_MULTIPLE, maxRetries, true, null, Clock.systemUTC(), null, sleeper);
    }

    /**
     * For one asset's steps: the base delay times the jitter, faults tried {@value #ASSET_ATTEMPTS}
     * times, rate limits waited out, no wait that ends after {@code deadline}.
     *
     * @param baseDelay the provider's configured retry delay (10 s by default)
     * @param deadline when the asset's timeout runs out
     */
    public static RetryPolicy forAsset(
            Duration baseDelay, Random jitter, Clock clock, Instant deadline, Sleeper sleeper) {
        return new RetryPolicy(baseDelay, 1, ASSET_ATTEMPTS - 1, false, jitter, clock, deadline, sleeper);
    }

    /** The same policy, with rate limits counted against the attempts like any fault. */
    public RetryPolicy countingRateLimits() {
        return new RetryPolicy(baseDelay, maxBackOffMultiple, maxRetries, true, jitter, clock, deadline, sleeper);
    }

    /**
     * What to do after {@code failure} ended attempt number {@code attempt} (from 1): the wait before
     * the next one, or empty to give up (not a transient fault, attempts used up, or the wait would end
     * after the deadline).
     */
    public Optional<Duration> next(ProviderException failure, int attempt) {
        // computed first, as it always was: the jitter draws one number per failure either way
        Duration wait = delay(failure, attempt);
        boolean counted = rateLimitsCount || failure.kind() != Kind.RATE_LIMITED;
        if (!isRetryable(failure) || (counted && attempt > maxRetries) || !fits(wait)) {
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    /** The provider's own delay, else the base delay grown for {@code attempt} (from 1) with jitter. */
    public Duration delay(ProviderException failure, int attempt) {
        if (failure.retryAfter() != null) {
            return failure.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : failure.retryAfter();
        }
        Duration grown = baseDelay.multipliedBy(Math.min(1L << Math.min(attempt - 1, 30), maxBackOffMultiple));
        if (jitter == null) {
            return grown;
        }
        double spread = failure.kind() == Kind.RATE_LIMITED ? 2 : 1;
        return Duration.ofMillis((long) (grown.toMillis() * (1 + spread * jitter.nextDouble())));
    }

    /**
     * Whether a wait of {@code wait} from now still ends by the deadline: this policy's own, or (for
     * a request policy, which has none) the deadline of the asset the thread works on.
     */
    public boolean fits(Duration wait) {
        if (deadline == null) {
            return CallDeadline.remaining()
                    .map(left -> wait.compareTo(left) <= 0)
                    .orElse(true);
        }
        return !clock.instant().plus(wait).isAfter(deadline);
    }

    static boolean isRetryable(ProviderException e) {
        // Transient faults and rate limits pass with time; everything else needs a person.
        return e.kind() == Kind.RETRYABLE || e.kind() == Kind.RATE_LIMITED;
    }

    /** Runs {@code attempt} until it succeeds or {@link #next} gives up; earlier failures are kept as suppressed. */
    <T> T run(Attempt<T> attempt) throws ProviderException {
        List<ProviderException> earlier = new ArrayList<>();
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (ProviderException e) {
                Optional<Duration> wait = next(e, number);
                if (wait.isEmpty()) {
                    earlier.forEach(e::addSuppressed);
                    throw e;
                }
                earlier.add(e);
                sleep(wait.get(), e);
            }
        }
    }

    private void sleep(Duration delay, ProviderException cause) throws ProviderException {
        try {
            // never past the asset's deadline, whatever the delay says
            sleeper.sleep(CallDeadline.cap(delay));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
