package io.github.assetgen.core.specfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the plain YAML most spec files are written in, without the general YAML parser, which
 * costs a large project more than all of assetgen's checks (README, Performance). "Plain" is a
 * strict subset: a mapping at the top; block mappings and lists; one-line flow mappings and lists;
 * one-line quoted and unquoted scalars; literal and folded block scalars without indentation or
 * keep indicators; comments. Anything else, or anything it is unsure of, makes it give up on the
 * whole file, and {@link SpecFileParser} reads it with the general parser, which also explains
 * every mistake: this reader never reports one.
 *
 * <p>Where it reads a file, it must build exactly the tree the general parser builds (the same
 * values, types and positions), because the tree decides every cache key: {@code
 * PlainYamlAgreesWithTheFullParserTest} holds it to that.
 */
final class PlainYaml {

    /** Larger files go to the general parser; far below its own limits (3 MB of code points). */
    private static final int MAX_LENGTH = 1 << 20;

    private static final int MAX_DEPTH = 32;

    /** What {@link #characters} found. */
    private static final int NOT_PLAIN = 0;

    private static final int ASCII = 1;
    private static final int UNICODE = 2;
    private static final int MAX_KEY_LENGTH = 200;

    private final String text;
    private final String source;
    private final int end;
    /** Whether every character is ASCII: then a column is a count of characters, not of code points. */
    private final boolean ascii;

    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private PlainYaml(String text, String source, boolean ascii) {
        this.text = text;
        this.source = source;
        this.end = text.length();
        this.ascii = ascii;
    }

