package io.github.assetgen.core.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;

/** The one Jackson mapper for everything the store writes: stable, pretty, LF-only. Thread-safe. */
final class StoreJson {

    static final ObjectMapper MAPPER = createMapper();

    private static final DefaultPrettyPrinter PRINTER = createPrinter();

    private StoreJson() {}

    /** Pretty JSON with a trailing newline, identical bytes on every OS so committed files diff cleanly. */
    static byte[] toBytes(Object value) throws JsonProcessingException {
        String text = MAPPER.writer(PRINTER).writeValueAsString(value);
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = new ObjectMapper();
        // Newer versions may add fields; older ones must still read what they understand.
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // A duplicated asset id in a hand-merged lock file must not be silently dropped.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return mapper;
    }

    private static DefaultPrettyPrinter createPrinter() {
        // The default printer uses the platform line separator and writes "key" : value.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
