package io.github.assetgen.core.provider.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper for tests: returns at once and remembers every delay it was asked for. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
    }

    public List<Duration> delays() {
        return List.copyOf(delays);
    }
}
