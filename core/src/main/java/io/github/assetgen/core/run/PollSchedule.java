package io.github.assetgen.core.run;

import java.time.Duration;
import java.time.Instant;

/**
 * When to poll a running job next: at the provider's interval, or less often while the job's own
 * progress says it is far from done. One per job polled; not thread-safe.
 *
 * <p>Of our providers only useapi reports progress: an optional {@code percent}, 0 to 100, in
 * {@code GET /v1/minimax/videos/{id}} and {@code GET /v1/minimax/images/{id}}
 * (https://useapi.net/docs/api-minimax-v1/get-minimax-videos-videoId,
 * https://useapi.net/docs/api-minimax-v1/get-minimax-images-imageId). MiniMax's own query answers
 * only a status word (https://platform.minimax.io/docs/api-reference/video-generation-query) and
 * APIXO only {@code pending} or {@code processing} with the task's {@code createTime}
 * (https://apixo.ai/docs/api-reference/status-task). None documents an expected or remaining time,
 * so the schedule estimates one from the percent it sees rise.
 *
 * <p>After two answers with a rising percent, the time left is estimated from the rate observed
 * since the rise began: elapsed × (100 − p) / (p − p₀). The next poll comes after {@link #FRACTION}
 * of that estimate, at least the interval and at most {@link #LONGEST}. Halving the estimate each
 * time lands the polls before the estimated end, so a job that keeps its pace is still found within
 * one interval of its end; near the end, and whenever the percent is missing, stalls, falls, reads
 * 100 while the job runs or rises at under half the pace a stretched wait assumed, the interval
 * applies unchanged. A job that speeds up is found at most {@code FRACTION} of the estimate after it
 * ended, and never more than {@code LONGEST} late.
 */
final class PollSchedule {

    /** The share of the estimated time left waited before the next poll. */
    static final double FRACTION = 0.5;

    /** The longest wait an estimate may ask for: the most a job that sped up can be found late. */
    static final Duration LONGEST = Duration.ofSeconds(30);

    private final Duration interval;
    /** Where the current rise began: when it was asked, and its percent; null before a percent. */
    private Instant riseAsked;

    private int risePercent;
    private Instant lastAsked;
    private int lastPercent = -1;
    /** The pace the last wait was stretched for, in points per nanosecond; 0 when it was not. */
    private double expectedPace;

    PollSchedule(Duration interval) {
        this.interval = interval;
    }

    /**
     * The wait from {@code asked}, the moment the poll that answered {@code percent} was sent, to the
     * next poll. Fixed rate: the caller subtracts the time the poll itself took.
     *
     * @param percent the job's progress, 0 to 100, or null when the answer gave none
     */
    Duration next(Instant asked, Integer percent) {
        if (percent == null || percent < 0 || percent >= 100) {
            // no figure, or one that says done while the job runs: nothing to estimate from
            riseAsked = null;
            lastPercent = -1;
            expectedPace = 0;
            return interval;
        }
        if (riseAsked == null || percent <= lastPercent || slowerThanExpected(asked, percent)) {
            // a first figure, a stall, a fall, or a pace well under the one the last wait assumed
            // (a percent that only moves when asked would otherwise stretch every wait further):
            // the rise starts again here
            riseAsked = asked;
            risePercent = percent;
            lastAsked = asked;
            lastPercent = percent;
            expectedPace = 0;
            return interval;
        }
        lastAsked = asked;
        lastPercent = percent;
        expectedPace = 0;
        long elapsedNanos = nanosBetween(riseAsked, asked);
        if (elapsedNanos <= 0) {
            return interval;
        }
        double pace = (double) (percent - risePercent) / elapsedNanos;
        double waitNanos = (100 - percent) / pace * FRACTION;
        if (!(waitNanos > interval.toNanos())) {
            return interval;
        }
        expectedPace = pace;
        return waitNanos >= LONGEST.toNanos() ? max(LONGEST, interval) : Duration.ofNanos((long) waitNanos);
    }

    /** True when the rise since the last answer is under half the pace its stretched wait assumed. */
    private boolean slowerThanExpected(Instant asked, int percent) {
        if (expectedPace <= 0) {
            return false;
        }
        long nanos = nanosBetween(lastAsked, asked);
        return nanos > 0 && (percent - lastPercent) < expectedPace / 2 * nanos;
    }

    /** Nanoseconds from {@code from} to {@code to}, saturated: a clock that jumps centuries is no crash. */
    private static long nanosBetween(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        if (Math.abs(seconds) > 1_000_000_000L) {
            return seconds > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return Duration.between(from, to).toNanos();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
