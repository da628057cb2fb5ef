package io.github.assetgen.core.provider;

import java.util.Objects;

/**
 * A token that never prints: {@link #toString()} is a fixed mask, so a token cannot leak through
 * string concatenation, a debug log of a configuration record, or an exception message.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The raw token, for the Authorization header only. */
    public String reveal() {
        return value;
    }

    /** Removes every occurrence of the token from a text (provider messages may echo it). */
    public String redact(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, "****");
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
