package io.github.assetgen.core.store;

import java.io.IOException;
import java.nio.file.Path;

/** {@code assets.lock.json} cannot be read; the message names the file, line and column and the fix. */
public final class LockFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    LockFileException(Path file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem
                + ". Fix the file or restore it from version control (git checkout -- " + file.getFileName()
                + "); without it the next generate-assets checks every asset against the cache again");
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem. */
    public int column() {
        return column;
    }
}
