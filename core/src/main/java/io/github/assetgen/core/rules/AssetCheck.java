package io.github.assetgen.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ModelRules.FrameRule;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderInputs;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.request.InputFile;
import io.github.assetgen.core.specfile.AssetSpec;
import io.github.assetgen.core.specfile.DidYouMean;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecFields;
import io.github.assetgen.core.specfile.SpecValue;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one asset against the catalog and, when it has no error, resolves it into its request.
 * One instance per asset; problems go to the list it is given.
 */
final class AssetCheck {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> INTEGERS = Set.of("quantity", "seed");
    private static final Set<String> BOOLEANS = Set.of("promptOptimization");
    private static final Set<String> LISTS = Set.of("references");
    private static final List<String> VIDEO_ONLY = List.of("firstFrame", "endFrame", "options");
    private static final List<String> IMAGE_ONLY = List.of("quality", "quantity", "resolution", "size", "character", "seed");
    /** Parameters checked against a model's rules, in the order they are reported. */
    private static final List<String> MODEL_FIELDS = List.of("aspectRatio", "resolution", "quality", "quantity",
            "seed", "size", "references", "character", "firstFrame", "endFrame", "options");

    private final AssetSpec spec;
    private final ModelCatalog catalog;
    private final InputFiles files;
    private final ValidationContext context;
    private final List<Problem> problems;
    private final Map<String, SpecValue> values = new LinkedHashMap<>();
    private boolean failed;

    AssetCheck(AssetSpec spec, ModelCatalog catalog, InputFiles files, ValidationContext context, List<Problem> problems) {
        this.spec = spec;
        this.catalog = catalog;
        this.files = files;
        this.context = context;
        this.problems = problems;
    }

    /** Checks everything about the asset alone; returns its request when nothing is wrong. */
    Optional<AssetRequest> run() {
        checkId();
        checkShapes();
        AssetType type = resolveType();
        String provider = resolveProvider();
        ProviderDescriptor descriptor = provider == null ? null : catalog.provider(provider).orElse(null);
        boolean placeholder = descriptor != null && !descriptor.checksModels();
        if (type == null || provider == null) {
            inputs(provider, null);
            return Optional.empty();
        }
        String model = resolveModelName(provider, type);
        ModelRules rules = null;
        if (model != null && !placeholder) {
            rules = findModel(provider, type, model);
        }
        if (!placeholder && values.containsKey("account") && !descriptor.inputs().account()) {
            error("account", "account is only used by " + orList(catalog.providers().stream()
                    .filter(p -> catalog.provider(p).orElseThrow().inputs().account()).toList()) + "; remove it");
        }
        if (rules != null || placeholder) {
            checkTypeFields(type);
        }
        if (rules != null) {
            checkModelFields(rules);
            checkParameters(rules);
        }
        String prompt = checkPrompt(rules, type);
        Inputs inputs = inputs(provider, rules);
        List<String> outputs = outputs(type, rules);
        if (failed || model == null || outputs == null) {
            return Optional.empty();
        }
        Map<String, Object> parameters = rules == null ? rawParameters() : parameters(rules);
        String account = text("account");
        return Optional.of(new AssetRequest(spec.id(), provider, type, model, prompt, parameters, inputs.references,
                inputs.character, inputs.firstFrame, inputs.endFrame, account, outputs, spec.position()));
    }

    // ---------------------------------------------------------------- generic

    private void checkId() {
        SpecValue id = spec.fields().get("id");
        if (spec.id() == null || spec.id().isEmpty() || id == null || id.node().isNull()) {
            error(spec.position(), "id is missing; give the asset an id such as 'hero'");
        } else if (!id.node().isTextual() && !id.node().isNumber()) {
            error(id.position(), "id must be text such as 'hero'");
        } else if (!ID.matcher(spec.id()).matches()) {
            error(id.position(), "id '" + spec.id() + "' is not valid; use 1 to 64 lower-case letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit (pattern [a-z0-9][a-z0-9._-]{0,63})");
        }
    }

