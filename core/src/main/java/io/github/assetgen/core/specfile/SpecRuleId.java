package io.github.assetgen.core.specfile;

/**
 * The rules of the spec reader, family {@code spec}: what makes a spec file unreadable or wrongly
 * shaped before any asset is checked. The ids are stable (reports such as SARIF name them); the
 * wording of the messages may change.
 *
 * <ul>
 *   <li>{@code spec.not-a-directory}: the spec directory is a file
 *   <li>{@code spec.unreadable}: a file or folder cannot be read (permissions, broken links, loops)
 *   <li>{@code spec.not-utf8}: a file is not UTF-8 text
 *   <li>{@code spec.malformed}: not valid YAML or JSON, or the file ends too early
 *   <li>{@code spec.multiple-documents}: more than one YAML document, or content after the JSON object
 *   <li>{@code spec.alias}: a YAML alias ({@code *name}), which is not supported
 *   <li>{@code spec.wrong-shape}: the file, {@code assets}, an asset or {@code defaults} has the wrong kind
 *   <li>{@code spec.unknown-key}: an unknown top-level key
 *   <li>{@code spec.unknown-field}: an unknown asset field (in an asset or in {@code defaults})
 *   <li>{@code spec.merge-key}: a YAML merge key ({@code <<}), which is not supported
 *   <li>{@code spec.id-in-defaults}: {@code id} given as a default
 *   <li>{@code spec.duplicate-key}: a key written twice in one mapping
 *   <li>{@code spec.outside-root}: a spec file that resolves (after symbolic links) outside the
 *       project's root directory, which is not read
 *   <li>{@code spec.null-value}: an asset field (or default) written as an explicit null
 *   <li>warning {@code spec.empty-file}: a spec file that holds nothing
 * </ul>
 */
public enum SpecRuleId {
    NOT_A_DIRECTORY("spec.not-a-directory"),
    UNREADABLE("spec.unreadable"),
    NOT_UTF8("spec.not-utf8"),
    MALFORMED("spec.malformed"),
    MULTIPLE_DOCUMENTS("spec.multiple-documents"),
    ALIAS("spec.alias"),
    WRONG_SHAPE("spec.wrong-shape"),
    UNKNOWN_KEY("spec.unknown-key"),
    UNKNOWN_FIELD("spec.unknown-field"),
    MERGE_KEY("spec.merge-key"),
    ID_IN_DEFAULTS("spec.id-in-defaults"),
    DUPLICATE_KEY("spec.duplicate-key"),
    OUTSIDE_ROOT("spec.outside-root"),
    NULL_VALUE("spec.null-value"),
    EMPTY_FILE("spec.empty-file");

    private final String id;

    SpecRuleId(String id) {
        this.id = id;
    }

    /** The id as reports show it, e.g. {@code spec.duplicate-key}. */
    public String id() {
        return id;
    }

    Problem error(String field, Position position, String assetId, String message) {
        return Problem.error(id, field, position, assetId, message);
    }

    Problem warning(String field, Position position, String assetId, String message) {
        return Problem.warning(id, field, position, assetId, message);
    }
}
