package io.github.assetgen.core.specfile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parsed tree of one spec file into {@link AssetSpec}s with {@code defaults} merged in,
 * reporting wrong shapes, unknown keys and duplicate keys. Values themselves are the rule book's
 * business. Not thread-safe: one per file.
 */
final class AssetCollector {

    /** {@link SpecFields#ASSET_FIELDS} as a set: asked of every field of every asset. */
    private static final Set<String> KNOWN_FIELDS = Set.copyOf(SpecFields.ASSET_FIELDS);

    private static final String DEFAULTS = "defaults";
    private static final String ASSETS = "assets";
    private static final String ID = "id";

    private final Path specFile;
    private final List<AssetSpec> assets;
    private final List<Problem> problems;

    /** Adds what {@code specFile} declares to {@code assets} and {@code problems}. */
    AssetCollector(Path specFile, List<AssetSpec> assets, List<Problem> problems) {
        this.specFile = specFile;
        this.assets = assets;
        this.problems = problems;
    }

    void collect(LocatedNode root) {
        if (root.isNull()) {
            return;
        }
        if (!(root instanceof LocatedNode.Mapping file)) {
            problems.add(SpecRuleId.WRONG_SHAPE.error(
                    null,
                    root.position(),
                    null,
                    "a spec file must be a mapping with 'assets' (and optionally 'defaults'), but this file holds "
                            + root.kind()));
            return;
        }
        reportDuplicates(file, null);
        for (LocatedNode.Entry entry : file.entries().values()) {
            if (!SpecFields.FILE_KEYS.contains(entry.key())) {
                String hint = DidYouMean.hint(entry.key(), SpecFields.FILE_KEYS);
                SpecRuleId rule = unknownRule(entry.key(), SpecRuleId.UNKNOWN_KEY);
                problems.add(rule.error(
                        entry.key(),
                        entry.keyPosition(),
                        null,
                        unknown(
                                "top-level key",
                                entry.key(),
                                hint.isEmpty() ? " (a spec file has 'defaults' and 'assets')" : hint)));
                reportNestedDuplicates(entry.value(), null);
            }
        }
        Map<String, SpecValue> defaults = defaults(file.entries().get(DEFAULTS));
        LocatedNode.Entry list = file.entries().get(ASSETS);
        if (list == null || list.value().isNull()) {
            return;
        }
        if (!(list.value() instanceof LocatedNode.Sequence sequence)) {
            problems.add(SpecRuleId.WRONG_SHAPE.error(
                    ASSETS,
                    list.valuePosition(),
                    null,
                    "'assets' must be a list of assets (each starting with '- id: ...'), but it is "
                            + list.value().kind()));
            reportNestedDuplicates(list.value(), null);
            return;
        }
        for (LocatedNode item : sequence.items()) {
            if (item instanceof LocatedNode.Mapping asset) {
                assets.add(asset(asset, defaults));
            } else {
                problems.add(SpecRuleId.WRONG_SHAPE.error(
                        null,
                        item.position(),
                        null,
                        "an asset must be a mapping of fields (like 'id: hero'), but this one is " + item.kind()));
                reportNestedDuplicates(item, null);
            }
        }
    }

    private Map<String, SpecValue> defaults(LocatedNode.Entry entry) {
        Map<String, SpecValue> defaults = new LinkedHashMap<>();
        if (entry == null || entry.value().isNull()) {
            return defaults;
        }
        reportNestedDuplicates(entry.value(), null);
        if (!(entry.value() instanceof LocatedNode.Mapping mapping)) {
            problems.add(SpecRuleId.WRONG_SHAPE.error(
                    DEFAULTS,
                    entry.valuePosition(),
                    null,
                    "'defaults' must be a mapping of asset fields, but it is "
                            + entry.value().kind()));
            return defaults;
        }
        for (LocatedNode.Entry field : mapping.entries().values()) {
            if (ID.equals(field.key())) {
                problems.add(SpecRuleId.ID_IN_DEFAULTS.error(
                        ID, field.keyPosition(), null, "'id' cannot be a default: each asset needs its own id"));
            } else if (isKnownField(field, null)) {
                reportNull(field, null);
                defaults.put(field.key(), value(field, true));
            }
        }
        return defaults;
    }

