package io.github.assetgen.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ModelRules.FrameRule;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.DidYouMean;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Family {@code model}: the model is known for the provider and type, and every field is one the
 * model takes, with a value it accepts. Resolves the model and its rules for the families after it.
 */
final class ModelFieldRules implements RuleFamily {

    private static final List<String> VIDEO_ONLY = List.of("firstFrame", "endFrame", "options");
    private static final List<String> IMAGE_ONLY =
            List.of("quality", "quantity", "resolution", "size", "character", "seed");
    /** Parameters checked against a model's rules, in the order they are reported. */
    private static final List<String> MODEL_FIELDS = List.of(
            "aspectRatio",
            "resolution",
            "quality",
            "quantity",
            "seed",
            "size",
            "references",
            "character",
            "firstFrame",
            "endFrame",
            "options");

    @Override
    public void check(CheckedAsset a) {
        if (!a.resolvable()) {
            return;
        }
        boolean placeholder = a.placeholder();
        a.model = resolveModelName(a, a.provider, a.type);
        if (a.model != null && !placeholder) {
            a.rules = findModel(a, a.provider, a.type, a.model);
        }
        if (!placeholder
                && a.values.containsKey("account")
                && !a.descriptor().map(d -> d.inputs().account()).orElse(false)) {
            a.error(
                    RuleId.MODEL_ACCOUNT_NOT_USED,
                    "account",
                    "account is only used by "
                            + CheckedAsset.orList(a.catalog.providers().stream()
                                    .filter(p -> a.catalog
                                            .provider(p)
                                            .orElseThrow()
                                            .inputs()
                                            .account())
                                    .toList())
                            + "; remove it");
        }
        if (a.rules != null || placeholder) {
            checkTypeFields(a, a.type);
        }
        if (placeholder) {
            PlaceholderLimits.check(a);
        }
        if (a.rules != null) {
            checkModelFields(a, a.rules);
            checkParameters(a, a.rules);
        }
    }

    private static String resolveModelName(CheckedAsset a, String provider, AssetType type) {
        String model = a.text("model");
        if (model != null) {
            return model;
        }
        if (a.spec.fields().containsKey("model") && !a.isNull("model")) {
            return null; // wrongly typed, already reported
        }
        String dflt = a.catalog.defaultModel(provider, type, a.values.containsKey("firstFrame"));
        if (dflt == null) {
            a.error(
                    RuleId.MODEL_TYPE_NOT_OFFERED,
                    "type",
                    a.spec.positionOf("type"),
                    provider + " makes no "
                            + type.specName() + "s in assetgen; use provider "
                            + CheckedAsset.orList(a.catalog.providers().stream()
                                    .filter(p -> !a.catalog.models(p, type).isEmpty())
                                    .toList()));
        }
        return dflt;
    }

    private static ModelRules findModel(CheckedAsset a, String provider, AssetType type, String model) {
        ModelCatalog catalog = a.catalog;
        Optional<ModelRules> found = catalog.find(provider, model);
        if (found.isPresent() && found.get().type() == type) {
            return found.get();
        }
        String message;
        RuleId rule;
        if (found.isPresent()) {
            rule = RuleId.MODEL_WRONG_TYPE;
            message = "model '" + model + "' makes " + found.get().type().specName() + "s; set type: "
                    + found.get().type().specName() + " or choose a " + type.specName() + " model";
        } else {
            rule = RuleId.MODEL_UNKNOWN;
            List<String> models = catalog.models(provider, type);
            Optional<ModelRules> elsewhere = catalog.all().stream()
                    .filter(m -> m.model().equals(model) && m.type() == type)
                    .findFirst();
            message = "model '" + model + "' is not a " + provider + " " + type.specName() + " model";
            if (elsewhere.isPresent()) {
                message += "; it is offered by " + elsewhere.get().provider() + " (set provider: "
                        + elsewhere.get().provider() + ")";
            } else {
                message += models.isEmpty() ? "" : " (supported: " + String.join(", ", models) + ")";
                message += DidYouMean.hint(model, models);
            }
        }
        a.error(rule, "model", message);
        return null;
    }

