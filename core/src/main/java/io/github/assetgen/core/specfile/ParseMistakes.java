package io.github.assetgen.core.specfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part of {@link SpecFileParser}: the common mistakes behind a parser's error (a key indented too
 * little or too much, an unquoted {@code ': '} in a value, a trailing comma, an unclosed quote or
 * bracket), said in the author's terms with the fix. Reads the file's text around the error to tell
 * them apart, never quotes it (the file may not be a spec at all), and never throws: anything it
 * does not recognise keeps the parser's own wording.
 */
final class ParseMistakes {

    /** What the parser said, where, and (for an opened quote or bracket) where that started. */
    record Error(String problem, int line, int column, String context, int contextLine, int contextColumn) {}

    /** A rephrased error: where to point and what to say (after "malformed YAML: "). */
    record Explained(int line, int column, String message) {}

    private static final Pattern YAML_LINES = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");
    private static final Pattern JSON_LINES = Pattern.compile("\r\n|[\n\r]");
    private static final Pattern BLOCK_END =
            Pattern.compile("expected <block end>, but found '(\\?|<block [a-z]+ start>)'");
    private static final Pattern FLOW_END = Pattern.compile("expected ',' or '([\\]}])', but got .*");
    private static final Pattern JSON_CHAR = Pattern.compile("(?i)^unexpected character \\('(.)' \\(code (\\d+)\\)\\)");
    private static final Pattern JSON_START_MARKER = Pattern.compile(
            "expected close marker for (Object|Array) \\(start marker at line (\\d+), column (\\d+)\\)");
    private static final Pattern JSON_WRONG_CLOSE = Pattern.compile(
            "^unexpected close marker '(.)': expected '(.)' \\(for (?:Object|Array) starting at line (\\d+), column (\\d+)\\)");

    private static final Pattern RESERVED_START =
            Pattern.compile("^found character '([^'])' that cannot start any token");

    private ParseMistakes() {}

    /** SnakeYAML's wording for the usual mistakes says little to someone who is not a YAML expert. */
    static String explain(String problem) {
        problem = SpecFileParser.scrub(problem);
        if (problem.contains("(TAB)")) {
            return "a tab character cannot be used for indentation; indent with spaces";
        }
        Matcher reserved = RESERVED_START.matcher(problem);
        if (reserved.find()) {
            return "a value cannot start with '" + reserved.group(1) + "'; put the value in quotes";
        }
        if (problem.startsWith("expected <block end>, but found '<block")) {
            return "this line's indentation does not match the lines above it";
        }
        if (problem.equals("expected <block end>, but found '<scalar>'")) {
            return "unexpected text after a value; put the whole value in quotes";
        }
        if (problem.equals("mapping values are not allowed here")) {
            return problem + " (quote a value that contains ': ')";
        }
        return problem;
    }

    /** The YAML mistake behind a SnakeYAML error, when it is a common one. */
    static Optional<Explained> yaml(String text, Error error) {
        try {
            return Optional.ofNullable(yamlMistake(lines(text, YAML_LINES), error));
        } catch (RuntimeException e) {
            return Optional.empty(); // an unusual file: the parser's own words are still shown
        }
    }

