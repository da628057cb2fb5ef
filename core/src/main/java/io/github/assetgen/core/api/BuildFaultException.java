package io.github.assetgen.core.api;

/**
 * A fault of the environment, not of the specs: a file that cannot be read or written, an
 * interrupted build. BUILD ERROR; the cause is always kept.
 */
public final class BuildFaultException extends AssetgenException {

    private static final long serialVersionUID = 1L;

    BuildFaultException(String message, Throwable cause) {
        super(message, java.util.Objects.requireNonNull(cause, "cause"));
    }
}
