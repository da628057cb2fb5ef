package io.github.assetgen.core.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file being written could not be: a local disk fault (full, read-only, no permission), told
 * apart from a failure reading the source, which a download may retry and a disk fault may not.
 */
public final class DestinationWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path destination;

    DestinationWriteException(Path destination, IOException cause) {
        super("cannot write " + destination + " (" + cause + ")", cause);
        this.destination = destination;
    }

    /** The file that could not be written. */
    public Path destination() {
        return destination;
    }

    /** The I/O failure of the destination. */
    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
