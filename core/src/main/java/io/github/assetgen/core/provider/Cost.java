package io.github.assetgen.core.provider;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request is expected to cost, in the provider's own unit.
 *
 * @param amount the amount in {@code unit}; zero for {@link Unit#UNKNOWN} and {@link Unit#FREE}
 */
public record Cost(BigDecimal amount, Unit unit) {

    /** The currency of a cost. */
    public enum Unit {
        /** useapi.net / hailuoai.video credits. */
        CREDITS,
        /** US dollars (APIXO). */
        USD,
        /** The provider documents no price. */
        UNKNOWN,
        /** Nothing is charged (placeholder renders). */
        FREE
    }

    public Cost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
    }

    public static Cost credits(long credits) {
        return new Cost(BigDecimal.valueOf(credits), Unit.CREDITS);
    }

    public static Cost usd(BigDecimal dollars) {
        return new Cost(dollars, Unit.USD);
    }

    public static Cost unknown() {
        return new Cost(BigDecimal.ZERO, Unit.UNKNOWN);
    }

    public static Cost free() {
        return new Cost(BigDecimal.ZERO, Unit.FREE);
    }

    /** "8 credits", "1 credit", "$0.0105", "price unknown" or "free". */
    public String format() {
        return switch (unit) {
            case CREDITS -> {
                String n = amount.stripTrailingZeros().toPlainString();
                yield n + (amount.compareTo(BigDecimal.ONE) == 0 ? " credit" : " credits");
            }
            case USD -> "$" + amount.stripTrailingZeros().toPlainString();
            case UNKNOWN -> "price unknown";
            case FREE -> "free";
        };
    }

    /**
     * Reads back what {@link #format()} wrote (the lock records costs that way).
     *
     * @return the cost, or empty for null or text {@code format()} never writes
     */
    public static Optional<Cost> parse(String formatted) {
        if (formatted == null) {
            return Optional.empty();
        }
        String text = formatted.trim();
        try {
            if (text.startsWith("$")) {
                return Optional.of(usd(new BigDecimal(text.substring(1))));
            }
            if (text.endsWith(" credits") || text.endsWith(" credit")) {
                return Optional.of(new Cost(new BigDecimal(text.substring(0, text.lastIndexOf(' '))), Unit.CREDITS));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return switch (text) {
            case "price unknown" -> Optional.of(unknown());
            case "free" -> Optional.of(free());
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return format();
    }
}
