package io.github.assetgen.core.api;

/**
 * A build-stopping condition with a message meant for the user. Its two kinds tell the plugin how
 * to end the build: a {@link UserErrorException} is a mistake the user can fix in specs, parameters
 * or files (BUILD FAILURE); a {@link BuildFaultException} is a fault of the environment (BUILD
 * ERROR), whose cause is kept for {@code mvn -e}.
 */
public abstract sealed class AssetgenException extends Exception permits UserErrorException, BuildFaultException {

    private static final long serialVersionUID = 1L;

    AssetgenException(String message, Throwable cause) {
        super(message, cause);
    }
}
