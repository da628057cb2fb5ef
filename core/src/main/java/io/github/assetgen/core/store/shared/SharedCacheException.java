package io.github.assetgen.core.store.shared;

/**
 * A shared cache that could not answer. The {@link Reason} tells the build what to do (an
 * unreachable cache is not a miss: what the lock records must not be bought again); the message
 * names the method and URL without credentials or query and never contains a password.
 */
public class SharedCacheException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the shared cache failed. */
    public enum Reason {
        /** 401 or 403: missing, wrong or insufficient credentials. */
        UNAUTHORIZED,
        /** A 5xx answer. */
        SERVER_ERROR,
        /** Any other answer the protocol does not expect (a 404 for a blob a manifest names, a 405...). */
        UNEXPECTED_STATUS,
        /** A connect, read, write or whole-call timeout. */
        TIMEOUT,
        /** Connection refused, unknown host, reset, TLS failure. */
        UNREACHABLE,
        /** A manifest that is not JSON of the known format, or describes another key. */
        BAD_MANIFEST,
        /** A fetched file unlike its manifest entry; see {@link SharedCacheVerificationException}. */
        VERIFICATION,
        /** A local file could not be read (for an upload) or written (for a fetch). */
        LOCAL_FILE
    }

    private final Reason reason;
    private final int httpStatus;

    public SharedCacheException(Reason reason, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the server answered, or 0 if the failure happened before or without one. */
    public int httpStatus() {
        return httpStatus;
    }
}