    private AssetSpec asset(LocatedNode.Mapping asset, Map<String, SpecValue> defaults) {
        String id = idOf(asset);
        reportNestedDuplicates(asset, id);
        Map<String, SpecValue> fields = new LinkedHashMap<>();
        for (LocatedNode.Entry field : asset.entries().values()) {
            if (isKnownField(field, id)) {
                if (!ID.equals(field.key())) {
                    reportNull(field, id);
                }
                fields.put(field.key(), value(field, false));
            }
        }
        defaults.forEach(fields::putIfAbsent);
        return new AssetSpec(id, specFile, asset.position(), fields);
    }

    /** The field's value; a list also keeps where each of its items was written. */
    private static SpecValue value(LocatedNode.Entry field, boolean inherited) {
        List<Position> items = field.value() instanceof LocatedNode.Sequence sequence
                ? sequence.items().stream().map(LocatedNode::position).toList()
                : List.of();
        return new SpecValue(field.value().toJson(), field.valuePosition(), inherited, items);
    }

    private boolean isKnownField(LocatedNode.Entry field, String assetId) {
        if (KNOWN_FIELDS.contains(field.key())) {
            return true;
        }
        SpecRuleId rule = unknownRule(field.key(), SpecRuleId.UNKNOWN_FIELD);
        problems.add(rule.error(
                field.key(), field.keyPosition(), assetId, unknown("field", field.key(), fieldHint(field.key()))));
        return false;
    }

    private static String fieldHint(String key) {
        String hint = DidYouMean.hint(key, SpecFields.ASSET_FIELDS);
        if (hint.isEmpty() && key.equals("duration")) {
            // video models take resolution and duration as one value, in options
            return " (a video's duration is part of options, like 768p-6sec; see the model's options)";
        }
        return hint;
    }

    /**
     * An explicit null ({@code seed:}, {@code seed: ~}, {@code "seed": null}) reads like "the
     * default" but is more often a value that was lost; saying so beats guessing. The id has its
     * own rule ({@code asset.id-missing}).
     */
    private void reportNull(LocatedNode.Entry field, String assetId) {
        if (field.value().isNull()) {
            problems.add(SpecRuleId.NULL_VALUE.error(
                    field.key(),
                    field.valuePosition(),
                    assetId,
                    field.key() + " is empty (null); give it a value or remove the line to use the default"));
        }
    }

    /** The id as written, when it is a scalar; the rule book reports a missing or invalid one. */
    private static String idOf(LocatedNode.Mapping asset) {
        LocatedNode.Entry id = asset.entries().get(ID);
        if (id != null && id.value() instanceof LocatedNode.Scalar scalar && !scalar.isNull()) {
            return scalar.value().asText();
        }
        return null;
    }

    private static SpecRuleId unknownRule(String key, SpecRuleId otherwise) {
        return "<<".equals(key) ? SpecRuleId.MERGE_KEY : otherwise;
    }

    private static String unknown(String what, String key, String hint) {
        if ("<<".equals(key)) {
            return "YAML merge keys ('<<') are not supported; put shared fields in 'defaults'";
        }
        return "unknown " + what + " '" + key + "'" + hint;
    }

    private void reportNestedDuplicates(LocatedNode node, String assetId) {
        if (node instanceof LocatedNode.Mapping mapping) {
            reportDuplicates(mapping, assetId);
            mapping.entries().values().forEach(entry -> reportNestedDuplicates(entry.value(), assetId));
        } else if (node instanceof LocatedNode.Sequence sequence) {
            sequence.items().forEach(item -> reportNestedDuplicates(item, assetId));
        }
    }

    private void reportDuplicates(LocatedNode.Mapping mapping, String assetId) {
        for (LocatedNode.Entry duplicate : mapping.duplicates()) {
            Position first = mapping.entries().get(duplicate.key()).keyPosition();
            problems.add(SpecRuleId.DUPLICATE_KEY.error(
                    duplicate.key(),
                    duplicate.keyPosition(),
                    assetId,
                    "duplicate key '" + duplicate.key() + "' (first written at line " + first.line() + ", column "
                            + first.column() + ")"));
        }
    }
}
