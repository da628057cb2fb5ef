package io.github.assetgen.core.specfile;

/**
 * Where a value was written: the spec file as shown to the user (relative to the project), a
 * 1-based line and a 1-based column. Immutable.
 */
public record Position(String source, int line, int column) {

    /** A position for problems that belong to a file as a whole (line 1, column 1). */
    public static Position startOf(String source) {
        return new Position(source, 1, 1);
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
