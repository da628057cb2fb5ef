package io.github.assetgen.core.specfile;

import java.util.Comparator;
import java.util.Objects;

/**
 * One mistake (or warning) found in the specs, pointing at the value that causes it. Immutable.
 *
 * <p>{@link #format()} gives the one-line form of the contract:
 * {@code src/main/assets/site.yaml:12:5: [hero] resolution '8K' is not supported by ...}.
 *
 * <p>Each problem names the rule that found it, so reports and tests can tell problems apart without
 * reading their wording. Rule ids read {@code <family>.<rule>} in lower case with dashes, such as
 * {@code model.unsupported-value}; the spec reader's are listed in {@link SpecRuleId}, the rule
 * book's in {@code io.github.assetgen.core.rules.RuleId}.
 *
 * @param assetId the asset the problem belongs to, or {@code null} for a file-level problem
 * @param ruleId the stable id of the rule that found the problem, e.g. {@code model.unsupported-value}
 * @param field the spec field or key the problem concerns, e.g. {@code resolution}, or {@code null}
 *     when it concerns a whole file or asset
 */
public record Problem(
        Position position, String assetId, Severity severity, String message, String ruleId, String field) {

    /** Orders problems by file, line, column, then message, so output is stable. */
    public static final Comparator<Problem> BY_POSITION = Comparator.comparing(
                    (Problem p) -> p.position().source())
            .thenComparingInt(p -> p.position().line())
            .thenComparingInt(p -> p.position().column())
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(ruleId, "ruleId");
    }

    public static Problem error(String ruleId, String field, Position position, String assetId, String message) {
        return new Problem(position, assetId, Severity.ERROR, message, ruleId, field);
    }

    public static Problem warning(String ruleId, String field, Position position, String assetId, String message) {
        return new Problem(position, assetId, Severity.WARNING, message, ruleId, field);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The contract's one-line form; warnings carry a {@code warning:} marker. */
    public String format() {
        String asset = assetId == null ? "" : "[" + assetId + "] ";
        String marker = severity == Severity.WARNING ? "warning: " : "";
        return oneLine(position + ": " + marker + asset + message);
    }

    /**
     * The line with its control characters written out ({@code \n}, {@code \u0007}): a file name or
     * key holding a line break would otherwise start a line of its own in the build log, where a CI
     * server may read it as a command of its own (GitHub's {@code ::error::}).
     */
    private static String oneLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isISOControl(line.charAt(i))) {
                StringBuilder clean = new StringBuilder(line.length() + 8);
                line.codePoints().forEach(c -> {
                    if (c == '\n') {
                        clean.append("\\n");
                    } else if (c == '\r') {
                        clean.append("\\r");
                    } else if (Character.isISOControl(c)) {
                        clean.append(String.format("\\u%04x", c));
                    } else {
                        clean.appendCodePoint(c);
                    }
                });
                return clean.toString();
            }
        }
        return line;
    }

    @Override
    public String toString() {
        return format();
    }
}
