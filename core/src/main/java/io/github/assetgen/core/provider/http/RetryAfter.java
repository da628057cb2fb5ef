package io.github.assetgen.core.provider.http;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads a provider's {@code Retry-After} header. Its value is the provider's word, so it is bounded
 * here: a year-long wait would hold the build's thread and the provider's job slot. Stateless.
 */
final class RetryAfter {

    private RetryAfter() {}

    /**
     * {@code Retry-After} as seconds or an HTTP date, at most {@link RetryPolicy#MAX_RETRY_AFTER}
     * (a number of any size, or a date years away, is that maximum); a negative, past or malformed
     * value means "use the configured delay".
     */
    static Duration parse(String header) {
        return parse(header, Clock.systemUTC());
    }

    static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank() || header.length() > 100) {
            return null;
        }
        String value = header.trim();
        if (value.isEmpty()) {
            return null; // only control characters, which trim() removes but isBlank() keeps
        }
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            // longer than 18 digits cannot be a long: it is a very long wait, not an error
            wait = value.length() > 18 ? RetryPolicy.MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(clock.instant(), date.toInstant());
            } catch (DateTimeException notADate) {
                return null;
            }
            if (wait.isNegative()) {
                return null;
            }
        }
        return wait.compareTo(RetryPolicy.MAX_RETRY_AFTER) > 0 ? RetryPolicy.MAX_RETRY_AFTER : wait;
    }
}