    /** The JSON mistake behind a Jackson error, when it is a common one. */
    static Optional<Explained> json(String text, Error error) {
        try {
            return Optional.ofNullable(jsonMistake(lines(text, JSON_LINES), error));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Explained yamlMistake(List<String> lines, Error error) {
        String problem = error.problem() == null ? "" : error.problem();
        String context = error.context() == null ? "" : error.context();
        if (context.startsWith("while scanning a quoted scalar") && error.contextLine() > 0) {
            String quote =
                    charAt(lines, error.contextLine(), error.contextColumn()).orElse("\"");
            return new Explained(
                    error.contextLine(),
                    error.contextColumn(),
                    "the quote " + quote + " opened here is never closed, so the value runs on to the end of the file;"
                            + " end the value with " + quote + " on the same line");
        }
        Matcher flow = FLOW_END.matcher(problem);
        if (flow.matches() && error.contextLine() > 0) {
            boolean list = flow.group(1).equals("]");
            return new Explained(
                    error.contextLine(),
                    error.contextColumn(),
                    "the " + (list ? "'['" : "'{'") + " opened here is not closed before line " + error.line()
                            + ", column " + error.column() + "; close it with " + (list ? "']'" : "'}'")
                            + " on the same line"
                            + (list ? ", or write the list as lines starting with '- '" : ""));
        }
        if (BLOCK_END.matcher(problem).matches()) {
            return indentation(lines, error.line());
        }
        if (problem.equals("mapping values are not allowed here")) {
            String line = line(lines, error.line());
            int before = Math.min(Math.max(0, error.column() - 1), line.length());
            if (line.substring(0, before).contains(": ")) {
                return new Explained(
                        error.line(),
                        error.column(),
                        "a value holding ': ' must be in quotes: YAML reads this ': ' as a second key on the line;"
                                + " put the whole value in double quotes");
            }
            return indentation(lines, error.line());
        }
        return null;
    }

    /**
     * A line whose indentation fits no block above it. YAML nests by indentation, so the columns the
     * lines above open are the only ones a new line may start at.
     */
    private static Explained indentation(List<String> lines, int lineNumber) {
        String line = line(lines, lineNumber);
        int column = indent(line) + 1;
        boolean item =
                line.startsWith("- ", column - 1) || line.substring(column - 1).equals("-");
        Levels levels = levels(lines, lineNumber);
        if (levels.above() == 0) {
            return null;
        }
        String where = "this line starts at column " + column;
        if (!item && levels.items().contains(column)) {
            return new Explained(
                    lineNumber,
                    column,
                    where + ", where the list's '- ' items start, but it is no item; indent it to column "
                            + levels.above() + " to keep it with the fields above it (line " + levels.aboveLine()
                            + "), or start a new item with '- '");
        }
        if (item && !levels.items().isEmpty() && !levels.items().contains(column)) {
            int nearest = nearest(levels.items(), column);
            return new Explained(
                    lineNumber,
                    column,
                    where + ", but the '- ' items of the list above start at column " + nearest + "; move it to column "
                            + nearest);
        }
        if (column > levels.above()) {
            return new Explained(
                    lineNumber,
                    column,
                    where + ", indented more than the key above it (line " + levels.aboveLine() + ", column "
                            + levels.above() + "), which already has a value; move it to column " + levels.above()
                            + " to make it a field beside that key");
        }
        if (!levels.keys().contains(column)) {
            return new Explained(
                    lineNumber,
                    column,
                    where + ", which lines up with no key above it; indent it to column " + levels.above()
                            + " to keep it with the fields above it (line " + levels.aboveLine() + ")"
                            + parent(levels, column));
        }
        return null;
    }

    /** ", or to column 1 for a field one level up" when the block above sits directly in a mapping. */
    private static String parent(Levels levels, int column) {
        Integer lower = levels.keys().lower(column);
        Integer item = levels.items().lower(column);
        if (lower == null || (item != null && item > lower)) {
            return ""; // the block above is a list item: a shallower key would end the whole list
        }
        return ", or to column " + lower + " for a field one level up";
    }

    /** The columns that the lines above open: keys' and list items', and the key right above. */
    private record Levels(TreeSet<Integer> keys, TreeSet<Integer> items, int above, int aboveLine) {}

    private static Levels levels(List<String> lines, int lineNumber) {
        TreeSet<Integer> keys = new TreeSet<>();
        TreeSet<Integer> items = new TreeSet<>();
        int above = 0;
        int aboveLine = 0;
        int min = Integer.MAX_VALUE;
        for (int n = lineNumber - 1; n >= 1 && min > 0; n--) {
            String text = line(lines, n);
            String content = text.strip();
            if (content.isEmpty() || content.startsWith("#") || indent(text) >= min) {
                continue;
            }
            min = indent(text);
            int key = min + 1;
            // "- id: hero" opens two columns: the item's dash and its first key after "- "
            while (text.startsWith("- ", key - 1)) {
                items.add(key);
                key += 2 + indent(text.substring(key + 1));
            }
            keys.add(key);
            if (above == 0) {
                above = key;
                aboveLine = n;
            }
        }
        return new Levels(keys, items, above, aboveLine);
    }

    private static Explained jsonMistake(List<String> lines, Error error) {
        String problem = error.problem() == null ? "" : error.problem();
        if (problem.matches("(?is)illegal unquoted character \\(\\(CTRL-CHAR, code 1[03]\\)\\).*")) {
            return new Explained(
                    error.line(),
                    error.column(),
                    "a string is not closed before the end of the line; add the closing '\"' (a JSON string"
                            + " cannot span lines: write \\n for a line break)");
        }
        Matcher character = JSON_CHAR.matcher(problem);
        if (character.find()) {
            char found = (char) Integer.parseInt(character.group(2));
            if (found == '}' || found == ']') {
                int[] comma = previousSignificant(lines, error.line(), at(lines, error, found));
                if (comma != null && line(lines, comma[0]).charAt(comma[1] - 1) == ',') {
                    return new Explained(
                            comma[0],
                            comma[1],
                            "a comma before '" + found + "': JSON allows no comma after the last entry; remove it");
                }
            }
            if (problem.contains("was expecting double-quote to start field name")) {
                return new Explained(
                        error.line(),
                        error.column(),
                        "a key must be in double quotes in JSON, like \"prompt\": (single quotes are not JSON)");
            }
            if (problem.contains("was expecting comma to separate")) {
                return new Explained(
                        error.line(),
                        error.column(),
                        "a comma is missing before this entry; add ',' after the value before it");
            }
            if (found == '/' || found == '#') {
                return new Explained(
                        error.line(),
                        error.column(),
                        "JSON has no comments; remove it, or write the spec in YAML, where '#' starts a comment");
            }
        }
        Matcher open = JSON_START_MARKER.matcher(problem);
        if (problem.regionMatches(true, 0, "unexpected end-of-input", 0, 23) && open.find()) {
            boolean list = open.group(1).equals("Array");
            return new Explained(
                    Integer.parseInt(open.group(2)),
                    Integer.parseInt(open.group(3)),
                    "the " + (list ? "'['" : "'{'") + " opened here is never closed; add " + (list ? "']'" : "'}'")
                            + " where it ends");
        }
        Matcher wrong = JSON_WRONG_CLOSE.matcher(problem);
        if (wrong.find()) {
            return new Explained(
                    error.line(),
                    error.column(),
                    "this '" + wrong.group(1) + "' comes while the '" + opening(wrong.group(2)) + "' opened at line "
                            + wrong.group(3) + ", column " + wrong.group(4) + " is still open; add '"
                            + wrong.group(2) + "' before it");
        }
        return null;
    }

    private static String opening(String closing) {
        return closing.equals("]") ? "[" : "{";
    }

    /** The column of the character Jackson complains about: the one it points at, or the one before. */
    private static int at(List<String> lines, Error error, char found) {
        String text = line(lines, error.line());
        int column = error.column();
        if (column >= 2 && column - 2 < text.length() && text.charAt(column - 2) == found) {
            return column - 1;
        }
        return column;
    }

    /** Line and column (both from 1) of the last non-blank character before a position; null when none. */
    private static int[] previousSignificant(List<String> lines, int lineNumber, int column) {
        int n = lineNumber;
        int end = Math.min(column - 1, line(lines, n).length());
        while (n >= 1) {
            String text = line(lines, n);
            for (int i = Math.min(end, text.length()) - 1; i >= 0; i--) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return new int[] {n, i + 1};
                }
            }
            n--;
            end = Integer.MAX_VALUE;
        }
        return null;
    }

    private static int nearest(TreeSet<Integer> columns, int column) {
        Integer lower = columns.floor(column);
        Integer higher = columns.ceiling(column);
        if (lower == null) {
            return higher;
        }
        return higher == null || column - lower <= higher - column ? lower : higher;
    }

    private static Optional<String> charAt(List<String> lines, int line, int column) {
        String text = line(lines, line);
        return column >= 1 && column <= text.length()
                ? Optional.of(String.valueOf(text.charAt(column - 1)))
                : Optional.empty();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Line {@code n} (from 1), or "" past the end. */
    private static String line(List<String> lines, int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }

    private static List<String> lines(String text, Pattern breaks) {
        return new ArrayList<>(List.of(breaks.split(text, -1)));
    }
}