    /** Type checks every known field; only well-typed, non-null values go on to the model rules. */
    private void checkShapes() {
        for (Map.Entry<String, SpecValue> entry : spec.fields().entrySet()) {
            String name = entry.getKey();
            SpecValue value = entry.getValue();
            JsonNode node = value.node();
            if (name.equals("id") || !SpecFields.ASSET_FIELDS.contains(name) || node.isNull()) {
                continue;
            }
            String problem = null;
            if (INTEGERS.contains(name)) {
                if (!node.isIntegralNumber()) {
                    problem = name + " must be a whole number (got " + shown(node) + ")";
                }
            } else if (BOOLEANS.contains(name)) {
                if (!node.isBoolean()) {
                    problem = name + " must be true or false (got " + shown(node) + ")";
                }
            } else if (LISTS.contains(name)) {
                if (!node.isArray()) {
                    problem = name + " must be a list of file paths or https URLs, e.g. [refs/style.png] (got "
                            + shown(node) + ")";
                } else {
                    for (int i = 0; i < node.size(); i++) {
                        JsonNode item = node.get(i);
                        if (!item.isTextual() || item.asText().isBlank()) {
                            error(value.positionOf(i), name + "[" + i + "] is " + (item.isTextual() || item.isNull()
                                    ? "empty" : shown(item)) + "; give a file path or an https URL");
                        }
                    }
                }
            } else if (!node.isTextual()) {
                problem = name + " must be text (got " + shown(node) + "); put it in quotes";
            }
            if (problem != null) {
                error(value.position(), problem);
            } else {
                values.put(name, value);
            }
        }
    }

    private AssetType resolveType() {
        String type = text("type");
        if (type == null) {
            return spec.fields().containsKey("type") && !values.containsKey("type") && !isNull("type")
                    ? null : AssetType.IMAGE;
        }
        AssetType parsed = AssetType.fromSpecName(type);
        if (parsed == null) {
            List<String> names = List.of("image", "video");
            error("type", "type '" + type + "' is not supported (supported: image, video)" + DidYouMean.hint(type, names));
        }
        return parsed;
    }

    private String resolveProvider() {
        String provider = text("provider");
        if (provider == null) {
            return spec.fields().containsKey("provider") && !isNull("provider") ? null
                    : catalog.defaultProvider().name();
        }
        if (!catalog.providers().contains(provider)) {
            error("provider", "provider '" + provider + "' is not supported (supported: "
                    + String.join(", ", catalog.providers()) + ")" + DidYouMean.hint(provider, catalog.providers()));
            return null;
        }
        return provider;
    }

    private String resolveModelName(String provider, AssetType type) {
        String model = text("model");
        if (model != null) {
            return model;
        }
        if (spec.fields().containsKey("model") && !isNull("model")) {
            return null; // wrongly typed, already reported
        }
        String dflt = catalog.defaultModel(provider, type, values.containsKey("firstFrame"));
        if (dflt == null) {
            error(spec.positionOf("type"), provider + " makes no " + type.specName()
                    + "s in assetgen; use provider " + orList(catalog.providers().stream()
                    .filter(p -> !catalog.models(p, type).isEmpty()).toList()));
        }
        return dflt;
    }

    private ModelRules findModel(String provider, AssetType type, String model) {
        Optional<ModelRules> found = catalog.find(provider, model);
        if (found.isPresent() && found.get().type() == type) {
            return found.get();
        }
        String message;
        if (found.isPresent()) {
            message = "model '" + model + "' makes " + found.get().type().specName() + "s; set type: "
                    + found.get().type().specName() + " or choose a " + type.specName() + " model";
        } else {
            List<String> models = catalog.models(provider, type);
            Optional<ModelRules> elsewhere = catalog.all().stream()
                    .filter(m -> m.model().equals(model) && m.type() == type).findFirst();
            message = "model '" + model + "' is not a " + provider + " " + type.specName() + " model";
            if (elsewhere.isPresent()) {
                message += "; it is offered by " + elsewhere.get().provider() + " (set provider: "
                        + elsewhere.get().provider() + ")";
            } else {
                message += models.isEmpty() ? "" : " (supported: " + String.join(", ", models) + ")";
                message += DidYouMean.hint(model, models);
            }
        }
        error("model", message);
        return null;
    }

    // ---------------------------------------------------------------- fields per type and model

    private void checkTypeFields(AssetType type) {
        List<String> wrong = type == AssetType.IMAGE ? VIDEO_ONLY : IMAGE_ONLY;
        for (String field : wrong) {
            if (values.containsKey(field)) {
                error(field, type == AssetType.IMAGE
                        ? field + " is only for videos; add type: video or remove it"
                        : field + " is only for images; remove it (a video request makes one video)");
                values.remove(field);
            }
        }
    }

