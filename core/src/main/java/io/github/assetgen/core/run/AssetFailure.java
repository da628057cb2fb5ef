package io.github.assetgen.core.run;

/** Ends one asset's work with a message for the user; the other assets go on. */
class AssetFailure extends Exception {

    private static final long serialVersionUID = 1L;

    AssetFailure(String message) {
        super(message);
    }

    AssetFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