    /** The file's tree, or empty when the file is not plain YAML (or is empty): then the general parser decides. */
    static Optional<LocatedNode> read(String text, String source) {
        int characters = text.length() > MAX_LENGTH ? NOT_PLAIN : characters(text);
        if (characters == NOT_PLAIN) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PlainYaml(text, source, characters == ASCII).document());
        } catch (NotPlain e) {
            return Optional.empty();
        }
    }

    /**
     * Only characters that mean the same to every YAML reader: no tab, no carriage return, no
     * control character, none of the line breaks YAML 1.1 adds (U+0085, U+2028, U+2029), no byte
     * order mark inside the text, no lone surrogate.
     */
    private static int characters(String text) {
        int kind = ASCII;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F || c == '\n') {
                continue;
            }
            if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
                return NOT_PLAIN;
            }
            kind = UNICODE;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return NOT_PLAIN;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return NOT_PLAIN;
            }
        }
        return kind;
    }

    private LocatedNode document() {
        skipEmptyLines();
        if (pos >= end || indentHere() != 0) {
            throw NotPlain.INSTANCE;
        }
        LocatedNode root = blockMapping(0);
        skipEmptyLines();
        if (pos < end) {
            throw NotPlain.INSTANCE;
        }
        return root;
    }

    // --- block structure -------------------------------------------------------------------

    /** A block mapping whose first key starts at {@code pos}, in column {@code indent} (0-based). */
    private LocatedNode blockMapping(int indent) {
        enter();
        Position position = here();
        Map<String, LocatedNode.Entry> entries = new LinkedHashMap<>();
        List<LocatedNode.Entry> duplicates = new ArrayList<>();
        while (true) {
            Position keyPosition = here();
            String key = key();
            pos++; // the ':', which key() found followed by a space or a line break
            LocatedNode value = blockValue(indent);
            LocatedNode.Mapping.add(entries, duplicates, new LocatedNode.Entry(key, keyPosition, value));
            skipEmptyLines();
            if (pos >= end) {
                break;
            }
            int next = indentHere();
            if (next < indent) {
                break;
            }
            if (next > indent || text.charAt(pos) == '-') {
                throw NotPlain.INSTANCE;
            }
        }
        depth--;
        return new LocatedNode.Mapping(position, entries, duplicates);
    }

    /** A block list whose first '-' is at {@code pos}, in column {@code indent}. */
    private LocatedNode blockSequence(int indent) {
        enter();
        Position position = here();
        List<LocatedNode> items = new ArrayList<>();
        while (true) {
            pos++; // the '-'
            if (pos < end && text.charAt(pos) != ' ' && text.charAt(pos) != '\n') {
                throw NotPlain.INSTANCE;
            }
            items.add(sequenceItem(indent));
            skipEmptyLines();
            if (pos >= end) {
                break;
            }
            int next = indentHere();
            if (next < indent || next == indent && !startsEntry()) {
                break;
            }
            if (next > indent) {
                throw NotPlain.INSTANCE;
            }
        }
        depth--;
        return new LocatedNode.Sequence(position, items);
    }

    private LocatedNode sequenceItem(int indent) {
        skipSpaces();
        if (atLineEnd()) {
            skipLineEnd();
            skipEmptyLines();
            if (pos < end) {
                int next = indentHere();
                if (next > indent) {
                    return nestedBlock(next);
                }
            }
            throw NotPlain.INSTANCE; // an empty item: rare, and where its position lies is the parser's business
        }
        if (startsKey()) {
            return blockMapping(column());
        }
        char c = text.charAt(pos);
        if (c == '-') {
            throw NotPlain.INSTANCE; // "- - x"
        }
        return inlineValue(indent);
    }

    /** The value after "key:", which may be on the same line or be a block on the lines below. */
    private LocatedNode blockValue(int indent) {
        // an empty value is where the ':' ends, as SnakeYAML places it
        Position empty = here();
        skipSpaces();
        if (!atLineEnd()) {
            return inlineValue(indent);
        }
        skipLineEnd();
        skipEmptyLines();
        if (pos < end) {
            int next = indentHere();
            if (next > indent || next == indent && startsEntry()) {
                return nestedBlock(next);
            }
        }
        return new LocatedNode.Scalar(NullNode.getInstance(), empty);
    }

    /** A block mapping or list starting at {@code pos}, the first non-space of its line. */
    private LocatedNode nestedBlock(int indent) {
        if (startsEntry()) {
            return blockSequence(indent);
        }
        if (startsKey()) {
            return blockMapping(indent);
        }
        throw NotPlain.INSTANCE; // e.g. a plain scalar continued on the next line
    }

    /** A value that starts on the current line, then the rest of the line. */
    private LocatedNode inlineValue(int parentIndent) {
        char c = text.charAt(pos);
        LocatedNode value;
        if (c == '|' || c == '>') {
            return blockScalar(parentIndent);
        }
        if (c == '{' || c == '[' || c == '"' || c == '\'') {
            value = flowValue();
        } else {
            Position position = here();
            value = new LocatedNode.Scalar(plainScalar(false), position);
        }
        skipSpaces();
        skipLineEnd();
        return value;
    }

    // --- flow structure (one line) ---------------------------------------------------------

    private LocatedNode flowValue() {
        if (pos >= end) {
            throw NotPlain.INSTANCE;
        }
        Position position = here();
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return flowMapping(position);
            case '[':
                return flowSequence(position);
            case '"':
                return new LocatedNode.Scalar(TextNode.valueOf(doubleQuoted()), position);
            case '\'':
                return new LocatedNode.Scalar(TextNode.valueOf(singleQuoted()), position);
            default:
                return new LocatedNode.Scalar(plainScalar(true), position);
        }
    }

    private LocatedNode flowMapping(Position position) {
        enter();
        pos++;
        Map<String, LocatedNode.Entry> entries = new LinkedHashMap<>();
        List<LocatedNode.Entry> duplicates = new ArrayList<>();
        skipSpaces();
        if (pos < end && text.charAt(pos) == '}') {
            pos++;
        } else {
            while (true) {
                Position keyPosition = here();
                String key = key();
                if (pos + 1 >= end || text.charAt(pos) != ':' || text.charAt(pos + 1) != ' ') {
                    throw NotPlain.INSTANCE;
                }
                pos += 2;
                skipSpaces();
                LocatedNode value = flowValue();
                LocatedNode.Mapping.add(entries, duplicates, new LocatedNode.Entry(key, keyPosition, value));
                if (flowNext('}')) {
                    break;
                }
            }
        }
        depth--;
        return new LocatedNode.Mapping(position, entries, duplicates);
    }

    private LocatedNode flowSequence(Position position) {
        enter();
        pos++;
        List<LocatedNode> items = new ArrayList<>();
        skipSpaces();
        if (pos < end && text.charAt(pos) == ']') {
            pos++;
        } else {
            while (true) {
                items.add(flowValue());
                if (flowNext(']')) {
                    break;
                }
            }
        }
        depth--;
        return new LocatedNode.Sequence(position, items);
    }

    /** After a flow entry: true at the closing bracket (consumed), false after a comma followed by an entry. */
    private boolean flowNext(char close) {
        skipSpaces();
        if (pos >= end) {
            throw NotPlain.INSTANCE;
        }
        char c = text.charAt(pos++);
        if (c == close) {
            return true;
        }
        if (c != ',') {
            throw NotPlain.INSTANCE;
        }
        skipSpaces();
        if (pos >= end || text.charAt(pos) == ',' || text.charAt(pos) == close) {
            throw NotPlain.INSTANCE; // an empty entry or a trailing comma
        }
        return false;
    }

    // --- scalars ---------------------------------------------------------------------------

    /**
     * A mapping key: a letter or '_' first, then letters, digits, '_' and '-', then a ':' followed
     * by a space or a line break. Leaves {@code pos} at the ':'.
     */
    private String key() {
        int colon = keyEnd();
        if (colon < 0 || colon - pos > MAX_KEY_LENGTH) {
            throw NotPlain.INSTANCE;
        }
        String key = text.substring(pos, colon);
        pos = colon;
        return key;
    }

    private boolean startsKey() {
        return keyEnd() >= 0;
    }

    /** Where the ':' after a key starting at {@code pos} is, or -1 when no key starts there. */
    private int keyEnd() {
        if (pos >= end) {
            return -1;
        }
        char c = text.charAt(pos);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')) {
            return -1;
        }
        int i = pos + 1;
        while (i < end && isKeyPart(text.charAt(i))) {
            i++;
        }
        boolean colon = i < end
                && text.charAt(i) == ':'
                && (i + 1 == end || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n');
        return colon ? i : -1;
    }

    private static boolean isKeyPart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /**
     * An unquoted scalar on one line: it starts with a letter or digit and holds no ':' and no
     * '#' (and, inside brackets, no bracket, comma or quote), so no reader could take it for a
     * key, a comment or an indicator.
     */
    private JsonNode plainScalar(boolean flow) {
        int start = pos;
        char first = text.charAt(pos);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first >= '0' && first <= '9')) {
            throw NotPlain.INSTANCE;
        }
        int last = pos; // exclusive end of the text without trailing spaces
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '\n') {
                break;
            }
            if (c == ' ') {
                if (pos + 1 < end && text.charAt(pos + 1) == '#') {
                    break; // a comment
                }
                pos++;
                continue;
            }
            if (c == ':' || c == '#') {
                throw NotPlain.INSTANCE;
            }
            if (flow) {
                if (c == ',' || c == ']' || c == '}') {
                    break;
                }
                if (c == '[' || c == '{' || c == '"' || c == '\'' || c == '?') {
                    throw NotPlain.INSTANCE;
                }
            }
            pos++;
            last = pos;
        }
        pos = last;
        return resolved(text.substring(start, last));
    }

    /**
     * What an unquoted scalar means, as the general parser reads it (YAML 1.1's resolver, then
     * {@link SpecFileParser}'s own reading of numbers and booleans): the null words, YAML 1.2
     * booleans, plain decimal integers, and text that no YAML 1.1 rule could read as anything
     * else. Anything that might be a number, a date or a YAML 1.1 special is left to the general
     * parser.
     */
    private static JsonNode resolved(String value) {
        switch (value) {
            case "null":
            case "Null":
            case "NULL":
                return NullNode.getInstance();
            case "true":
            case "True":
            case "TRUE":
                return BooleanNode.TRUE;
            case "false":
            case "False":
            case "FALSE":
                return BooleanNode.FALSE;
            default:
                break;
        }
        char first = value.charAt(0);
        if (first >= '0' && first <= '9') {
            if (isDecimalInteger(value)) {
                long number = Long.parseLong(value);
                return number == (int) number ? IntNode.valueOf((int) number) : LongNode.valueOf(number);
            }
            if (!hasCharacterNoNumberOrDateHas(value)) {
                throw NotPlain.INSTANCE;
            }
        }
        return TextNode.valueOf(value);
    }

    /** "0" or a digit other than 0 followed by at most 17 digits: a long, read alike by every YAML version. */
    private static boolean isDecimalInteger(String value) {
        int length = value.length();
        if (length > 18 || length > 1 && value.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the text holds a character outside every YAML 1.1 pattern for integers (binary,
     * octal, hex, base 60), floats and timestamps: such a text can only be a string.
     */
    private static boolean hasCharacterNoNumberOrDateHas(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean numeric = c >= '0' && c <= '9'
                    || c >= 'a' && c <= 'f'
                    || c >= 'A' && c <= 'F'
                    || "xXoObBtTzZ_.:+- ".indexOf(c) >= 0;
            if (!numeric) {
                return true;
            }
        }
        return false;
    }

    /** A double-quoted scalar on one line, with only the escapes \" \\ \n and \t. */
    private String doubleQuoted() {
        pos++;
        StringBuilder value = null;
        int start = pos;
        while (true) {
            if (pos >= end) {
                throw NotPlain.INSTANCE;
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String result = value == null
                        ? text.substring(start, pos)
                        : value.append(text, start, pos).toString();
                pos++;
                return result;
            }
            if (c == '\n') {
                throw NotPlain.INSTANCE;
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    throw NotPlain.INSTANCE;
                }
                char escaped = text.charAt(pos + 1);
                char meant = switch (escaped) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> throw NotPlain.INSTANCE;
                };
                if (value == null) {
                    value = new StringBuilder();
                }
                value.append(text, start, pos).append(meant);
                pos += 2;
                start = pos;
                continue;
            }
            pos++;
        }
    }

    /** A single-quoted scalar on one line; '' is one quote. */
    private String singleQuoted() {
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= end || text.charAt(pos) == '\n') {
                throw NotPlain.INSTANCE;
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < end && text.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                    continue;
                }
                return value.toString();
            }
            value.append(c);
        }
    }

    /**
     * A literal ('|') or folded ('>') block scalar, optionally stripped ('-'), whose lines all
     * share one indentation (a literal's may go deeper) and which ends with a line break.
     */
    private LocatedNode blockScalar(int parentIndent) {
        Position position = here();
        boolean literal = text.charAt(pos) == '|';
        pos++;
        boolean strip = pos < end && text.charAt(pos) == '-';
        if (strip) {
            pos++;
        }
        skipSpaces();
        if (pos >= end || text.charAt(pos) != '\n') {
            throw NotPlain.INSTANCE; // an indentation or keep indicator, a comment, or no content
        }
        newLine();
        // the content's indentation is its first line's; leading empty lines are kept as line
        // breaks, a rare case left to the general parser
        int indent = spacesEnd(pos) - pos;
        if (pos + indent >= end || text.charAt(pos + indent) == '\n') {
            throw NotPlain.INSTANCE;
        }
        if (indent <= parentIndent) {
            throw NotPlain.INSTANCE; // empty, or indented no deeper than its key
        }
        List<String> lines = new ArrayList<>();
        while (pos < end) {
            int after = spacesEnd(pos);
            int spaces = after - pos;
            boolean empty = after >= end || text.charAt(after) == '\n';
            if (empty) {
                if (spaces > indent) {
                    throw NotPlain.INSTANCE; // spaces that would be content
                }
                if (after >= end) {
                    pos = after;
                    break;
                }
                lines.add("");
                pos = after;
                newLine();
                continue;
            }
            if (spaces < indent) {
                break;
            }
            if (spaces > indent && !literal) {
                throw NotPlain.INSTANCE; // folding keeps line breaks around deeper lines
            }
            int lineEnd = text.indexOf('\n', after);
            if (lineEnd < 0) {
                throw NotPlain.INSTANCE; // the last line has no line break to keep or clip
            }
            lines.add(text.substring(pos + indent, lineEnd));
            pos = lineEnd;
            newLine();
        }
        // the line where it stopped is read again by the block that holds it
        pos = lineStart;
        int content = lines.size();
        while (content > 0 && lines.get(content - 1).isEmpty()) {
            content--;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < content; i++) {
            String current = lines.get(i);
            if (i > 0) {
                // folding joins two lines with a space; a run of empty lines is its line breaks alone
                if (literal || current.isEmpty()) {
                    value.append('\n');
                } else if (!lines.get(i - 1).isEmpty()) {
                    value.append(' ');
                }
            }
            value.append(current);
        }
        if (!strip && content > 0) {
            value.append('\n');
        }
        return new LocatedNode.Scalar(TextNode.valueOf(value.toString()), position);
    }

    // --- lines and positions ---------------------------------------------------------------

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw NotPlain.INSTANCE;
        }
    }

    private Position here() {
        return new Position(source, line, column() + 1);
    }

    private int column() {
        // SnakeYAML counts columns in code points
        return ascii ? pos - lineStart : text.codePointCount(lineStart, pos);
    }

    /** The indentation of the current line; moves {@code pos} to its first non-space. */
    private int indentHere() {
        pos = spacesEnd(lineStart);
        return pos - lineStart;
    }

    private boolean startsEntry() {
        return pos < end
                && text.charAt(pos) == '-'
                && (pos + 1 == end || text.charAt(pos + 1) == ' ' || text.charAt(pos + 1) == '\n');
    }

    private void skipSpaces() {
        pos = spacesEnd(pos);
    }

    /** The first index from {@code from} on that holds no space (or the end). */
    private int spacesEnd(int from) {
        int i = from;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** At the end of the line's content: its end, or a comment after a space. */
    private boolean atLineEnd() {
        return pos >= end
                || text.charAt(pos) == '\n'
                || text.charAt(pos) == '#' && pos > lineStart && text.charAt(pos - 1) == ' ';
    }

    /** Past the rest of the line, which must be empty or a comment. */
    private void skipLineEnd() {
        skipSpaces();
        if (!atLineEnd()) {
            throw NotPlain.INSTANCE;
        }
        toNextLine(pos);
    }

    /** Past empty lines and comment lines; leaves {@code pos} at the start of the next line with content. */
    private void skipEmptyLines() {
        while (pos < end) {
            int i = spacesEnd(pos);
            if (i < end && text.charAt(i) != '\n' && text.charAt(i) != '#') {
                return;
            }
            toNextLine(i);
        }
    }

    /** To the start of the line after the one {@code from} is on, or to the end of the text. */
    private void toNextLine(int from) {
        int lineEnd = text.indexOf('\n', from);
        if (lineEnd < 0) {
            pos = end;
            return;
        }
        pos = lineEnd;
        newLine();
    }

    /** {@code pos} is at a line break: steps over it to the next line. */
    private void newLine() {
        pos++;
        line++;
        lineStart = pos;
    }

    /** Thrown wherever the file leaves the plain subset; cheap, since it is common. */
    private static final class NotPlain extends RuntimeException {

        private static final long serialVersionUID = 1L;

        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }
}