    private static void checkTypeFields(CheckedAsset a, AssetType type) {
        List<String> wrong = type == AssetType.IMAGE ? VIDEO_ONLY : IMAGE_ONLY;
        for (String field : wrong) {
            if (a.values.containsKey(field)) {
                a.error(
                        RuleId.MODEL_FIELD_FOR_OTHER_TYPE,
                        field,
                        type == AssetType.IMAGE
                                ? field + " is only for videos; add type: video or remove it"
                                : field.equals("resolution")
                                        ? VideoOptions.insteadOfResolution(a)
                                        : field + " is only for images; remove it (a video request makes one video)");
                a.values.remove(field);
            }
        }
    }

    private static void checkModelFields(CheckedAsset a, ModelRules rules) {
        for (String field : MODEL_FIELDS) {
            if (!a.values.containsKey(field) || rules.takes(field)) {
                continue;
            }
            String message =
                    field + " is not supported by " + rules.model() + "; " + onlySupportedBy(a.catalog, field, rules);
            if (field.equals("references") && rules.character()) {
                message += "; " + rules.model() + " takes one reference as character";
            } else if (field.equals("character") && rules.maxReferences() > 0) {
                message += "; use references with " + rules.model();
            } else {
                message += "; remove it";
            }
            a.error(RuleId.MODEL_UNSUPPORTED_FIELD, field, message);
            a.values.remove(field);
        }
    }

    /** "quality is only supported by gpt-image-2": the models (of the same type) that take a field. */
    private static String onlySupportedBy(ModelCatalog catalog, String field, ModelRules rules) {
        List<String> names = catalog.all().stream()
                .filter(m -> m.type() == rules.type() && m.takes(field))
                .sorted(Comparator.comparing(m -> !m.provider().equals(rules.provider())))
                .map(m -> m.provider().equals(rules.provider()) ? m.model() : m.model() + " (" + m.provider() + ")")
                .distinct()
                .toList();
        if (names.isEmpty()) {
            return "no " + rules.type().specName() + " model takes it";
        }
        String list = names.size() > 8
                ? String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more"
                : String.join(", ", names);
        return "it is only supported by " + list;
    }

    private static void checkParameters(CheckedAsset a, ModelRules rules) {
        String model = rules.model();
        oneOf(a, "aspectRatio", rules.aspectRatios(), model);
        oneOf(a, "resolution", rules.resolutions(), model);
        oneOf(a, "quality", rules.qualities(), model);
        boolean optionOk = oneOf(a, "options", rules.options(), model);
        if (a.values.containsKey("quantity")) {
            JsonNode q = a.values.get("quantity").node();
            if (rules.fixedQuantity() > 0) {
                if (!q.canConvertToInt() || q.intValue() != rules.fixedQuantity()) {
                    a.warning(
                            RuleId.MODEL_QUANTITY_IGNORED,
                            "quantity",
                            "quantity " + q.asText() + " is ignored: " + model + " always makes "
                                    + rules.fixedQuantity() + " images");
                }
            } else if (!q.canConvertToInt() || q.intValue() < 1 || q.intValue() > rules.maxQuantity()) {
                a.error(
                        RuleId.MODEL_OUT_OF_RANGE,
                        "quantity",
                        "quantity " + q.asText() + " is out of range for " + model + " (supported: 1 to "
                                + rules.maxQuantity() + ")");
                // the output names are counted from it: two billion of them would exhaust memory
                a.values.remove("quantity");
            }
        }
        if (a.values.containsKey("seed")) {
            JsonNode s = a.values.get("seed").node();
            if (!s.canConvertToLong() || s.longValue() < rules.minSeed() || s.longValue() > rules.maxSeed()) {
                a.error(
                        RuleId.MODEL_OUT_OF_RANGE,
                        "seed",
                        "seed " + s.asText() + " is out of range for " + model + " (supported: " + rules.minSeed()
                                + " to " + rules.maxSeed() + ")");
            }
        }
        if (a.values.containsKey("size")) {
            checkSize(a, rules);
        }
        String option = optionOk ? a.text("options") : null;
        String effective = option != null ? option : rules.defaultOption();
        boolean hasFirstFrame = a.values.containsKey("firstFrame");
        if (option != null && rules.imageToVideoOptions().contains(option) && !hasFirstFrame) {
            a.error(
                    RuleId.MODEL_OPTION_NEEDS_FIRST_FRAME,
                    "options",
                    "options '" + option + "' needs a firstFrame on " + model
                            + " (image-to-video only); add a firstFrame or choose another option");
        }
        if (rules.firstFrame() == FrameRule.REQUIRED
                && !hasFirstFrame
                && !a.spec.fields().containsKey("firstFrame")) {
            a.error(
                    RuleId.MODEL_FIRST_FRAME_REQUIRED,
                    "firstFrame",
                    a.spec.positionOf("model"),
                    model + " needs a firstFrame (the image the video starts from); add firstFrame: <file>");
        }
        if (a.values.containsKey("endFrame")
                && effective != null
                && !rules.endFrameOptions().contains(effective)) {
            a.error(
                    RuleId.MODEL_END_FRAME_NEEDS_OPTION,
                    "endFrame",
                    "endFrame on " + model + " needs options "
                            + CheckedAsset.orList(
                                    rules.endFrameOptions().stream().sorted().toList())
                            + " (got '" + effective + "')");
        }
        if (a.values.containsKey("references")) {
            int count = a.values.get("references").node().size();
            if (count > rules.maxReferences()) {
                String detail = rules.type() == AssetType.VIDEO
                        ? " (" + (rules.maxReferences() + 1) + " subject images in total with the firstFrame)"
                        : "";
                a.error(
                        RuleId.MODEL_TOO_MANY_REFERENCES,
                        "references",
                        "references has " + count + " files; " + model + " takes at most " + rules.maxReferences()
                                + detail);
            }
        }
    }

