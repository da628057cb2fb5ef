package io.github.assetgen.core.report;

import io.github.assetgen.core.plan.Change;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.run.AssetResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Turns run results into the report records {@link ReportWriter} writes. Stateless. */
public final class RunReports {

    private RunReports() {}

    /** One outcome per result, in the same order. */
    public static List<AssetOutcome> outcomes(List<AssetResult> results) {
        return outcomes(results, OutputFacts.none());
    }

    /** One outcome per result, in the same order, with what the build found in the output directory. */
    public static List<AssetOutcome> outcomes(List<AssetResult> results, OutputFacts facts) {
        return results.stream().map(r -> outcome(r, facts)).toList();
    }

    /** The totals of these results. */
    public static ReportSummary summary(List<AssetResult> results, String spent, Duration took) {
        return summary(results, OutputFacts.none(), spent, took);
    }

    /** The totals of these results, counting the placeholder renders among the outputs. */
    public static ReportSummary summary(List<AssetResult> results, OutputFacts facts, String spent, Duration took) {
        return ReportSummary.of(outcomes(results, facts), spent, took.toMillis());
    }

    /**
     * What is known of each asset of a goal that stopped before running any: status {@code planned}
     * (nothing was run), the plan's cost, and the reason as message.
     */
    public static List<AssetOutcome> notRun(List<PlannedAsset> assets, String reason) {
        return assets.stream()
                .map(a -> planned(a.request(), a.key(), a.cost(), "not run: " + reason, change(a)))
                .toList();
    }

    /**
     * Validated assets that no plan was made for (a validation alone, or a build whose other specs have
     * errors): status {@code planned}, no key or cost, the reason as message.
     */
    public static List<AssetOutcome> validated(List<AssetRequest> requests, String reason) {
        String message = "not run: " + reason; // one text for 10,000 assets, not 10,000 copies
        return requests.stream().map(r -> planned(r, null, null, message, null)).toList();
    }

    /**
     * The assets of a plan that was only printed (plan-assets): status {@code planned}, the plan's
     * cost, and what the plan would do as message ({@code plan: generate}, with the plan's note).
     *
     * @param wording renders the advice markers of the plan's notes
     */
    public static List<AssetOutcome> planned(List<PlannedAsset> assets, UnaryOperator<String> wording) {
        return assets.stream()
                .map(a -> planned(
                        a.request(),
                        a.key(),
                        a.cost(),
                        "plan: " + a.action().label() + (a.note() == null ? "" : " (" + wording.apply(a.note()) + ")"),
                        null))
                .toList();
    }

    /** An asset nothing was run for: status {@code planned}, no files, nothing spent. */
    private static AssetOutcome planned(
            AssetRequest request, String key, Cost cost, String message, AssetOutcome.Change change) {
        return new AssetOutcome(
                request.id(),
                "planned",
                request.provider(),
                request.model(),
                request.type().specName(),
                request.prompt(),
                key,
                List.of(),
                cost,
                null,
                0,
                message,
                change);
    }

    /**
     * Writes the reports of a goal that stopped before running any asset: nothing was spent, and
     * every file of an older build is replaced.
     *
     * @param outcomes what is known of each asset; empty when the specs could not be read
     * @throws IOException when a report cannot be written
     */
    public static void writeStopped(Path reportDir, Path outputDir, List<AssetOutcome> outcomes, BuildFailure failure)
            throws IOException {
        ReportSummary summary = ReportSummary.of(outcomes, Spending.spent(List.of()), 0);
        new ReportWriter().write(reportDir, outputDir, outcomes, summary, failure);
    }

    private static AssetOutcome outcome(AssetResult result, OutputFacts facts) {
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
                result.message(),
                change(result.planned()),
                facts.placeholders().contains(result.id()),
                facts.candidates().getOrDefault(result.id(), List.of()),
                request.pick() == null ? 0 : request.pick().candidate());
    }

    /** What changed since the lock, as the reports show it; null when nothing did. */
    static AssetOutcome.Change change(PlannedAsset planned) {
        Change change = planned.change();
        return change == null
                ? null
                : new AssetOutcome.Change(
                        change.previousKey(), change.fields(), change.previousPrompt(), change.previousFiles());
    }
}
