package io.github.assetgen.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.AssetSpec;
import io.github.assetgen.core.specfile.DidYouMean;
import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecFields;
import io.github.assetgen.core.specfile.SpecValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Family {@code asset}: the id, the type of every known field's value, the asset type and the
 * provider. Resolves the type and provider for the families after it.
 */
final class IdAndShapeRules implements RuleFamily {

    /** What an id may be, as the JSON schema states it. */
    static final String ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    /**
     * Whether {@code id} matches {@link #ID_PATTERN}; checked character by character, because a
     * regular expression per asset was a tenth of validating 10,000 of them in a fresh JVM.
     */
    static boolean isValidId(String id) {
        int length = id.length();
        if (length == 0 || length > 64) {
            return false;
        }
        char first = id.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= '0' && first <= '9'))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            if (!isIdCharacter(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }

    /** The type each asset field must have; one lookup per field of every asset. */
    private enum Shape {
        INTEGER,
        BOOLEAN,
        LIST,
        TEXT
    }

    private static final Map<String, Shape> SHAPES = shapes();

    private static Map<String, Shape> shapes() {
        Map<String, Shape> shapes = new HashMap<>();
        for (String field : SpecFields.ASSET_FIELDS) {
            shapes.put(field, Shape.TEXT);
        }
        shapes.put("quantity", Shape.INTEGER);
        shapes.put("seed", Shape.INTEGER);
        shapes.put("pick", Shape.INTEGER);
        shapes.put("promptOptimization", Shape.BOOLEAN);
        shapes.put("references", Shape.LIST);
        shapes.remove("id"); // checked on its own
        return Map.copyOf(shapes);
    }

    @Override
    public void check(CheckedAsset asset) {
        checkId(asset);
        checkShapes(asset);
        asset.type = resolveType(asset);
        asset.provider = resolveProvider(asset);
    }

    /** The problem of an asset whose id an earlier asset of the project already has. */
    static Problem duplicateId(AssetSpec asset, AssetSpec first) {
        return Problem.error(
                RuleId.ASSET_ID_DUPLICATE.id(),
                "id",
                asset.positionOf("id"),
                asset.id(),
                "id '"
                        + asset.id() + "' is already used at " + first.positionOf("id")
                        + "; ids must be unique in the project");
    }

    private static void checkId(CheckedAsset asset) {
        AssetSpec spec = asset.spec;
        SpecValue id = spec.fields().get("id");
        if (spec.id() == null || spec.id().isEmpty() || id == null || id.node().isNull()) {
            asset.error(
                    RuleId.ASSET_ID_MISSING,
                    "id",
                    spec.position(),
                    "id is missing; give the asset an id such as 'hero'");
        } else if (!id.node().isTextual() && !id.node().isNumber()) {
            asset.error(RuleId.ASSET_ID_NOT_TEXT, "id", id.position(), "id must be text such as 'hero'");
        } else if (!isValidId(spec.id())) {
            asset.error(
                    RuleId.ASSET_ID_INVALID,
                    "id",
                    id.position(),
                    "id '" + spec.id() + "' is not valid; use 1 to 64"
                            + " lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (pattern"
                            + " " + ID_PATTERN + ")");
        }
    }

    /** Type checks every known field; only well-typed, non-null values go on to the model rules. */
    private static void checkShapes(CheckedAsset asset) {
        for (Map.Entry<String, SpecValue> entry : asset.spec.fields().entrySet()) {
            String name = entry.getKey();
            SpecValue value = entry.getValue();
            JsonNode node = value.node();
            Shape shape = SHAPES.get(name);
            if (shape == null || node.isNull()) {
                continue;
            }
            String problem = null;
            RuleId rule = null;
            switch (shape) {
                case INTEGER -> {
                    if (!node.isIntegralNumber()) {
                        problem = name + " must be a whole number (got " + CheckedAsset.shown(node) + ")";
                        rule = RuleId.ASSET_NOT_WHOLE_NUMBER;
                    }
                }
                case BOOLEAN -> {
                    if (!node.isBoolean()) {
                        problem = name + " must be true or false (got " + CheckedAsset.shown(node) + ")";
                        rule = RuleId.ASSET_NOT_BOOLEAN;
                    }
                }
                case LIST -> {
                    if (!node.isArray()) {
                        problem = name + " must be a list of file paths or https URLs, e.g. [refs/style.png] (got "
                                + CheckedAsset.shown(node) + ")";
                        rule = RuleId.ASSET_NOT_LIST;
                    } else {
                        for (int i = 0; i < node.size(); i++) {
                            JsonNode item = node.get(i);
                            if (!item.isTextual() || item.asText().isBlank()) {
                                asset.error(
                                        RuleId.ASSET_BAD_LIST_ITEM,
                                        name,
                                        value.positionOf(i),
                                        name + "[" + i + "] is "
                                                + (item.isTextual() || item.isNull()
                                                        ? "empty"
                                                        : CheckedAsset.shown(item))
                                                + "; give a file path or an https URL");
                            }
                        }
                    }
                }
                case TEXT -> {
                    if (!node.isTextual()) {
                        problem = name + " must be text (got " + CheckedAsset.shown(node) + "); put it in quotes";
                        rule = RuleId.ASSET_NOT_TEXT;
                    }
                }
            }
            if (problem != null) {
                asset.error(rule, name, value.position(), problem);
            } else {
                asset.values.put(name, value);
            }
        }
    }

    private static AssetType resolveType(CheckedAsset asset) {
        String type = asset.text("type");
        if (type == null) {
            return asset.spec.fields().containsKey("type") && !asset.values.containsKey("type") && !asset.isNull("type")
                    ? null
                    : AssetType.IMAGE;
        }
        AssetType parsed = AssetType.fromSpecName(type);
        if (parsed == null) {
            List<String> names = List.of("image", "video");
            asset.error(
                    RuleId.ASSET_UNSUPPORTED_TYPE,
                    "type",
                    "type '" + type + "' is not supported (supported: image, video)" + DidYouMean.hint(type, names));
        }
        return parsed;
    }

    private static String resolveProvider(CheckedAsset asset) {
        String provider = asset.text("provider");
        ModelCatalog catalog = asset.catalog;
        if (provider == null) {
            return asset.spec.fields().containsKey("provider") && !asset.isNull("provider")
                    ? null
                    : catalog.defaultProvider().name();
        }
        if (!catalog.providers().contains(provider)) {
            asset.error(
                    RuleId.ASSET_UNSUPPORTED_PROVIDER,
                    "provider",
                    "provider '" + provider
                            + "' is not supported (supported: " + String.join(", ", catalog.providers()) + ")"
                            + DidYouMean.hint(provider, catalog.providers()));
            return null;
        }
        return provider;
    }
}
