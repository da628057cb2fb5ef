package io.github.assetgen.core.provider.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; injected so tests run without waiting and can record the delays. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Sleeps with {@link Thread#sleep} at least the time asked (the JDK rounds a fraction of a
     * millisecond up), not the millisecond below it: polls keep a fixed rate by subtracting each
     * poll's own time, and a wait cut short by up to 1 ms each time drew them earlier and earlier,
     * until one landed just before a job's end and the next came a whole interval later.
     */
    Sleeper SYSTEM = duration -> {
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException beyondThreeCenturies) {
            nanos = Long.MAX_VALUE;
        }
        TimeUnit.NANOSECONDS.sleep(nanos); // returns at once for zero and negative waits
    };

    void sleep(Duration duration) throws InterruptedException;
}
