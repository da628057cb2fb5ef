package io.github.assetgen.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;

/**
 * The reports' JSON, written field by field with Jackson's streaming generator: no tree of nodes in
 * between and no data-binding mapper to start, which for 10,000 assets was most of what writing
 * {@code report.json} cost. Two-space indent and "\n" everywhere, not the platform's line separator,
 * so the file is the same on every OS. Not thread-safe: one per report. Its methods throw what the
 * generator throws; into a {@link StringWriter} that is only a wrong nesting.
 */
final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final StringWriter text = new StringWriter();
    private final JsonGenerator out;

    JsonText() throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        out = FACTORY.createGenerator(text)
                .setPrettyPrinter(
                        new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
    }

    /** Starts the document's object, or an object in an array. */
    JsonText object() throws IOException {
        out.writeStartObject();
        return this;
    }

    /** Starts an object field. */
    JsonText object(String name) throws IOException {
        out.writeObjectFieldStart(name);
        return this;
    }

    /** Ends the innermost object. */
    JsonText end() throws IOException {
        out.writeEndObject();
        return this;
    }

    /** Starts an array field. */
    JsonText array(String name) throws IOException {
        out.writeArrayFieldStart(name);
        return this;
    }

    /** Ends the innermost array. */
    JsonText endArray() throws IOException {
        out.writeEndArray();
        return this;
    }

    /** A text element of an array. */
    JsonText element(String value) throws IOException {
        out.writeString(value);
        return this;
    }

    /** A text field; null is written as JSON null. */
    JsonText field(String name, String value) throws IOException {
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
        return this;
    }

    /** An int field. */
    JsonText field(String name, int value) throws IOException {
        out.writeNumberField(name, value);
        return this;
    }

    /** A long field. */
    JsonText field(String name, long value) throws IOException {
        out.writeNumberField(name, value);
        return this;
    }

    /** A decimal field. */
    JsonText field(String name, BigDecimal value) throws IOException {
        out.writeNumberField(name, value);
        return this;
    }

    /** A boolean field. */
    JsonText field(String name, boolean value) throws IOException {
        out.writeBooleanField(name, value);
        return this;
    }

    /** A null field. */
    JsonText nullField(String name) throws IOException {
        out.writeNullField(name);
        return this;
    }

    /** The document, ending with a line break. */
    String text() throws IOException {
        if (!out.getOutputContext().inRoot()) {
            // the generator would close it quietly, moving the fields after a missing end() elsewhere
            throw new IllegalStateException("a JSON " + out.getOutputContext().typeDesc() + " was left open");
        }
        out.close();
        return text + "\n";
    }
}