    private void checkModelFields(ModelRules rules) {
        for (String field : MODEL_FIELDS) {
            if (!values.containsKey(field) || rules.takes(field)) {
                continue;
            }
            String message = field + " is not supported by " + rules.model() + "; " + onlySupportedBy(field, rules);
            if (field.equals("references") && rules.character()) {
                message += "; " + rules.model() + " takes one reference as character";
            } else if (field.equals("character") && rules.maxReferences() > 0) {
                message += "; use references with " + rules.model();
            } else {
                message += "; remove it";
            }
            error(field, message);
            values.remove(field);
        }
    }

    /** "quality is only supported by gpt-image-2": the models (of the same type) that take a field. */
    private String onlySupportedBy(String field, ModelRules rules) {
        List<String> names = catalog.all().stream()
                .filter(m -> m.type() == rules.type() && m.takes(field))
                .sorted(java.util.Comparator.comparing(m -> !m.provider().equals(rules.provider())))
                .map(m -> m.provider().equals(rules.provider()) ? m.model() : m.model() + " (" + m.provider() + ")")
                .distinct().toList();
        if (names.isEmpty()) {
            return "no " + rules.type().specName() + " model takes it";
        }
        String list = names.size() > 8
                ? String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more"
                : String.join(", ", names);
        return "it is only supported by " + list;
    }

    private void checkParameters(ModelRules rules) {
        String model = rules.model();
        oneOf("aspectRatio", rules.aspectRatios(), model);
        oneOf("resolution", rules.resolutions(), model);
        oneOf("quality", rules.qualities(), model);
        boolean optionOk = oneOf("options", rules.options(), model);
        if (values.containsKey("quantity")) {
            JsonNode q = values.get("quantity").node();
            if (rules.fixedQuantity() > 0) {
                if (!q.canConvertToInt() || q.intValue() != rules.fixedQuantity()) {
                    warning("quantity", "quantity " + q.asText() + " is ignored: " + model + " always makes "
                            + rules.fixedQuantity() + " images");
                }
            } else if (!q.canConvertToInt() || q.intValue() < 1 || q.intValue() > rules.maxQuantity()) {
                error("quantity", "quantity " + q.asText() + " is out of range for " + model + " (supported: 1 to "
                        + rules.maxQuantity() + ")");
            }
        }
        if (values.containsKey("seed")) {
            JsonNode s = values.get("seed").node();
            if (!s.canConvertToLong() || s.longValue() < rules.minSeed() || s.longValue() > rules.maxSeed()) {
                error("seed", "seed " + s.asText() + " is out of range for " + model + " (supported: "
                        + rules.minSeed() + " to " + rules.maxSeed() + ")");
            }
        }
        if (values.containsKey("size")) {
            checkSize(rules);
        }
        String option = optionOk ? text("options") : null;
        String effective = option != null ? option : rules.defaultOption();
        boolean hasFirstFrame = values.containsKey("firstFrame");
        if (option != null && rules.imageToVideoOptions().contains(option) && !hasFirstFrame) {
            error("options", "options '" + option + "' needs a firstFrame on " + model
                    + " (image-to-video only); add a firstFrame or choose another option");
        }
        if (rules.firstFrame() == FrameRule.REQUIRED && !hasFirstFrame && !spec.fields().containsKey("firstFrame")) {
            error(spec.positionOf("model"), model + " needs a firstFrame (the image the video starts from); add"
                    + " firstFrame: <file>");
        }
        if (values.containsKey("endFrame") && effective != null && !rules.endFrameOptions().contains(effective)) {
            error("endFrame", "endFrame on " + model + " needs options " + orList(rules.endFrameOptions().stream()
                    .sorted().toList()) + " (got '" + effective + "')");
        }
        if (values.containsKey("references")) {
            int count = values.get("references").node().size();
            if (count > rules.maxReferences()) {
                String detail = rules.type() == AssetType.VIDEO
                        ? " (" + (rules.maxReferences() + 1) + " subject images in total with the firstFrame)" : "";
                error("references", "references has " + count + " files; " + model + " takes at most "
                        + rules.maxReferences() + detail);
            }
        }
    }

