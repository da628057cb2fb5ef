package io.github.assetgen.core.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.specfile.SpecFields;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON Schema (draft 2020-12) of spec files, generated from {@link ModelCatalog} and
 * {@link SpecFields} so editors can complete and check specs. The committed copy lives at
 * {@code core/src/main/resources/io/github/assetgen/core/assetgen-spec.schema.json}; a test keeps
 * it equal to {@link #generate()}. The schema checks shapes and spellings; the rule book checks
 * which model takes which value.
 *
 * <p>{@code model} must be a catalog model unless the provider is {@code placeholder}, which takes
 * any model name (it renders at the size that model would make). The provider may come from the
 * asset or from the file's {@code defaults}, so the rule sits on the asset (its own provider), on
 * {@code defaults} (the provider written there) and on the file (assets without a provider of their
 * own follow {@code defaults}).
 */
public final class SpecSchema {

    /** Where the committed schema lives, relative to the {@code core} module. */
    public static final String RESOURCE = "src/main/resources/io/github/assetgen/core/assetgen-spec.schema.json";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("id", "Unique id of the asset in the project: 1-64 of a-z, 0-9, '.', '_', '-'."),
            Map.entry("type", "What to make: image (default) or video."),
            Map.entry("provider", "Who makes it: " + providerList() + "."),
            Map.entry(
                    "model",
                    "The provider's model; defaults to the provider's default model for the type."
                            + " The placeholder provider takes any model name and renders at the size that model would."),
            Map.entry("prompt", "What to make. Required for images and for videos without a first frame."),
            Map.entry(
                    "promptOptimization",
                    "Let the provider rewrite the prompt. Default true for useapi images," + " false otherwise."),
            Map.entry("aspectRatio", "Aspect ratio; which ones a model takes depends on the model."),
            Map.entry("resolution", "Resolution tier (useapi and apixo images), depending on the model."),
            Map.entry("quality", "Quality of useapi gpt-image-2: low (default), medium or high."),
            Map.entry("quantity", "How many images one request makes (useapi 1-4, minimax and apixo 1-9)."),
            Map.entry("seed", "Random seed (minimax 0-2147483647, apixo -1-2147483647)."),
            Map.entry("size", "Explicit size WIDTHxHEIGHT (apixo only), each side 512-2048."),
            Map.entry("references", "Reference images in slot order: files relative to the spec file, or https URLs."),
            Map.entry("character", "Character reference image of useapi image-01."),
            Map.entry("firstFrame", "Image the video starts from (or its subject, for S2V models)."),
            Map.entry("endFrame", "Image the video ends on (useapi 02 and Veo-3.1, minimax MiniMax-Hailuo-02)."),
            Map.entry("options", "Video resolution and length, e.g. 768p-6sec; depends on the model."),
            Map.entry("account", "The useapi MiniMax account to use when several are configured."),
            Map.entry("output", "Output file relative to the output directory; default <id>.png or <id>.mp4."),
            Map.entry(
                    "pick",
                    "Which candidate (1-based) of a request that makes several (quantity, midjourney's 4) is"
                            + " written at output; the others stay in the cache. Not part of the cache key:"
                            + " changing it never generates again."));

    private static final String CATALOG_MODEL = "catalogModel";

    private SpecSchema() {}

    /** The schema as pretty-printed JSON with LF line ends and a final newline. */
    public static String generate() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ModelCatalog catalog = ModelCatalog.standard();
        ObjectNode root = f.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "assetgen asset spec");
        root.put(
                "description",
                "A spec file under src/main/assets/: optional defaults applied to every asset,"
                        + " and the list of assets.");
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        ObjectNode defaults = properties.putObject("defaults");
        defaults.put("description", "Field values applied to every asset of this file unless the asset sets them.");
        defaults.put("$ref", "#/$defs/defaults");
        ObjectNode assets = properties.putObject("assets");
        assets.put("description", "The assets this file declares.");
        assets.put("type", "array");
        assets.putObject("items").put("$ref", "#/$defs/asset");
        root.putArray("required").add("assets");
        root.put("additionalProperties", false);
        // Assets that name no provider get it from defaults (useapi when defaults name none either).
        root.set(
                "if",
                f.objectNode()
                        .<ObjectNode>set("properties", f.objectNode().set("defaults", placeholderProvider(f)))
                        .set("required", f.arrayNode().add("defaults")));
        ObjectNode providerless = f.objectNode();
        providerless.set("if", requiredProvider(f));
        providerless.set("else", catalogModel(f));
        root.set(
                "else",
                f.objectNode()
                        .set(
                                "properties",
                                f.objectNode().set("assets", f.objectNode().set("items", providerless))));

        ObjectNode defs = root.putObject("$defs");
        ObjectNode asset = defs.putObject("asset");
        asset.put("type", "object");
        asset.put("description", "One image or video to generate.");
        asset.set("properties", fields(f, catalog, SpecFields.ASSET_FIELDS));
        asset.putArray("required").add("id");
        asset.put("additionalProperties", false);
        modelFollowsOwnProvider(f, asset);
        ObjectNode defaultsDef = defs.putObject("defaults");
        defaultsDef.put("type", "object");
        defaultsDef.put("description", "Any asset field but id.");
        defaultsDef.set(
                "properties",
                fields(
                        f,
                        catalog,
                        SpecFields.ASSET_FIELDS.stream()
                                .filter(name -> !name.equals("id"))
                                .toList()));
        defaultsDef.put("additionalProperties", false);
        modelFollowsOwnProvider(f, defaultsDef);
        ObjectNode models = defs.putObject(CATALOG_MODEL);
        models.put("description", "A model of the catalog; only the placeholder provider takes other names.");
        enumOf(models, union(catalog.all(), m -> List.of(m.model())));

        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode fields(JsonNodeFactory f, ModelCatalog catalog, List<String> names) {
        ObjectNode properties = f.objectNode();
        List<ModelRules> models = catalog.all();
        for (String name : names) {
            String description = DESCRIPTIONS.get(name);
            if (description == null) {
                throw new IllegalStateException("no schema description for spec field " + name);
            }
            ObjectNode p = properties.putObject(name);
            p.put("description", description);
            switch (name) {
                case "id" -> p.put("type", "string").put("pattern", "^" + IdAndShapeRules.ID_PATTERN + "$");
                case "type" -> enumOf(p, List.of("image", "video"));
                case "provider" -> enumOf(p, catalog.providers());
                case "model" -> {
                    // Which names are valid depends on the provider (see modelFollowsOwnProvider);
                    // the examples keep the catalog's names offered for completion in editors.
                    p.put("type", "string");
                    ArrayNode examples = p.putArray("examples");
                    union(models, m -> List.of(m.model())).forEach(examples::add);
                }
                case "aspectRatio" -> enumOf(p, union(models, ModelRules::aspectRatios));
                case "resolution" -> enumOf(p, union(models, ModelRules::resolutions));
                case "quality" -> enumOf(p, union(models, ModelRules::qualities));
                case "options" -> enumOf(p, union(models, ModelRules::options));
                case "promptOptimization" -> p.put("type", "boolean");
                case "quantity" ->
                    p.put("type", "integer")
                            .put("minimum", 1)
                            .put(
                                    "maximum",
                                    models.stream()
                                            .mapToInt(ModelRules::maxQuantity)
                                            .max()
                                            .orElse(1));
                case "seed" ->
                    p.put("type", "integer")
                            .put(
                                    "minimum",
                                    models.stream()
                                            .filter(ModelRules::seed)
                                            .mapToLong(ModelRules::minSeed)
                                            .min()
                                            .orElse(0))
                            .put(
                                    "maximum",
                                    models.stream()
                                            .filter(ModelRules::seed)
                                            .mapToLong(ModelRules::maxSeed)
                                            .max()
                                            .orElse(Integer.MAX_VALUE));
                case "pick" ->
                    p.put("type", "integer")
                            .put("minimum", 1)
                            .put(
                                    "maximum",
                                    models.stream()
                                            .mapToInt(m -> Math.max(m.maxQuantity(), m.fixedQuantity()))
                                            .max()
                                            .orElse(1));
                case "size" -> p.put("type", "string").put("pattern", "^[0-9]+[*xX][0-9]+$");
                case "references" -> {
                    p.put("type", "array");
                    p.putObject("items").put("type", "string").put("minLength", 1);
                }
                default -> p.put("type", "string");
            }
        }
        return properties;
    }

    /**
     * When the object names its provider: placeholder takes any model, every other provider a
     * catalog model.
     */
    private static void modelFollowsOwnProvider(JsonNodeFactory f, ObjectNode object) {
        ObjectNode notPlaceholder = f.objectNode();
        notPlaceholder.set("if", placeholderProvider(f));
        notPlaceholder.set("else", catalogModel(f));
        object.set("if", requiredProvider(f));
        object.set("then", notPlaceholder);
    }

    /** Matches an object whose provider is placeholder. */
    private static ObjectNode placeholderProvider(JsonNodeFactory f) {
        ObjectNode provider = f.objectNode();
        provider.putObject("properties")
                .putObject("provider")
                .put("const", ProviderRegistry.standard().placeholder().name());
        provider.putArray("required").add("provider");
        return provider;
    }

    private static ObjectNode requiredProvider(JsonNodeFactory f) {
        ObjectNode provider = f.objectNode();
        provider.putArray("required").add("provider");
        return provider;
    }

    /** Requires the object's model, if it has one, to be a catalog model. */
    private static ObjectNode catalogModel(JsonNodeFactory f) {
        ObjectNode model = f.objectNode();
        model.putObject("properties").putObject("model").put("$ref", "#/$defs/" + CATALOG_MODEL);
        return model;
    }

    /** "useapi (default), minimax, apixo or placeholder (local, free)", from the registry. */
    private static String providerList() {
        ProviderRegistry registry = ProviderRegistry.standard();
        List<String> names = registry.all().stream()
                .map(p -> p.name()
                        + (p == registry.defaultProvider() ? " (default)" : p.remote() ? "" : " (local, free)"))
                .toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static void enumOf(ObjectNode property, Collection<String> values) {
        property.put("type", "string");
        ArrayNode array = property.putArray("enum");
        values.forEach(array::add);
    }

    private static Set<String> union(List<ModelRules> models, Function<ModelRules, List<String>> values) {
        Set<String> all = new LinkedHashSet<>();
        models.forEach(m -> all.addAll(values.apply(m)));
        return all;
    }
}
