package io.github.assetgen.core.provider.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The deadline of the asset the current thread works on, so that every HTTP call and every wait
 * inside a provider client ends by it without each {@code ProviderClient} method carrying it. Kept
 * on the monotonic clock: the runner's own (possibly fake) clock only says how much time is left
 * when the asset starts. Thread-confined; the runner sets it around one asset's work.
 */
public final class CallDeadline {

    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private CallDeadline() {}

    /** Runs {@code work} with a deadline {@code remaining} from now, restoring the previous one after. */
    public static <T> T within(Duration remaining, Callable<T> work) throws Exception {
        Long previous = DEADLINE_NANOS.get();
        long nanos = remaining.isNegative() ? 0 : saturatedNanos(remaining);
        DEADLINE_NANOS.set(System.nanoTime() + nanos);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                DEADLINE_NANOS.remove();
            } else {
                DEADLINE_NANOS.set(previous);
            }
        }
    }

    /** The time left on this thread's deadline (zero once passed), or empty when none is set. */
    public static Optional<Duration> remaining() {
        Long deadline = DEADLINE_NANOS.get();
        if (deadline == null) {
            return Optional.empty();
        }
        long left = deadline - System.nanoTime();
        return Optional.of(left <= 0 ? Duration.ZERO : Duration.ofNanos(left));
    }

    /** {@code wait} shortened to the time left, if a deadline is set. */
    public static Duration cap(Duration wait) {
        Optional<Duration> left = remaining();
        return left.isPresent() && left.get().compareTo(wait) < 0 ? left.get() : wait;
    }

    private static long saturatedNanos(Duration duration) {
        // a year-long timeout must not overflow into the past
        return duration.compareTo(Duration.ofDays(365 * 100)) > 0 ? Long.MAX_VALUE / 4 : duration.toNanos();
    }
}
