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
        this(failures, null);
    }

    /**
     * @param failures the failed results, by id
     * @param advice what to do next, in the host's wording; null when the failures say it themselves
     */
    AssetsFailedException(List<AssetResult> failures, String advice) {
        super(message(failures) + (advice == null ? "" : "\n" + advice), null);
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
