package io.github.assetgen.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The reports' JSON, written field by field with Jackson's streaming generator: no tree of nodes in
 * between and no data-binding mapper to start, which for 10,000 assets was most of what writing
 * {@code report.json} cost. Two-space indent and "\n" everywhere, not the platform's line separator,
 * so the file is the same on every OS. Not thread-safe: one per report.
 */
final class JsonText implements AutoCloseable {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final StringWriter text = new StringWriter();
    private final JsonGenerator out;

    JsonText() {
        try {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            out = FACTORY.createGenerator(text)
                    .setPrettyPrinter(new DefaultPrettyPrinter()
                            .withObjectIndenter(indenter)
                            .withArrayIndenter(indenter));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the document's object, or an object in an array. */
    JsonText object() {
        return write(() -> out.writeStartObject());
    }

    /** Starts an object field. */
    JsonText object(String name) {
        return write(() -> out.writeObjectFieldStart(name));
    }

    /** Ends the innermost object. */
    JsonText end() {
        return write(() -> out.writeEndObject());
    }

    /** Starts an array field. */
    JsonText array(String name) {
        return write(() -> out.writeArrayFieldStart(name));
    }

    /** Ends the innermost array. */
    JsonText endArray() {
        return write(() -> out.writeEndArray());
    }

    /** A text element of an array. */
    JsonText element(String value) {
        return write(() -> out.writeString(value));
    }

    /** A text field; null is written as JSON null. */
    JsonText field(String name, String value) {
        return write(() -> {
            out.writeFieldName(name);
            if (value == null) {
                out.writeNull();
            } else {
                out.writeString(value);
            }
        });
    }

    /** An int field. */
    JsonText field(String name, int value) {
        return write(() -> out.writeNumberField(name, value));
    }

    /** A long field. */
    JsonText field(String name, long value) {
        return write(() -> out.writeNumberField(name, value));
    }

    /** A decimal field. */
    JsonText field(String name, BigDecimal value) {
        return write(() -> out.writeNumberField(name, value));
    }

    /** A boolean field. */
    JsonText field(String name, boolean value) {
        return write(() -> out.writeBooleanField(name, value));
    }

    /** A null field. */
    JsonText nullField(String name) {
        return write(() -> out.writeNullField(name));
    }

    /** The document, ending with a line break. */
    String text() {
        if (!out.getOutputContext().inRoot()) {
            // the generator would close it quietly, moving the fields after a missing end() elsewhere
            throw new IllegalStateException("a JSON " + out.getOutputContext().typeDesc() + " was left open");
        }
        close();
        return text + "\n";
    }

    @Override
    public void close() {
        write(out::close);
    }

    private JsonText write(Step step) {
        try {
            step.run();
            return this;
        } catch (IOException e) {
            // a StringWriter never fails; only a wrong nesting here could
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }
}
