package io.github.assetgen.core.rules;

import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.AssetSpec;
import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecValue;
import java.util.List;

/**
 * Family {@code output}: the output name stays inside the output directory and has an extension of
 * the asset's type, and no two assets write the same file. Resolves the output file names.
 */
final class OutputRules implements RuleFamily {

    @Override
    public void check(CheckedAsset a) {
        if (a.resolvable()) {
            a.outputs = outputs(a, a.type, a.rules);
        }
    }

    /** The problem of an asset that writes a file another asset of the project already writes. */
    static Problem collision(AssetSpec asset, String output, AssetSpec other) {
        return Problem.error(
                RuleId.OUTPUT_COLLISION.id(),
                "output",
                asset.positionOf("output"),
                asset.id(),
                "output '" + output + "' is also written by asset '" + other.id() + "' (" + other.positionOf("output")
                        + "); give one of them another output");
    }

    private static List<String> outputs(CheckedAsset a, AssetType type, ModelRules rules) {
        int count = 1;
        if (type == AssetType.IMAGE) {
            int quantity = quantity(a);
            count = rules == null ? quantity : rules.filesFor(quantity);
        }
        String output = a.text("output");
        String name;
        if (output == null) {
            if (a.spec.id() == null || !IdAndShapeRules.ID.matcher(a.spec.id()).matches()) {
                return null;
            }
            name = a.spec.id() + "." + type.defaultExtension();
        } else {
            try {
                name = Outputs.normalise(output, type);
            } catch (Outputs.InvalidOutput e) {
                a.error(e.rule, "output", e.getMessage());
                return null;
            }
        }
        return Outputs.expand(name, Math.max(count, 1));
    }

    /** The quantity asked for, 1 when not given (or not a usable number, already reported). */
    static int quantity(CheckedAsset a) {
        SpecValue q = a.values.get("quantity");
        return q != null && q.node().canConvertToInt() ? q.node().intValue() : 1;
    }
}
