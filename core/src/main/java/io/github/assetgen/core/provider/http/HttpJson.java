package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
}
