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

    /**
     * Like {@link #redact}, for a whole answer that is parsed afterwards. A token shorter than
     * {@value #DISTINCTIVE_LENGTH} characters (a placeholder, never a real key) could stand for
     * ordinary text inside the answer, a word or part of a file's address, which masking would
     * corrupt: it is left there, and only the messages made from the answer are cleaned of it.
     */
    public String redactAnswer(String text) {
        return value.length() < DISTINCTIVE_LENGTH ? text : redact(text);
    }

    /** The shortest token that cannot be ordinary text of an answer: real keys are far longer. */
    static final int DISTINCTIVE_LENGTH = 12;

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
