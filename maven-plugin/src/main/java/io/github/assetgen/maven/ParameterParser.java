package io.github.assetgen.maven;

import io.github.assetgen.core.provider.Cost;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parameters users write as text: budgets, durations and jobs in flight. Each failure is
 * an {@link IllegalArgumentException} naming the parameter and the accepted form. Stateless.
 */
final class ParameterParser {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    /** The longest duration accepted; a longer one is a typo, and past 292 years one overflows. */
    static final Duration MAX_DURATION = Duration.ofDays(7);

    private ParameterParser() {}

    /**
     * A budget: a plain decimal of 0 or more; Maven cannot convert BigDecimal parameters itself.
     *
     * @return the budget, or null when none is set
     */
    static BigDecimal budget(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (!Cost.inRange(value)) {
                // no budget needs more digits; 1e-1000000000 would take minutes to write in a message
                throw new IllegalArgumentException(parameter + " '" + text + "' has more than " + Cost.MAX_DIGITS
                        + " digits before or after the point; write the budget as a plain number (e.g. 200 or 1.50)");
            }
            if (value.signum() >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted form
        }
        throw new IllegalArgumentException(
                parameter + " '" + text + "' must be a number of 0 or more (e.g. 200 or 1.50)");
    }

    /** A duration: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
    static Duration duration(String parameter, String text) {
        Matcher matcher = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(parameter + " '" + text
                    + "' is not a duration: write a whole number with ms, s, m or h (e.g. 500ms, 5s, 2m)");
        }
        Duration value;
        try {
            long amount = Long.parseLong(matcher.group(1));
            value = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            value = null;
        }
        if (value != null && value.isZero()) {
            // a poll interval of 0 polls a provider in a tight loop, a retry delay of 0 drops the back-off
            throw new IllegalArgumentException(
                    parameter + " '" + text + "' is zero; give it a length (e.g. 500ms, 5s)");
        }
        if (value == null || value.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(parameter + " '" + text + "' is longer than " + MAX_DURATION.toDays()
                    + " days, the longest any wait of a build may be");
        }
        return value;
    }

    /** A duration that may be left out: null when {@code text} is null or blank. */
    static Duration optionalDuration(String parameter, String text) {
        return text == null || text.isBlank() ? null : duration(parameter, text);
    }

    /** A provider's jobs in flight: a whole number from 1 to 32. */
    static int maxJobs(String provider, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= 32) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("maxJobs of " + provider + " (" + PropertyNames.maxJobs(provider) + ") is '"
                + text + "'; it must be a whole number from 1 to 32");
    }
}
