package io.github.assetgen.core.api;

import java.time.Duration;

/**
 * Shows durations in the form users write them in parameters ({@code 500ms}, {@code 5s}, {@code 2m},
 * {@code 1h}); the plugin parses that form. Here only because the runner's messages use it.
 */
public final class Durations {

    private Durations() {}

    /** The form users write: {@code 30m}, {@code 5s}, {@code 500ms} (the largest unit that is exact). */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
