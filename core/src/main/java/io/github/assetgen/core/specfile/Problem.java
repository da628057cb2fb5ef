package io.github.assetgen.core.specfile;

import java.util.Comparator;
import java.util.Objects;

/**
 * One mistake (or warning) found in the specs, pointing at the value that causes it. Immutable.
 *
 * <p>{@link #format()} gives the one-line form of the contract:
 * {@code src/main/assets/site.yaml:12:5: [hero] resolution '8K' is not supported by ...}.
 *
 * @param assetId the asset the problem belongs to, or {@code null} for a file-level problem
 */
public record Problem(Position position, String assetId, Severity severity, String message) {

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
    }

    public static Problem error(Position position, String assetId, String message) {
        return new Problem(position, assetId, Severity.ERROR, message);
    }

    public static Problem warning(Position position, String assetId, String message) {
        return new Problem(position, assetId, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The contract's one-line form; warnings carry a {@code warning:} marker. */
    public String format() {
        String asset = assetId == null ? "" : "[" + assetId + "] ";
        String marker = severity == Severity.WARNING ? "warning: " : "";
        return position + ": " + marker + asset + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
