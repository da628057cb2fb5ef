package io.github.assetgen.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.request.InputFile;
import io.github.assetgen.core.specfile.AssetSpec;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One asset while the rule families check it: what it declares, what the families before have
 * resolved (type, provider, model, prompt, inputs, outputs) and where problems go. One per asset.
 */
final class CheckedAsset {

    final AssetSpec spec;
    final ModelCatalog catalog;
    final InputFiles files;
    final ValidationContext context;
    /** The well-typed, non-null values; a family removes a value it rejects so later ones skip it. */
    final Map<String, SpecValue> values = new LinkedHashMap<>();

    private final List<Problem> problems;
    private boolean failed;

    /** Null when missing and not defaulted, or wrong (already reported). */
    AssetType type;

    String provider;
    String model;
    /** The model's rules; null for the placeholder provider, an unknown model or an unresolved asset. */
    ModelRules rules;

    String prompt = "";
    Inputs inputs;
    /** The output file names, or null when they cannot be known. */
    List<String> outputs;
    /** The candidate {@code pick} writes, or null when the spec has no (valid) pick. */
    AssetRequest.Pick pick;

    CheckedAsset(
            AssetSpec spec, ModelCatalog catalog, InputFiles files, ValidationContext context, List<Problem> problems) {
        this.spec = spec;
        this.catalog = catalog;
        this.files = files;
        this.context = context;
        this.problems = problems;
    }

    /** The resolved input files of the asset (nulls where absent or wrong). */
    static final class Inputs {
        final List<InputFile> references = new ArrayList<>();
        InputFile character;
        InputFile firstFrame;
        InputFile endFrame;
    }

    /** True once type and provider are known: only then do model, prompt and outputs make sense. */
    boolean resolvable() {
        return type != null && provider != null;
    }

    /** The provider's descriptor; empty while the provider is unknown. */
    Optional<ProviderDescriptor> descriptor() {
        return provider == null ? Optional.empty() : catalog.provider(provider);
    }

    /** True for a provider that takes any model name and checks nothing but types (the placeholder). */
    boolean placeholder() {
        return descriptor().map(d -> !d.checksModels()).orElse(false);
    }

    boolean failed() {
        return failed;
    }

    String text(String field) {
        SpecValue value = values.get(field);
        return value == null || !value.node().isTextual() ? null : value.node().asText();
    }

    boolean isNull(String field) {
        SpecValue value = spec.fields().get(field);
        return value != null && value.node().isNull();
    }

    /** A path as the user knows it: relative to the project when inside it. */
    String shown(Path path) {
        if (context.projectBaseDir() != null) {
            Path base = context.projectBaseDir().toAbsolutePath().normalize();
            if (path.startsWith(base)) {
                return base.relativize(path).toString();
            }
        }
        return path.toString();
    }

    static String shown(JsonNode node) {
        String text = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** An error at the field's value. */
    void error(RuleId rule, String field, String message) {
        error(rule, field, spec.positionOf(field), message);
    }

    /** An error about {@code field}, reported where the user should look (not always the field). */
    void error(RuleId rule, String field, Position position, String message) {
        failed = true;
        problems.add(Problem.error(rule.id(), field, position, spec.id(), message));
    }

    void warning(RuleId rule, String field, String message) {
        problems.add(Problem.warning(rule.id(), field, spec.positionOf(field), spec.id(), message));
    }
}