    private boolean oneOf(String field, List<String> allowed, String model) {
        String value = text(field);
        if (value == null || allowed.isEmpty() || allowed.contains(value)) {
            return true;
        }
        error(field, field + " '" + value + "' is not supported by " + model + " (supported: "
                + String.join(", ", allowed) + ")" + caseHint(value, allowed));
        return false;
    }

    /**
     * With the full list shown, a guess helps only when the value differs in letter case ('2k' for
     * '2K'); an edit-distance guess ('8K' → '1K') would suggest a different setting.
     */
    private static String caseHint(String value, List<String> allowed) {
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst()
                .map(a -> " (did you mean '" + a + "'?)").orElse("");
    }

    private void checkSize(ModelRules rules) {
        String size = text("size");
        Optional<int[]> parsed = ModelCatalog.parseSize(size);
        if (parsed.isEmpty()) {
            error("size", "size '" + size + "' is not WIDTHxHEIGHT; write it like 1024x1024 (or 1024*1024)");
            return;
        }
        int[] wh = parsed.get();
        if (wh[0] < 512 || wh[0] > 2048 || wh[1] < 512 || wh[1] > 2048) {
            error("size", "size '" + size + "' is out of range for " + rules.model()
                    + " (each side 512 to 2048)");
            return;
        }
        if (wh[0] % 8 != 0 || wh[1] % 8 != 0) {
            warning("size", "size '" + size + "' will be rounded to " + ModelCatalog.roundTo8(wh[0]) + "x"
                    + ModelCatalog.roundTo8(wh[1]) + " (sides are multiples of 8)");
        }
        if (values.containsKey("resolution") || values.containsKey("aspectRatio")) {
            warning("size", "size '" + size + "' is ignored because resolution/aspectRatio take precedence;"
                    + " remove one of them");
        }
    }

    // ---------------------------------------------------------------- prompt

    private String checkPrompt(ModelRules rules, AssetType type) {
        String raw = text("prompt");
        if (raw == null || raw.isBlank()) {
            boolean needed = type == AssetType.IMAGE || !values.containsKey("firstFrame");
            boolean wronglyTyped = spec.fields().containsKey("prompt") && !values.containsKey("prompt") && !isNull("prompt");
            if (needed && !wronglyTyped) {
                error(spec.positionOf("prompt"), type == AssetType.IMAGE
                        ? "prompt is required; describe the image"
                        : "prompt is required for a video without a firstFrame; describe the shot");
            }
            return "";
        }
        String prompt = Prompts.normalise(raw);
        if (rules == null) {
            return prompt;
        }
        int length = Prompts.length(prompt);
        if (length > rules.maxPrompt()) {
            error("prompt", "prompt is " + length + " characters; " + rules.model() + " takes at most "
                    + rules.maxPrompt());
        }
        List<BigInteger> mentions = Prompts.mentions(prompt);
        boolean readsMentions = catalog.provider(rules.provider()).map(p -> p.inputs().mentions()).orElse(false);
        if (readsMentions && rules.type() == AssetType.IMAGE && !mentions.isEmpty()) {
            if (!rules.mentions()) {
                error("prompt", "prompt mentions @Image" + mentions.get(0) + " but " + rules.model()
                        + " does not support @ImageN mentions; " + mentionModels() + ", or remove the mention");
            } else {
                int count = values.containsKey("references") ? values.get("references").node().size() : 0;
                for (BigInteger n : mentions) {
                    if (n.signum() <= 0 || n.compareTo(BigInteger.valueOf(count)) > 0) {
                        error("prompt", "prompt mentions @Image" + n + " but there " + (count == 1
                                ? "is 1 reference" : "are " + count + " references")
                                + "; mention @Image1 to @Image" + Math.max(count, 1) + " or add references");
                    }
                }
                return Prompts.canonicalMentions(prompt);
            }
        }
        return prompt;
    }

