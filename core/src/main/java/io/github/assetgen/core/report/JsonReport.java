package io.github.assetgen.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.specfile.Problem;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** {@code report.json}: every asset with status, key, files, cost and timing; stable field order. */
final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {}

    /**
     * {@code {"amount": 6, "unit": "credits"}}, the lock's form: a plain amount, none for {@code
     * unknown}; null when there is no cost.
     */
    private static void putCost(ObjectNode parent, String name, Cost cost) {
        if (cost == null) {
            parent.putNull(name);
            return;
        }
        ObjectNode node = parent.putObject(name);
        if (cost.unit() != Cost.Unit.UNKNOWN) {
            node.put("amount", new BigDecimal(cost.amount().stripTrailingZeros().toPlainString()));
        }
        node.put("unit", cost.unitName());
    }

    /**
     * What changed since the lock, only on an asset whose request changed (so other assets read as
     * before): the fields, the previous key and prompt, and the previous files as copied beside the
     * report (paths relative to the report's directory).
     */
    private static void putChange(ObjectNode asset, AssetOutcome outcome) {
        AssetOutcome.Change change = outcome.change();
        if (change == null) {
            return;
        }
        ObjectNode node = asset.putObject("change");
        node.put("previousKey", change.previousKey());
        ArrayNode fields = node.putArray("fields");
        change.fields().forEach(fields::add);
        node.put("previousPrompt", change.previousPrompt());
        ArrayNode files = node.putArray("previousFiles");
        change.previousFiles()
                .forEach(f -> files.add(PreviousVersions.DIRECTORY + "/" + outcome.id() + "/" + f.getFileName()));
    }

    static String render(List<AssetOutcome> outcomes, ReportSummary summary, BuildFailure failure) {
        ObjectNode root = MAPPER.createObjectNode();
        if (failure != null) {
            // only a failed goal has the field, so a successful build's report is unchanged
            ObjectNode failed = root.putObject("failure");
            failed.put("message", failure.message());
            ArrayNode problems = failed.putArray("problems");
            for (Problem problem : failure.problems()) {
                problems.addObject()
                        .put("file", problem.position().source())
                        .put("line", problem.position().line())
                        .put("column", problem.position().column())
                        .put("asset", problem.assetId())
                        .put("rule", problem.ruleId())
                        .put("field", problem.field())
                        .put("severity", problem.isError() ? "error" : "warning")
                        .put("message", problem.message());
            }
        }
        ObjectNode totals = root.putObject("summary");
        totals.put("assets", summary.total());
        for (Map.Entry<String, Integer> count : summary.counts().entrySet()) {
            totals.put(count.getKey(), count.getValue());
        }
        totals.put("totalCost", summary.totalCost());
        ObjectNode spent = totals.putObject("spent");
        summary.spentByProvider().forEach((provider, cost) -> putCost(spent, provider, cost));
        totals.put("durationMillis", summary.durationMillis());
        totals.put("placeholders", summary.placeholders());
        ArrayNode assets = root.putArray("assets");
        for (AssetOutcome outcome : outcomes) {
            ObjectNode asset = assets.addObject();
            asset.put("id", outcome.id());
            asset.put("status", outcome.status());
            asset.put("provider", outcome.provider());
            asset.put("model", outcome.model());
            asset.put("type", outcome.type());
            asset.put("prompt", outcome.prompt());
            asset.put("key", outcome.key());
            ArrayNode files = asset.putArray("files");
            for (OutcomeFile file : outcome.files()) {
                // the relative path only: the report stays the same wherever the project is checked out
                files.addObject()
                        .put("path", file.path())
                        .put("size", file.size())
                        .put("sha256", file.sha256());
            }
            putCost(asset, "cost", outcome.cost());
            putCost(asset, "spent", outcome.spent());
            asset.put("durationMillis", outcome.durationMillis());
            asset.put("message", outcome.message());
            putChange(asset, outcome);
            asset.put("placeholder", outcome.placeholder());
            if (!outcome.candidates().isEmpty()) {
                ArrayNode candidates = asset.putArray("candidates");
                for (int i = 0; i < outcome.candidates().size(); i++) {
                    OutcomeFile candidate = outcome.candidates().get(i);
                    candidates
                            .addObject()
                            .put("number", i + 1)
                            .put("size", candidate.size())
                            .put("sha256", candidate.sha256());
                }
            }
        }
        return pretty(root);
    }

    /**
     * A JSON report's text: two-space indent and "\n" everywhere, not the platform's line separator,
     * so the file is the same on every OS.
     */
    static String pretty(ObjectNode root) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
