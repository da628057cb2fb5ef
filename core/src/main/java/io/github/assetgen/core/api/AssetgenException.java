package io.github.assetgen.core.api;

/**
 * A build-stopping condition with a message meant for the user. {@link #isUserError()} tells a
 * mistake the user can fix in specs or parameters (BUILD FAILURE) from a fault of the environment.
 */
public class AssetgenException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean userError;

    public AssetgenException(String message, boolean userError) {
        super(message);
        this.userError = userError;
    }

    public AssetgenException(String message, boolean userError, Throwable cause) {
        super(message, cause);
        this.userError = userError;
    }

    public boolean isUserError() {
        return userError;
    }
}
