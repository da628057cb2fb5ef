package io.github.assetgen.core.run;

import java.time.Duration;

/** Writes a duration the way users write it in parameters, for messages that name the timeout. */
final class DurationText {

    private DurationText() {}

    /** {@code 30m}, {@code 5s}, {@code 500ms}: the largest unit that is exact. */
    static String of(Duration duration) {
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
