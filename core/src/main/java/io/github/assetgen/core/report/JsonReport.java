package io.github.assetgen.core.report;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.specfile.Problem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code report.json}: every asset with status, key, files, cost and timing; stable field order. */
final class JsonReport {

    private JsonReport() {}

    /**
     * {@code {"amount": 6, "unit": "credits"}}, the lock's form: a plain amount, none for {@code
     * unknown}; null when there is no cost.
     */
    private static void putCost(JsonText json, String name, Cost cost) {
        if (cost == null) {
            json.nullField(name);
            return;
        }
        json.object(name);
        if (cost.unit() != Cost.Unit.UNKNOWN) {
            json.field(
                    "amount", new BigDecimal(cost.amount().stripTrailingZeros().toPlainString()));
        }
        json.field("unit", cost.unitName()).end();
    }

    /**
     * What changed since the lock, only on an asset whose request changed (so other assets read as
     * before): the fields, the previous key and prompt, and the previous files as copied beside the
     * report (paths relative to the report's directory).
     */
    private static void putChange(JsonText json, AssetOutcome outcome) {
        AssetOutcome.Change change = outcome.change();
        if (change == null) {
            return;
        }
        json.object("change").field("previousKey", change.previousKey()).array("fields");
        for (String field : change.fields()) {
            json.element(field);
        }
        json.endArray().field("previousPrompt", change.previousPrompt()).array("previousFiles");
        for (Path file : change.previousFiles()) {
            json.element(PreviousVersions.DIRECTORY + "/" + outcome.id() + "/" + file.getFileName());
        }
        json.endArray().end();
    }

    static String render(List<AssetOutcome> outcomes, ReportSummary summary, BuildFailure failure) {
        JsonText json = new JsonText(Markup.capacity(outcomes.size(), 512));
        json.object();
        if (failure != null) {
            // only a failed goal has the field, so a successful build's report is unchanged
            json.object("failure").field("message", failure.message()).array("problems");
            for (Problem problem : failure.problems()) {
                json.object()
                        .field("file", problem.position().source())
                        .field("line", problem.position().line())
                        .field("column", problem.position().column())
                        .field("asset", problem.assetId())
                        .field("rule", problem.ruleId())
                        .field("field", problem.field())
                        .field("severity", problem.isError() ? "error" : "warning")
                        .field("message", problem.message())
                        .end();
            }
            json.endArray().end();
        }
        json.object("summary").field("assets", summary.total());
        for (Map.Entry<String, Integer> count : summary.counts().entrySet()) {
            json.field(count.getKey(), count.getValue().intValue());
        }
        json.field("totalCost", summary.totalCost()).object("spent");
        for (Map.Entry<String, Cost> spent : summary.spentByProvider().entrySet()) {
            putCost(json, spent.getKey(), spent.getValue());
        }
        json.end()
                .field("durationMillis", summary.durationMillis())
                .field("placeholders", summary.placeholders())
                .end();
        json.array("assets");
        for (AssetOutcome outcome : outcomes) {
            json.object()
                    .field("id", outcome.id())
                    .field("status", outcome.status())
                    .field("provider", outcome.provider())
                    .field("model", outcome.model())
                    .field("type", outcome.type())
                    .field("prompt", outcome.prompt())
                    .field("key", outcome.key())
                    .array("files");
            for (OutcomeFile file : outcome.files()) {
                // the relative path only: the report stays the same wherever the project is checked out
                json.object()
                        .field("path", file.path())
                        .field("size", file.size())
                        .field("sha256", file.sha256())
                        .end();
            }
            json.endArray();
            putCost(json, "cost", outcome.cost());
            putCost(json, "spent", outcome.spent());
            json.field("durationMillis", outcome.durationMillis()).field("message", outcome.message());
            putChange(json, outcome);
            json.field("placeholder", outcome.placeholder());
            if (!outcome.candidates().isEmpty()) {
                json.array("candidates");
                for (int i = 0; i < outcome.candidates().size(); i++) {
                    OutcomeFile candidate = outcome.candidates().get(i);
                    json.object()
                            .field("number", i + 1)
                            .field("size", candidate.size())
                            .field("sha256", candidate.sha256())
                            .end();
                }
                json.endArray();
            }
            json.end();
        }
        return json.endArray().end().text();
    }
}
