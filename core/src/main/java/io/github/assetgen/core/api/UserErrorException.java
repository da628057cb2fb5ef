package io.github.assetgen.core.api;

/** A mistake the user can fix in specs, parameters, settings or committed files: BUILD FAILURE. */
public abstract sealed class UserErrorException extends AssetgenException
        permits SpecErrorsException,
                BudgetExceededException,
                BalanceTooLowException,
                MissingTokenException,
                AssetsFailedException,
                LockFileDamagedException,
                LockedBuildException,
                UnknownAssetsException {

    private static final long serialVersionUID = 1L;

    UserErrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
