package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Repeats a repeatable request (GET, upload) on transient faults with exponential back-off from a
 * base delay, at most {@code maxRetries} times. Creates never come here. Thread-safe.
 */
final class RetryPolicy {

    /** Back-off doubles per attempt up to this multiple of the base delay. */
    static final int MAX_BACKOFF_MULTIPLE = 8;

    /** One attempt of the request. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws ProviderException;
    }

    private final int maxRetries;
    private final Duration baseDelay;
    private final Sleeper sleeper;

    RetryPolicy(int maxRetries, Duration baseDelay, Sleeper sleeper) {
        this.maxRetries = Math.max(0, maxRetries);
        this.baseDelay = baseDelay;
        this.sleeper = sleeper;
    }

    <T> T run(Attempt<T> attempt) throws ProviderException {
        List<ProviderException> earlier = new ArrayList<>();
        for (int retry = 0; ; retry++) {
            try {
                return attempt.run();
            } catch (ProviderException e) {
                if (!isRetryable(e) || retry >= maxRetries) {
                    earlier.forEach(e::addSuppressed);
                    throw e;
                }
                earlier.add(e);
                sleep(delay(retry, e), e);
            }
        }
    }

    static boolean isRetryable(ProviderException e) {
        // Transient faults and rate limits pass with time; everything else needs a person.
        return e.kind() == Kind.RETRYABLE || e.kind() == Kind.RATE_LIMITED;
    }

    Duration delay(int retry, ProviderException e) {
        if (e.retryAfter() != null) {
            return e.retryAfter();
        }
        return baseDelay.multipliedBy(Math.min(1L << Math.min(retry, 30), MAX_BACKOFF_MULTIPLE));
    }

    private void sleep(Duration delay, ProviderException cause) throws ProviderException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
