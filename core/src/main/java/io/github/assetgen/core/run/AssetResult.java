package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import java.time.Duration;
import java.util.List;

/**
 * How one asset ended. Immutable.
 *
 * @param message the failure reason in the provider's words, or a note; null when there is none
 */
public record AssetResult(
        PlannedAsset planned,
        AssetStatus status,
        List<OutputFile> files,
        List<String> jobIds,
        Duration took,
        String message) {

    public AssetResult {
        files = List.copyOf(files);
        jobIds = List.copyOf(jobIds);
    }

    public String id() {
        return planned.id();
    }

    public boolean failed() {
        return status == AssetStatus.FAILED;
    }
}
