package io.github.assetgen.core.specfile;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One asset as written in a spec file, with {@code defaults} already merged in. Every field keeps
 * its position. Field names are the contract's neutral names ({@code prompt}, {@code model}, ...).
 * Immutable.
 *
 * @param id the asset id (may be invalid: the rule book checks it)
 * @param specFile the absolute path of the file that declares the asset (references resolve
 *     against its folder)
 * @param position where the asset's entry starts (its {@code id} key, or the list item)
 * @param fields every field including {@code id}, in the order written
 */
public record AssetSpec(String id, Path specFile, Position position, Map<String, SpecValue> fields) {

    public AssetSpec {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<SpecValue> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The field's text, or empty when absent or JSON null. */
    public Optional<String> text(String name) {
        SpecValue value = fields.get(name);
        if (value == null || value.node().isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** Where the field was written, or the asset's own position when it is absent. */
    public Position positionOf(String name) {
        SpecValue value = fields.get(name);
        return value == null ? position : value.position();
    }
}
