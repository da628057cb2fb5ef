package io.github.assetgen.core.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The reports' JSON, written field by field into one buffer: no tree of nodes and no generator
 * library in between, which for 10,000 assets was most of what writing {@code report.json} cost in a
 * JVM that had not yet compiled any of it. The layout is Jackson's default pretty printer with a
 * two-space indent and "\n" everywhere, not the platform's line separator, so the file is the same on
 * every OS and the same as the reports written before. Strings are escaped as RFC 8259 requires
 * (quote, backslash, control characters); other characters are written as they are. Not
 * thread-safe: one per report. A name where a value belongs, a value where a name belongs, or an end
 * of the wrong kind is a bug of the report writer and throws {@link IllegalStateException}.
 */
final class JsonText {

    /** Jackson writes the escapes of control characters in upper case: {@code \\u001F}. */
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** A line break and the indent of each level the reports reach. */
    private static final String[] INDENTS = {"\n", "\n  ", "\n    ", "\n      ", "\n        ", "\n          "};

    private final StringBuilder text;
    /** Each field name quoted with its separator: a report writes the same dozen names 10,000 times. */
    private final Map<String, String> names = new HashMap<>();
    /** One entry per open container: true for an object. */
    private boolean[] objects = new boolean[8];
    /** The entries written so far into each open container. */
    private int[] entries = new int[8];

    private int depth;
    private boolean afterName;
    private boolean rootWritten;

    /** A writer for a small document. */
    JsonText() {
        this(1 << 12);
    }

    /** A writer whose buffer starts at {@code capacity} characters. */
    JsonText(int capacity) {
        text = new StringBuilder(capacity);
    }

    /** Starts the document's object, or an object in an array. */
    JsonText object() {
        beforeValue();
        open(true, '{');
        return this;
    }

    /** Starts an object field. */
    JsonText object(String name) {
        name(name);
        return object();
    }

    /** Ends the innermost object. */
    JsonText end() {
        close(true, '}');
        return this;
    }

    /** Starts an array field. */
    JsonText array(String name) {
        name(name);
        beforeValue();
        open(false, '[');
        return this;
    }

    /** Ends the innermost array. */
    JsonText endArray() {
        close(false, ']');
        return this;
    }

    /** A text element of an array; null is written as JSON null. */
    JsonText element(String value) {
        beforeValue();
        text(value);
        return this;
    }

    /** A text field; null is written as JSON null. */
    JsonText field(String name, String value) {
        value(name);
        text(value);
        return this;
    }

    /** An int field. */
    JsonText field(String name, int value) {
        value(name).append(value);
        return this;
    }

    /** A long field. */
    JsonText field(String name, long value) {
        value(name).append(value);
        return this;
    }

    /** A decimal field, as {@link BigDecimal#toString()} writes it. */
    JsonText field(String name, BigDecimal value) {
        value(name).append(value == null ? "null" : value.toString());
        return this;
    }

    /** A boolean field. */
    JsonText field(String name, boolean value) {
        value(name).append(value);
        return this;
    }

    /** A null field. */
    JsonText nullField(String name) {
        value(name).append("null");
        return this;
    }

    /** The document, ending with a line break; the writer's last call. */
    String text() {
        if (depth > 0) {
            // closing it quietly would move the fields after a missing end() elsewhere
            throw new IllegalStateException("a JSON " + (objects[depth - 1] ? "Object" : "Array") + " was left open");
        }
        return text.append('\n').toString();
    }

    private void name(String name) {
        if (depth == 0 || !objects[depth - 1] || afterName) {
            throw new IllegalStateException("a field name \"" + name + "\" where a value belongs");
        }
        separateEntry();
        String quoted = names.get(name);
        if (quoted == null) {
            int start = text.length();
            string(name);
            quoted = text.substring(start) + " : ";
            text.setLength(start);
            names.put(name, quoted);
        }
        text.append(quoted);
        afterName = true;
    }

    /** The field's name, then the buffer its value is appended to. */
    private StringBuilder value(String name) {
        name(name);
        beforeValue();
        return text;
    }

    /** A string, or JSON null. */
    private void text(String value) {
        if (value == null) {
            text.append("null");
        } else {
            string(value);
        }
    }

    /** Where a value goes: after a name in an object, as the next element of an array, or the root. */
    private void beforeValue() {
        if (depth == 0) {
            if (rootWritten) {
                throw new IllegalStateException("a second JSON document");
            }
            rootWritten = true;
        } else if (objects[depth - 1]) {
            if (!afterName) {
                throw new IllegalStateException("a value without a field name in a JSON Object");
            }
            afterName = false;
        } else {
            separateEntry();
        }
    }

    /** The comma and line break before every entry but the first of a container. */
    private void separateEntry() {
        if (entries[depth - 1]++ > 0) {
            text.append(',');
        }
        indent(depth);
    }

    private void open(boolean object, char bracket) {
        text.append(bracket);
        if (depth == objects.length) {
            objects = Arrays.copyOf(objects, depth * 2);
            entries = Arrays.copyOf(entries, depth * 2);
        }
        objects[depth] = object;
        entries[depth] = 0;
        depth++;
    }

    private void close(boolean object, char bracket) {
        if (depth == 0 || objects[depth - 1] != object || afterName) {
            throw new IllegalStateException(
                    "an end of a JSON " + (object ? "Object" : "Array") + " where none is open");
        }
        depth--;
        if (entries[depth] > 0) {
            indent(depth);
        } else {
            text.append(' ');
        }
        text.append(bracket);
    }

    private void indent(int level) {
        if (level < INDENTS.length) {
            text.append(INDENTS[level]);
            return;
        }
        text.append(INDENTS[INDENTS.length - 1]);
        for (int i = INDENTS.length - 1; i < level; i++) {
            text.append("  ");
        }
    }

    private void string(String value) {
        text.append('"');
        int start = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            text.append(value, start, i);
            start = i + 1;
            text.append('\\');
            switch (c) {
                case '"', '\\' -> text.append(c);
                case '\n' -> text.append('n');
                case '\r' -> text.append('r');
                case '\t' -> text.append('t');
                case '\b' -> text.append('b');
                case '\f' -> text.append('f');
                default -> text.append("u00").append(HEX.toHexDigits((byte) c));
            }
        }
        text.append(value, start, length).append('"');
    }
}
