package io.github.assetgen.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.specfile.SpecValue;
import java.util.Optional;

/** Part of family {@code model}: the numbers of a placeholder asset, which no model's rules check. */
final class PlaceholderLimits {

    /** The most files one placeholder asset renders when the named model says nothing. */
    static final int MAX_QUANTITY = 16;

    /** The longest side the placeholder renders (it refuses larger ones at build time). */
    static final int MAX_SIDE = 8192;

    private PlaceholderLimits() {}

    /**
     * The placeholder checks no model, but renders every file it is asked for: without a cap,
     * {@code quantity: 2000000000} would exhaust memory naming the outputs. The named model's
     * range applies when another provider knows the model.
     */
    static void check(CheckedAsset a) {
        // only a model the spec names: the placeholder's own default is a borrowed name, not a choice
        Optional<ModelRules> named = a.text("model") == null
                ? Optional.empty()
                : a.catalog.all().stream()
                        .filter(m -> m.model().equals(a.model) && m.type() == a.type && m.maxQuantity() > 0)
                        .findFirst();
        int max = named.map(ModelRules::maxQuantity).orElse(MAX_QUANTITY);
        String what = named.map(m -> m.model() + " on the placeholder").orElse("the placeholder provider");
        SpecValue quantity = a.values.get("quantity");
        if (quantity != null) {
            JsonNode q = quantity.node();
            if (!q.canConvertToInt() || q.intValue() < 1 || q.intValue() > max) {
                a.error(
                        RuleId.MODEL_OUT_OF_RANGE,
                        "quantity",
                        "quantity " + q.asText() + " is out of range for " + what + " (supported: 1 to " + max + ")");
                a.values.remove("quantity");
            }
        }
        SpecValue seed = a.values.get("seed");
        if (seed != null && !seed.node().canConvertToLong()) {
            a.error(
                    RuleId.MODEL_OUT_OF_RANGE,
                    "seed",
                    "seed " + seed.node().asText() + " is out of range for the placeholder provider (supported: "
                            + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
            a.values.remove("seed");
        }
        String size = a.text("size");
        if (size != null) {
            Optional<int[]> wh = ModelCatalog.parseSize(size);
            if (wh.isEmpty()) {
                a.error(
                        RuleId.MODEL_MALFORMED_SIZE,
                        "size",
                        "size '" + size + "' is not WIDTHxHEIGHT; write it like 1024x1024 (or 1024*1024)");
                a.values.remove("size");
            } else if (Math.min(wh.get()[0], wh.get()[1]) < 1 || Math.max(wh.get()[0], wh.get()[1]) > MAX_SIDE) {
                a.error(
                        RuleId.MODEL_OUT_OF_RANGE,
                        "size",
                        "size '" + size + "' is out of range for " + what + " (each side 1 to " + MAX_SIDE + ")");
                a.values.remove("size");
            }
        }
    }
}
