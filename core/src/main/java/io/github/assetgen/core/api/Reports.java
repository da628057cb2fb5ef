package io.github.assetgen.core.api;

import io.github.assetgen.core.report.AssetOutcome;
import io.github.assetgen.core.report.OutcomeFile;
import io.github.assetgen.core.report.ReportSummary;
import io.github.assetgen.core.run.AssetResult;
import java.time.Duration;
import java.util.List;

/** Turns run results into the report package's records. Stateless. */
final class Reports {

    private Reports() {}

    static List<AssetOutcome> outcomes(List<AssetResult> results) {
        return results.stream().map(Reports::outcome).toList();
    }

    static ReportSummary summary(List<AssetResult> results, String spent, Duration took) {
        return ReportSummary.of(outcomes(results), spent, took.toMillis());
    }

    private static AssetOutcome outcome(AssetResult result) {
        var request = result.planned().request();
        List<OutcomeFile> files = result.files().stream()
                .map(f -> new OutcomeFile(f.relativePath(), f.path(), f.size(), f.sha256()))
                .toList();
        return new AssetOutcome(result.id(), result.status().label(), request.provider(), request.model(),
                request.type().specName(), request.prompt(), result.planned().key(), files,
                result.planned().cost().format(), result.took().toMillis(), result.message());
    }
}
