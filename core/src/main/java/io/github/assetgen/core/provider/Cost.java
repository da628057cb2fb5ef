package io.github.assetgen.core.provider;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;

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

    /** The most digits before and after the point any price, balance or budget has: far more than any needs. */
    public static final int MAX_DIGITS = 18;

    /**
     * Whether {@code amount} has at most {@value #MAX_DIGITS} digits before and after the point. Asked
     * before anything else is done with it: 1E+300000000 written out is a number of 300 million digits.
     */
    public static boolean inRange(BigDecimal amount) {
        return amount.scale() <= MAX_DIGITS && amount.precision() - amount.scale() <= MAX_DIGITS;
    }

    public Cost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        // checked before the normalisation below: for 1E+300000000 it would build a number of 300
        // million digits, so a hostile answer or a damaged file would hold the build for minutes
        if (!inRange(amount)) {
            throw new IllegalArgumentException("an amount out of range: " + amount.precision() + " digits, "
                    + amount.scale() + " of them after the point (at most " + MAX_DIGITS + " before it and "
                    + MAX_DIGITS + " after)");
        }
        // one form per value (8, not 8.00 or 8E+0), so equal costs are equal records and write equal bytes
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
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

    /**
     * The sum of two costs in the same unit; free adds nothing, and anything plus unknown is
     * unknown.
     *
     * @throws IllegalArgumentException for credits plus dollars
     */
    public Cost plus(Cost other) {
        if (other.unit == Unit.FREE) {
            return this;
        }
        if (unit == Unit.FREE) {
            return other;
        }
        if (unit == Unit.UNKNOWN || other.unit == Unit.UNKNOWN) {
            return unknown();
        }
        if (unit != other.unit) {
            throw new IllegalArgumentException("cannot add " + format() + " and " + other.format());
        }
        return new Cost(amount.add(other.amount), unit);
    }

    /**
     * The share of this cost that {@code have} of {@code of} files carry: what a provider that charges
     * per delivered file takes for a partial batch.
     */
    public Cost share(int have, int of) {
        if (unit == Unit.UNKNOWN || unit == Unit.FREE || have == of) {
            return this;
        }
        return new Cost(
                amount.multiply(BigDecimal.valueOf(have))
                        .divide(BigDecimal.valueOf(of), MathContext.DECIMAL64)
                        .stripTrailingZeros(),
                unit);
    }

    /** The unit as the lock and report.json write it: {@code credits}, {@code usd}, {@code free}, {@code unknown}. */
    public String unitName() {
        return unit.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The cost written as {@code unitName} and {@code amount}; null for a unit name nobody knows.
     *
     * @param amount null for {@code unknown}
     */
    public static Cost of(String unitName, BigDecimal amount) {
        for (Unit u : Unit.values()) {
            if (u.name().equalsIgnoreCase(unitName)) {
                if (u == Unit.UNKNOWN || u == Unit.FREE) {
                    return u == Unit.FREE ? free() : unknown();
                }
                return amount == null ? null : new Cost(amount, u);
            }
        }
        return null;
    }

    /**
     * Reads a cost written as text by assetgen before costs were numbers ({@code "6 credits"},
     * {@code "1 credit"}, {@code "$0.0105"}, {@code "0.25 USD"}, {@code "free"}, {@code "price
     * unknown"}); anything else, or null, is unknown.
     */
    public static Cost parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.length() > 2 * MAX_DIGITS + 16) {
            return unknown(); // no figure of assetgen's is that long; parsing megabytes of digits would take long
        }
        try {
            if (t.equals("free")) {
                return free();
            }
            if (t.startsWith("$")) {
                return usd(new BigDecimal(t.substring(1).trim()));
            }
            if (t.endsWith(" usd")) {
                return usd(new BigDecimal(t.substring(0, t.length() - 4).trim()));
            }
            if (t.endsWith(" credits") || t.endsWith(" credit")) {
                return new Cost(
                        new BigDecimal(t.substring(0, t.lastIndexOf(' ')).trim()), Unit.CREDITS);
            }
        } catch (IllegalArgumentException e) {
            // not a figure (NumberFormatException), or out of range: unknown below
        }
        return unknown();
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

    @Override
    public String toString() {
        return format();
    }
}
