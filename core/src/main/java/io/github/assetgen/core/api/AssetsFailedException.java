package io.github.assetgen.core.api;

import io.github.assetgen.core.run.AssetResult;
import java.util.List;

/**
 * Some assets failed; everything else was generated or restored, cached and locked, and the
 * reports were written.
 */
public final class AssetsFailedException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final transient List<AssetResult> failures;

    /** @param failures the failed results, by id */
    AssetsFailedException(List<AssetResult> failures) {
        super(message(failures), null);
        this.failures = List.copyOf(failures);
    }

    /** The failed results, by id. */
    public List<AssetResult> failures() {
        return failures;
    }

    private static String message(List<AssetResult> failures) {
        StringBuilder message = new StringBuilder(failures.size() + " asset(s) failed:");
        for (AssetResult failure : failures) {
            message.append("\n  ").append(failure.id()).append(": ").append(failure.message());
        }
        message.append("\nEverything else was generated or restored, cached and locked.");
        return message.toString();
    }
}