    private String mentionModels() {
        return "use " + catalog.all().stream().filter(ModelRules::mentions).map(ModelRules::model)
                .collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- input files

    /** The resolved input files of the asset (nulls where absent or wrong). */
    private static final class Inputs {
        final List<InputFile> references = new ArrayList<>();
        InputFile character;
        InputFile firstFrame;
        InputFile endFrame;
    }

    private Inputs inputs(String provider, ModelRules rules) {
        Inputs inputs = new Inputs();
        SpecValue refs = values.get("references");
        if (refs != null) {
            for (int i = 0; i < refs.node().size(); i++) {
                JsonNode item = refs.node().get(i);
                if (item.isTextual() && !item.asText().isBlank()) {
                    inputs.references.add(input(provider, rules, refs.positionOf(i), "references[" + i + "]",
                            item.asText()));
                }
            }
        }
        inputs.character = singleInput(provider, rules, "character");
        inputs.firstFrame = singleInput(provider, rules, "firstFrame");
        inputs.endFrame = singleInput(provider, rules, "endFrame");
        if (inputs.firstFrame != null && inputs.endFrame != null
                && inputs.firstFrame.identity().equals(inputs.endFrame.identity())) {
            error("endFrame", "endFrame is the same image as firstFrame; the provider needs two different files");
        }
        if (rules != null && inputs.firstFrame != null && inputs.firstFrame.isLocal()
                && !rules.firstFrameSizes().isEmpty()) {
            int[] dims = files.load(inputs.firstFrame.path()).dimensions();
            String actual = dims == null ? null : dims[0] + "x" + dims[1];
            if (actual == null || !rules.firstFrameSizes().contains(actual)) {
                error("firstFrame", "firstFrame of " + rules.model() + " must be exactly "
                        + orList(rules.firstFrameSizes()) + " pixels (" + (actual == null
                        ? "its size cannot be read" : "it is " + actual) + "); resize the image");
            }
        }
        return inputs;
    }

    private InputFile singleInput(String provider, ModelRules rules, String field) {
        String value = text(field);
        return value == null ? null : input(provider, rules, spec.positionOf(field), field, value);
    }

    /**
     * Resolves one file or URL and applies the provider's transport rules; null when it is wrong.
     *
     * @param at where the value was written (a list item's own position), for problems
     */
    private InputFile input(String provider, ModelRules rules, Position at, String label, String value) {
        // the placeholder takes every input; with placeholders on, nothing is sent anywhere
        ProviderDescriptor descriptor = provider == null || context.placeholders() ? null
                : catalog.provider(provider).orElse(null);
        ProviderInputs accepted = descriptor == null ? null : descriptor.inputs();
        if (value.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            if (!value.startsWith("https://")) {
                return rejected(at, label, value, "is not an https URL; use https:// or a local file");
            }
            if (accepted != null && !accepted.acceptsUrls()) {
                return rejected(at, label, value, "is a URL, but " + descriptor.displayName() + " uploads local files"
                        + " only; save the image in the project and give its path");
            }
            return InputFile.ofUrl(value);
        }
        Path base = spec.specFile().toAbsolutePath().getParent();
        Path path = (base == null ? Path.of(value) : base.resolve(value)).normalize();
        InputFiles.LocalFile file = files.load(path);
        if (file.problem() != null) {
            return rejected(at, label, value, file.problem() + " (looked at " + shown(path) + ")");
        }
        if (file.format() == MediaFormat.UNKNOWN || file.format() == MediaFormat.MP4) {
            return rejected(at, label, value, "is not a PNG, JPEG or WebP image; convert it or choose another file");
        }
        if (accepted != null && !accepted.acceptsLocalFiles()) {
            return rejected(at, label, value, "is a local file, but " + descriptor.displayName() + " takes only https"
                    + " URLs; publish the image and give its https URL");
        }
        if (accepted != null) {
            if (!accepted.accepts(file.format())) {
                return rejected(at, label, value, "is " + formatName(file.format()) + ", but "
                        + descriptor.displayName() + " takes " + orList(accepted.localFormats().stream()
                        .map(AssetCheck::formatName).toList()) + "; convert it");
            }
            if (file.size() > accepted.maxLocalBytes()) {
                return rejected(at, label, value, "is " + file.size() / (1024 * 1024) + " MB; "
                        + descriptor.displayName() + " takes images under " + accepted.maxLocalBytes() / (1024 * 1024)
                        + " MB, make it smaller");
            }
        }
        return InputFile.ofLocal(file.path(), file.sha256(), file.format().mediaType());
    }

    /** How messages name an image format. */
    private static String formatName(MediaFormat format) {
        return format == MediaFormat.WEBP ? "WebP" : format.name();
    }

    /** Reports why an input cannot be used, as {@code label 'value' why}; always null. */
    private InputFile rejected(Position at, String label, String value, String why) {
        error(at, label + " '" + value + "' " + why);
        return null;
    }

    // ---------------------------------------------------------------- outputs and parameters

    private List<String> outputs(AssetType type, ModelRules rules) {
        int count = 1;
        if (type == AssetType.IMAGE) {
            int quantity = quantity();
            count = rules == null ? quantity : rules.filesFor(quantity);
        }
        String output = text("output");
        String name;
        if (output == null) {
            if (spec.id() == null || !ID.matcher(spec.id()).matches()) {
                return null;
            }
            name = spec.id() + "." + type.defaultExtension();
        } else {
            try {
                name = Outputs.normalise(output, type);
            } catch (IllegalArgumentException e) {
                error("output", e.getMessage());
                return null;
            }
        }
        return Outputs.expand(name, Math.max(count, 1));
    }

    private int quantity() {
        SpecValue q = values.get("quantity");
        return q != null && q.node().canConvertToInt() ? q.node().intValue() : 1;
    }

    private Map<String, Object> parameters(ModelRules rules) {
        Map<String, Object> p = new LinkedHashMap<>();
        boolean sizeWins = values.containsKey("size") && !values.containsKey("resolution")
                && !values.containsKey("aspectRatio");
        if (rules.takes("aspectRatio") && !sizeWins) {
            p.put("aspectRatio", orDefault("aspectRatio", rules.defaultAspectRatio()));
        }
        if (rules.takes("resolution") && !sizeWins) {
            p.put("resolution", orDefault("resolution", rules.defaultResolution()));
        }
        if (rules.takes("quality")) {
            p.put("quality", orDefault("quality", rules.defaultQuality()));
        }
        if (rules.takes("options")) {
            p.put("options", orDefault("options", rules.defaultOption()));
        }
        if (rules.takes("quantity")) {
            p.put("quantity", rules.filesFor(quantity()));
        }
        if (values.containsKey("seed")) {
            p.put("seed", number(values.get("seed").node()));
        }
        if (sizeWins) {
            int[] wh = ModelCatalog.parseSize(text("size")).orElseThrow();
            p.put("size", ModelCatalog.roundTo8(wh[0]) + "x" + ModelCatalog.roundTo8(wh[1]));
        }
        SpecValue optimise = values.get("promptOptimization");
        p.put("promptOptimization", optimise == null ? rules.promptOptimizationDefault() : optimise.node().booleanValue());
        return p;
    }

    /** The placeholder provider takes parameters as written: it checks nothing but their types. */
    private Map<String, Object> rawParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String name : List.of("aspectRatio", "resolution", "quality", "quantity", "seed", "size", "options",
                "promptOptimization")) {
            SpecValue value = values.get(name);
            if (value != null) {
                JsonNode node = value.node();
                p.put(name, node.isBoolean() ? node.booleanValue() : node.isIntegralNumber() ? number(node) : node.asText());
            }
        }
        return p;
    }

    private static Object number(JsonNode node) {
        return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
    }

    private String orDefault(String field, String dflt) {
        String value = text(field);
        return value != null ? value : dflt;
    }

    // ---------------------------------------------------------------- small helpers

    private String text(String field) {
        SpecValue value = values.get(field);
        return value == null || !value.node().isTextual() ? null : value.node().asText();
    }

    private boolean isNull(String field) {
        SpecValue value = spec.fields().get(field);
        return value != null && value.node().isNull();
    }

    /** A path as the user knows it: relative to the project when inside it. */
    private String shown(Path path) {
        if (context.projectBaseDir() != null) {
            Path base = context.projectBaseDir().toAbsolutePath().normalize();
            if (path.startsWith(base)) {
                return base.relativize(path).toString();
            }
        }
        return path.toString();
    }

    private static String shown(JsonNode node) {
        String text = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    private void error(String field, String message) {
        error(spec.positionOf(field), message);
    }

    private void error(Position position, String message) {
        failed = true;
        problems.add(Problem.error(position, spec.id(), message));
    }

    private void warning(String field, String message) {
        problems.add(Problem.warning(spec.positionOf(field), spec.id(), message));
    }

    boolean failed() {
        return failed;
    }
}
