package io.github.assetgen.core.provider.http;

import java.time.Duration;

/** Waits between retries; injected so tests run without waiting and can record the delays. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
