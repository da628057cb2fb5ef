package io.github.assetgen.core.report;

import io.github.assetgen.core.run.AssetResult;
import java.time.Duration;
import java.util.List;

/** Turns run results into the report records {@link ReportWriter} writes. Stateless. */
public final class RunReports {

    private RunReports() {}

    /** One outcome per result, in the same order. */
    public static List<AssetOutcome> outcomes(List<AssetResult> results) {
        return results.stream().map(RunReports::outcome).toList();
    }

    /** The totals of these results. */
    public static ReportSummary summary(List<AssetResult> results, String spent, Duration took) {
        return ReportSummary.of(outcomes(results), spent, took.toMillis());
    }

    private static AssetOutcome outcome(AssetResult result) {
        var request = result.planned().request();
        List<OutcomeFile> files = result.files().stream()
                .map(f -> new OutcomeFile(f.relativePath(), f.path(), f.size(), f.sha256()))
                .toList();
        return new AssetOutcome(
                result.id(),
                result.status().label(),
                request.provider(),
                request.model(),
                request.type().specName(),
                request.prompt(),
                result.planned().key(),
                files,
                result.cost(),
                result.spent(),
                result.took().toMillis(),
                result.message());
    }
}
