package io.github.assetgen.core.run;

import java.time.Duration;

/** Writes how long something took the way the build prints it: {@code 42 s}, {@code 3 min 5 s}, {@code 1 h 2 min}. */
public final class Elapsed {

    private Elapsed() {}

    /** Whole seconds, minutes and hours; under a second is {@code 0 s}. */
    public static String of(Duration took) {
        long seconds = Math.max(0, took.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            long s = seconds % 60;
            return seconds / 60 + " min" + (s == 0 ? "" : " " + s + " s");
        }
        long min = seconds / 60 % 60;
        return seconds / 3600 + " h" + (min == 0 ? "" : " " + min + " min");
    }
}
