package io.github.assetgen.core.api;

import io.github.assetgen.core.store.LockFileException;
import java.nio.file.Path;

/**
 * {@code assets.lock.json} cannot be read. A committed file the user (or a merge) damaged, so a
 * user error, with the file, line and column the message also names.
 */
public final class LockFileDamagedException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /** @param context what the build was doing, which starts the message */
    LockFileDamagedException(String context, LockFileException cause) {
        super(context + cause.getMessage(), cause);
        this.file = cause.file();
        this.line = cause.line();
        this.column = cause.column();
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
