package io.github.assetgen.core.specfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses the text of one spec file (YAML or JSON) into a {@link LocatedNode} tree with the
 * streaming parser, so every value keeps its line and column. Never throws for bad input: a
 * malformed file becomes one {@link Problem}. Thread-safe.
 */
final class SpecFileParser {

    /** The root (absent for an empty or unusable file), or the one problem that made the file unusable. */
    record Parsed(Optional<LocatedNode> root, Optional<Problem> problem) {}

    /** The longest alias name a message repeats; longer ones are cut (it may not be a spec at all). */
    private static final int MAX_ECHO = 24;

    /**
     * Parses {@code text}; {@code source} is the file name shown to the user.
     *
     * @param yaml true for YAML, false for JSON
     */
    Parsed parse(String text, boolean yaml, String source) {
        if (yaml) {
            Optional<LocatedNode> plain = PlainYaml.read(text, source);
            if (plain.isPresent()) {
                return new Parsed(plain, Optional.empty());
            }
        }
        return parseInFull(text, yaml, source);
    }

    /** {@link #parse} with the general parsers only, even for plain YAML; package-private for tests. */
    Parsed parseInFull(String text, boolean yaml, String source) {
        String format = yaml ? "YAML" : "JSON";
        try (JsonParser parser = yaml ? Yaml.FACTORY.createParser(text) : Json.FACTORY.createParser(text)) {
            TreeBuilder builder = new TreeBuilder(parser, source);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Parsed(Optional.empty(), Optional.empty());
            }
            LocatedNode root = builder.value(first);
            if (parser.nextToken() != null) {
                throw new Unsupported(
                        SpecRuleId.MULTIPLE_DOCUMENTS,
                        builder.tokenPosition(),
                        yaml
                                ? "a spec file holds one YAML document; move the document after '---' to its own file"
                                : "unexpected content after the end of the top-level object");
            }
            return new Parsed(Optional.of(root), Optional.empty());
        } catch (Unsupported e) {
            return failed(e.rule.error(null, e.position, null, e.getMessage()));
        } catch (JsonProcessingException e) {
            return failed(yaml ? malformedYaml(e, text, source) : malformedJson(e, text, source));
        } catch (IOException | RuntimeException e) {
            // Parsers signal some limits (sizes, nesting) with unchecked exceptions; still the user's input.
            return failed(SpecRuleId.MALFORMED.error(
                    null, Position.startOf(source), null, "malformed " + format + ": " + clean(e.getMessage())));
        }
    }

    private static Parsed failed(Problem problem) {
        return new Parsed(Optional.empty(), Optional.of(problem));
    }

    private static Problem malformedYaml(JsonProcessingException e, String text, String source) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            Mark problemMark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            Position position = problemMark == null ? location(e.getLocation(), source) : position(problemMark, source);
            Mark contextMark = marked.getContextMark();
            Optional<ParseMistakes.Explained> mistake = ParseMistakes.yaml(
                    text,
                    new ParseMistakes.Error(
                            marked.getProblem(),
                            position.line(),
                            position.column(),
                            marked.getContext(),
                            contextMark == null ? 0 : contextMark.getLine() + 1,
                            contextMark == null ? 0 : contextMark.getColumn() + 1));
            if (mistake.isPresent()) {
                return explained(mistake.get(), "YAML", source);
            }
            String problem = firstLine(marked.getProblem() != null ? marked.getProblem() : marked.getContext());
            StringBuilder message = new StringBuilder("malformed YAML: ")
                    .append(problem.isEmpty() ? "not valid YAML" : ParseMistakes.explain(problem));
            if (marked.getProblem() != null
                    && marked.getContext() != null
                    && contextMark != null
                    && !position(contextMark, source).equals(position)) {
                message.append(" (")
                        .append(scrub(firstLine(marked.getContext())))
                        .append(" started at line ")
                        .append(contextMark.getLine() + 1)
                        .append(", column ")
                        .append(contextMark.getColumn() + 1)
                        .append(')');
            }
            return SpecRuleId.MALFORMED.error(null, position, null, message.toString());
        }
        return SpecRuleId.MALFORMED.error(
                null, location(e.getLocation(), source), null, "malformed YAML: " + clean(e.getOriginalMessage()));
    }

    private static Problem malformedJson(JsonProcessingException e, String text, String source) {
        Position position = location(e.getLocation(), source);
        Optional<ParseMistakes.Explained> mistake = ParseMistakes.json(
                text,
                new ParseMistakes.Error(clean(e.getOriginalMessage()), position.line(), position.column(), null, 0, 0));
        if (mistake.isPresent()) {
            return explained(mistake.get(), "JSON", source);
        }
        Matcher token = Expressions.QUOTED_TOKEN.matcher(String.valueOf(e.getOriginalMessage()));
        if (token.find()) {
            // Jackson points after the token it quotes; the message no longer quotes it, so point at its start
            int length = token.group().length()
                    - token.group(1).length()
                    - token.group(2).length()
                    - 5;
            if (length > 0 && length < position.column()) {
                position = new Position(source, position.line(), position.column() - length);
            }
        }
        return SpecRuleId.MALFORMED.error(null, position, null, "malformed JSON: " + clean(e.getOriginalMessage()));
    }

    private static Problem explained(ParseMistakes.Explained mistake, String format, String source) {
        return SpecRuleId.MALFORMED.error(
                null,
                new Position(source, mistake.line(), mistake.column()),
                null,
                "malformed " + format + ": " + mistake.message());
    }

    /** Jackson's message without its "at [Source: ...]" and feature-name noise, on one line, in lower case. */
    private static String clean(String message) {
        if (message != null && message.startsWith("Expected a field name")) {
            return "a key must be plain text, not a list or mapping";
        }
        if (message == null || message.isBlank()) {
            return "not valid";
        }
        String text = Expressions.JACKSON_SOURCE.matcher(message).replaceAll("line $1, column $2");
        text = Expressions.JACKSON_INTERNALS.matcher(text).replaceAll("");
        text = firstLine(scrub(text));
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    /** The parser's message without the file's content it quotes (see {@link Expressions#QUOTED_TOKEN}). */
    static String scrub(String message) {
        String text = Expressions.QUOTED_TOKEN.matcher(message).replaceAll("$1: $2");
        text = Expressions.QUOTED_NUMBER.matcher(text).replaceAll("$1 $2");
        text = Expressions.UNQUOTED_TAIL.matcher(text).replaceAll("$1 (see the position)");
        Matcher quoted = Expressions.QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String kept =
                    Expressions.SAFE_QUOTE.matcher(quoted.group(1)).matches() ? quoted.group() : "(see the position)";
            quoted.appendReplacement(out, Matcher.quoteReplacement(kept));
        }
        quoted.appendTail(out);
        return out.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }

    private static String shortened(String token) {
        return token == null || token.length() <= MAX_ECHO ? token : token.substring(0, MAX_ECHO) + "...";
    }

    private static Position position(Mark mark, String source) {
        return new Position(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Position location(JsonLocation location, String source) {
        if (location == null || location.getLineNr() < 1) {
            return Position.startOf(source);
        }
        return new Position(source, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** A scalar as a node of the same type for YAML and JSON: text stays text, decimals become numbers. */
    private static JsonNode scalar(JsonToken token, String text) {
        switch (token) {
            case VALUE_NULL:
                return NullNode.getInstance();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return Expressions.BOOLEAN.matcher(text).matches()
                        ? BooleanNode.valueOf(token == JsonToken.VALUE_TRUE)
                        : TextNode.valueOf(text);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(text);
            default:
                return TextNode.valueOf(text == null ? "" : text);
        }
    }

    private static JsonNode number(String text) {
        if (Expressions.INTEGER.matcher(text).matches()) {
            BigInteger value = new BigInteger(text);
            if (value.bitLength() < Integer.SIZE) {
                return IntNode.valueOf(value.intValue());
            }
            return value.bitLength() < Long.SIZE ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
        }
        if (Expressions.DECIMAL.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return DoubleNode.valueOf(value);
            }
        }
        // Hex, octal, "1_000", "16:9" (YAML 1.1 base 60), ".inf": keep what the user wrote.
        return TextNode.valueOf(text);
    }

    /** Reads one value (recursively) from the parser's current token. Not thread-safe: one per file. */
    private static final class TreeBuilder {

        private final JsonParser parser;
        private final String source;

        TreeBuilder(JsonParser parser, String source) {
            this.parser = parser;
            this.source = source;
        }

        Position tokenPosition() {
            return location(parser.currentTokenLocation(), source);
        }

        LocatedNode value(JsonToken token) throws IOException {
            Position position = tokenPosition();
            if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                // Jackson hands an alias over as the anchor's name in plain text: a silent wrong value.
                throw new Unsupported(
                        SpecRuleId.ALIAS,
                        position,
                        "YAML aliases ('*" + shortened(parser.getText())
                                + "') are not supported; put shared fields in 'defaults'");
            }
            if (token == JsonToken.START_OBJECT) {
                return mapping(position);
            }
            if (token == JsonToken.START_ARRAY) {
                return sequence(position);
            }
            if (token == null || token.isStructEnd() || token == JsonToken.FIELD_NAME) {
                throw new Unsupported(SpecRuleId.MALFORMED, position, "unexpected end of the file");
            }
            return new LocatedNode.Scalar(scalar(token, parser.getText()), position);
        }

        private LocatedNode mapping(Position position) throws IOException {
            Map<String, LocatedNode.Entry> entries = new LinkedHashMap<>();
            List<LocatedNode.Entry> duplicates = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Position keyPosition = tokenPosition();
                LocatedNode value = value(parser.nextToken());
                LocatedNode.Mapping.add(entries, duplicates, new LocatedNode.Entry(key, keyPosition, value));
            }
            if (token != JsonToken.END_OBJECT) {
                throw new Unsupported(SpecRuleId.MALFORMED, tokenPosition(), "unexpected end of the file");
            }
            return new LocatedNode.Mapping(position, entries, duplicates);
        }

        private LocatedNode sequence(Position position) throws IOException {
            List<LocatedNode> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(value(token));
            }
            return new LocatedNode.Sequence(position, items);
        }
    }

    /**
     * The expressions of the general parsers' path, compiled on first use: a project whose files
     * are all plain YAML never needs them.
     */
    private static final class Expressions {

        /** YAML 1.2 core-schema decimals; Jackson also accepts YAML 1.1 forms (0x10, 1_000, .inf) we keep as text. */
        static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

        static final Pattern DECIMAL = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

        /** YAML 1.2 booleans; Jackson follows YAML 1.1, where yes/no/on/off are booleans too (the "Norway problem"). */
        static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");

        static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

        /** Advice aimed at Jackson users (feature flags, constraint classes), not at spec authors. */
        static final Pattern JACKSON_INTERNALS = Pattern.compile(
                ",? from `[^`]*`|: enable `[^`]*` to allow| \\(not recognized as one since Feature [^)]*\\)");

        /**
         * Parser messages that quote what was written: the quote goes, since the file may not be a
         * spec at all (a token file saved as {@code .json} would have its token printed). The position
         * already says where to look.
         */
        static final Pattern QUOTED_TOKEN = Pattern.compile("(?s)(Unrecognized token) '.*': (was expecting)");

        static final Pattern QUOTED_NUMBER = Pattern.compile("(?s)(Numeric value) \\(.*\\) (out of range)");
        static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'");
        static final Pattern UNQUOTED_TAIL =
                Pattern.compile("(?s)(found undefined tag handle|but found:|found unknown directive name)\\s.*");

        /** Quoted text kept in messages: single characters, parser token kinds and JSON literals. */
        static final Pattern SAFE_QUOTE =
                Pattern.compile(".?|<[a-z ]+>|null|true|false|[-+]?(NaN|Infinity|INF)|\\\\[a-z]|: |---");
    }

    /** Made on first use: a project whose files are all plain YAML never loads the general YAML parser. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    /** Made on first use, like {@link Yaml}. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** Valid input this reader chooses not to support; aborts the file with one problem. */
    private static final class Unsupported extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final SpecRuleId rule;
        final transient Position position;

        Unsupported(SpecRuleId rule, Position position, String message) {
            super(message, null, false, false);
            this.rule = rule;
            this.position = position;
        }
    }
}
