package io.github.assetgen.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.specfile.SpecValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a checked asset into its request: the resolved values plus the model's defaults. */
final class CheckedRequests {

    private CheckedRequests() {}

    /** The asset's request, when the rule families found no error and resolved everything. */
    static Optional<AssetRequest> of(CheckedAsset a) {
        if (!a.resolvable() || a.failed() || a.model == null || a.outputs == null) {
            return Optional.empty();
        }
        Map<String, Object> parameters = a.rules == null ? rawParameters(a) : parameters(a, a.rules);
        String account = a.text("account");
        CheckedAsset.Inputs inputs = a.inputs;
        return Optional.of(new AssetRequest(
                a.spec.id(),
                a.provider,
                a.type,
                a.model,
                a.prompt,
                parameters,
                inputs.references,
                inputs.character,
                inputs.firstFrame,
                inputs.endFrame,
                account,
                a.outputs,
                a.spec.position(),
                a.pick));
    }

    private static Map<String, Object> parameters(CheckedAsset a, ModelRules rules) {
        Map<String, Object> p = new LinkedHashMap<>();
        boolean sizeWins = a.values.containsKey("size")
                && !a.values.containsKey("resolution")
                && !a.values.containsKey("aspectRatio");
        if (rules.takes("aspectRatio") && !sizeWins) {
            p.put("aspectRatio", orDefault(a, "aspectRatio", rules.defaultAspectRatio()));
        }
        if (rules.takes("resolution") && !sizeWins) {
            p.put("resolution", orDefault(a, "resolution", rules.defaultResolution()));
        }
        if (rules.takes("quality")) {
            p.put("quality", orDefault(a, "quality", rules.defaultQuality()));
        }
        if (rules.takes("options")) {
            p.put("options", orDefault(a, "options", rules.defaultOption()));
        }
        if (rules.takes("quantity")) {
            p.put("quantity", rules.filesFor(OutputRules.quantity(a)));
        }
        if (a.values.containsKey("seed")) {
            p.put("seed", number(a.values.get("seed").node()));
        }
        if (sizeWins) {
            int[] wh = ModelCatalog.parseSize(a.text("size")).orElseThrow();
            p.put("size", ModelCatalog.roundTo8(wh[0]) + "x" + ModelCatalog.roundTo8(wh[1]));
        }
        SpecValue optimise = a.values.get("promptOptimization");
        p.put(
                "promptOptimization",
                optimise == null
                        ? rules.promptOptimizationDefault()
                        : optimise.node().booleanValue());
        return p;
    }

    /** The placeholder provider takes parameters as written: it checks nothing but their types. */
    private static Map<String, Object> rawParameters(CheckedAsset a) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String name : List.of(
                "aspectRatio", "resolution", "quality", "quantity", "seed", "size", "options", "promptOptimization")) {
            SpecValue value = a.values.get(name);
            if (value != null) {
                JsonNode node = value.node();
                p.put(
                        name,
                        node.isBoolean()
                                ? node.booleanValue()
                                : node.isIntegralNumber() ? number(node) : node.asText());
            }
        }
        return p;
    }

    private static Object number(JsonNode node) {
        return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
    }

    private static String orDefault(CheckedAsset a, String field, String dflt) {
        String value = a.text(field);
        return value != null ? value : dflt;
    }
}
