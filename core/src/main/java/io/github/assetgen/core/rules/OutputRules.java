package io.github.assetgen.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.AssetSpec;
import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecValue;
import java.util.List;

/**
 * Family {@code output}: the output name stays inside the output directory and has an extension of
 * the asset's type, no two assets write the same file, and a {@code pick} names a candidate the
 * request makes. Resolves the output file names and the pick.
 */
final class OutputRules implements RuleFamily {

    /** More files than any model returns for one request. */
    private static final int MAX_FILES = 64;

    @Override
    public void check(CheckedAsset a) {
        if (a.resolvable()) {
            a.outputs = outputs(a, a.type, a.rules);
            if (a.outputs != null && a.values.containsKey("pick")) {
                a.pick = pick(a, a.outputs.size());
            }
        }
    }

    /**
     * The candidate {@code pick} writes at the plain {@code output} name (no {@code -N}), or null
     * after reporting a pick outside 1 to the number of files one request makes.
     */
    private static AssetRequest.Pick pick(CheckedAsset a, int candidates) {
        JsonNode node = a.values.get("pick").node();
        if (node.canConvertToInt() && node.intValue() >= 1 && node.intValue() <= candidates) {
            String output = candidates == 1 ? a.outputs.get(0) : unnumbered(a.outputs.get(0));
            return new AssetRequest.Pick(node.intValue(), output);
        }
        String makes;
        if (a.type == AssetType.VIDEO) {
            makes = "a video request makes one video; remove pick";
        } else if (candidates == 1) {
            makes = (a.model == null ? "this request" : a.model) + " makes 1 image with quantity 1; set quantity"
                    + (a.rules == null || a.rules.maxQuantity() < 2 ? "" : " (up to " + a.rules.maxQuantity() + ")")
                    + " to choose among several, or remove pick";
        } else {
            makes = (a.model == null ? "this request" : a.model) + " makes " + candidates
                    + " candidates here (pick 1 to " + candidates + ")";
        }
        a.error(RuleId.OUTPUT_PICK_OUT_OF_RANGE, "pick", "pick " + node.asText() + " is out of range: " + makes);
        return null;
    }

    /** {@code img/hero-1.png} as {@code img/hero.png}: {@link Outputs#expand} numbered it. */
    private static String unnumbered(String first) {
        int dot = first.lastIndexOf('.');
        return first.substring(0, dot - "-1".length()) + first.substring(dot);
    }

    /**
     * The problem of an asset that writes a file another asset of the project already writes.
     *
     * @param written the name the file is written at, when its content makes it differ from {@code output}
     * @param otherOutput the other asset's output that is written at the same name
     */
    static Problem collision(AssetSpec asset, String output, String written, AssetSpec other, String otherOutput) {
        String mine = written.equals(output)
                ? "output '" + output + "'"
                : "output '" + output + "' (written as '" + written + "', since the placeholder renders PNG)";
        String theirs = written.equalsIgnoreCase(otherOutput) ? "" : " as '" + otherOutput + "'";
        return Problem.error(
                RuleId.OUTPUT_COLLISION.id(),
                "output",
                asset.positionOf("output"),
                asset.id(),
                mine + " is also written by asset '" + other.id() + "'" + theirs + " (" + other.positionOf("output")
                        + "); give one of them another output");
    }

    /**
     * An output whose path needs a folder where another asset writes a file, or the other way round:
     * one of the two can never be written.
     *
     * @param folder the path both claim, lower-cased: a folder of one and a file of the other
     */
    static Problem folderCollision(AssetSpec asset, String output, AssetSpec other, String otherOutput, String folder) {
        return Problem.error(
                RuleId.OUTPUT_COLLISION.id(),
                "output",
                asset.positionOf("output"),
                asset.id(),
                "output '" + output + "' and asset '" + other.id() + "'s output '" + otherOutput + "' ("
                        + other.positionOf("output") + ") both need '" + folder + "', one as a file and one as a"
                        + " folder; give one of them another output");
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
            if (a.spec.id() == null || !IdAndShapeRules.isValidId(a.spec.id())) {
                return null;
            }
            // an id such as 'nul' is valid, but not as a file name on Windows
            output = a.spec.id() + "." + type.defaultExtension();
        }
        try {
            name = Outputs.normalise(output, type);
        } catch (Outputs.InvalidOutput e) {
            a.error(e.rule, "output", e.getMessage());
            return null;
        }
        return Outputs.expand(name, Math.max(count, 1));
    }

    /**
     * The quantity asked for, 1 when not given (or not a usable number, already reported). The
     * model rules remove an out-of-range quantity; the cap here keeps a rule that forgot to from
     * naming billions of files.
     */
    static int quantity(CheckedAsset a) {
        SpecValue q = a.values.get("quantity");
        if (q == null || !q.node().canConvertToInt()) {
            return 1;
        }
        int quantity = q.node().intValue();
        return quantity < 1 || quantity > MAX_FILES ? 1 : quantity;
    }
}
