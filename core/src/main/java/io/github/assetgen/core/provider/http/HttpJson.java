package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.Cost;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one Jackson mapper for provider wire bodies, and small helpers to read them. Thread-safe. */
public final class HttpJson {

    // Lenient on purpose: providers add fields without notice, and useapi's userID exceeds 2^53,
    // so integers are read as long (never double) and unknown properties are ignored.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_LONG_FOR_INTS, true)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private HttpJson() {}

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Binds an answer to a wire record.
     *
     * @throws UnexpectedAnswerException when the answer does not have the record's shape
     */
    public static <T> T read(JsonNode body, Class<T> type) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new UnexpectedAnswerException("the answer is empty");
        }
        try {
            return MAPPER.treeToValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new UnexpectedAnswerException("the answer does not have the expected shape ("
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? j.getOriginalMessage()
                            : e.getMessage())
                    + ")");
        }
    }

    /** A text field, or null when it is absent, null or empty. Numbers are returned as text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.isEmpty() ? null : text;
    }

    /**
     * A sum of money from an answer: a JSON number, or a number written as text (MiniMax's balance),
     * as a cost in {@code unit}.
     *
     * @throws UnexpectedAnswerException naming {@code field} when the value is no number, or one out of
     *     any plausible range (which would otherwise take minutes to write out)
     */
    public static Cost money(JsonNode value, String field, Cost.Unit unit) {
        try {
            if (value != null && value.isNumber()) {
                if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
                    throw new UnexpectedAnswerException(field + " is not a finite number");
                }
                return new Cost(fraction(value.decimalValue()), unit);
            }
            String text =
                    value == null || !value.isTextual() ? "" : value.asText().trim();
            if (!text.isEmpty() && text.length() <= 64) {
                return new Cost(fraction(new BigDecimal(text)), unit);
            }
        } catch (IllegalArgumentException notAFigure) {
            // NumberFormatException, an infinite double, or out of range
            throw new UnexpectedAnswerException(field + " is not a usable amount: "
                    + ProviderMessages.shorten(String.valueOf(notAFigure.getMessage()), 200));
        }
        throw new UnexpectedAnswerException(field + " is not a number");
    }

    /**
     * A sum cut to the decimals a cost keeps ({@value Cost#MAX_DIGITS}): a nearly empty balance written as a double
     * (5.000000000007887E-4) has more, and is no less a balance. A fraction of absurd length is left
     * for the cost to refuse.
     */
    private static BigDecimal fraction(BigDecimal amount) {
        return amount.scale() > Cost.MAX_DIGITS && amount.scale() <= 1000
                ? amount.setScale(Cost.MAX_DIGITS, RoundingMode.DOWN)
                : amount;
    }
}