    private static boolean oneOf(CheckedAsset a, String field, List<String> allowed, String model) {
        String value = a.text(field);
        if (value == null || allowed.isEmpty() || allowed.contains(value)) {
            return true;
        }
        a.error(
                RuleId.MODEL_UNSUPPORTED_VALUE,
                field,
                field + " '" + value + "' is not supported by " + model + " (supported: " + String.join(", ", allowed)
                        + ")" + caseHint(value, allowed));
        return false;
    }

    /**
     * With the full list shown, a guess helps only when the value differs in letter case ('2k' for
     * '2K'); an edit-distance guess ('8K' → '1K') would suggest a different setting.
     */
    private static String caseHint(String value, List<String> allowed) {
        return allowed.stream()
                .filter(x -> x.equalsIgnoreCase(value))
                .findFirst()
                .map(x -> " (did you mean '" + x + "'?)")
                .orElse("");
    }

    private static void checkSize(CheckedAsset a, ModelRules rules) {
        String size = a.text("size");
        Optional<int[]> parsed = ModelCatalog.parseSize(size);
        if (parsed.isEmpty()) {
            a.error(
                    RuleId.MODEL_MALFORMED_SIZE,
                    "size",
                    "size '" + size + "' is not WIDTHxHEIGHT; write it like 1024x1024 (or 1024*1024)");
            return;
        }
        int[] wh = parsed.get();
        if (wh[0] < 512 || wh[0] > 2048 || wh[1] < 512 || wh[1] > 2048) {
            a.error(
                    RuleId.MODEL_OUT_OF_RANGE,
                    "size",
                    "size '" + size + "' is out of range for " + rules.model() + " (each side 512 to 2048)");
            return;
        }
        if (wh[0] % 8 != 0 || wh[1] % 8 != 0) {
            a.warning(
                    RuleId.MODEL_SIZE_ROUNDED,
                    "size",
                    "size '" + size + "' will be rounded to "
                            + ModelCatalog.roundTo8(wh[0]) + "x" + ModelCatalog.roundTo8(wh[1])
                            + " (sides are multiples of 8)");
        }
        if (a.values.containsKey("resolution") || a.values.containsKey("aspectRatio")) {
            a.warning(
                    RuleId.MODEL_SIZE_IGNORED,
                    "size",
                    "size '" + size + "' is ignored because"
                            + " resolution/aspectRatio take precedence; remove one of them");
        }
    }
}
