package io.github.assetgen.core.rules;

import io.github.assetgen.core.specfile.SpecRuleId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules of the rule book, one constant per kind of problem. Every {@link
 * io.github.assetgen.core.specfile.Problem} names its rule by {@link #id()}: {@code <family>.<rule>},
 * lower case with dashes. The ids are stable (reports such as SARIF name them); the wording of the
 * messages may change. The spec reader's own rules (family {@code spec}) are in {@link SpecRuleId}.
 *
 * <p>Family {@code asset} ({@code IdAndShapeRules}): ids and the shape of the values.
 * <ul>
 *   <li>{@code asset.id-missing}, {@code asset.id-not-text}, {@code asset.id-invalid} (outside the id
 *       grammar), {@code asset.id-duplicate} (used by another asset of the project)
 *   <li>{@code asset.not-whole-number}, {@code asset.not-boolean}, {@code asset.not-list},
 *       {@code asset.bad-list-item} (an empty or non-text item), {@code asset.not-text}
 *   <li>{@code asset.unsupported-type}, {@code asset.unsupported-provider}
 * </ul>
 *
 * <p>Family {@code model} ({@code ModelFieldRules}): the model and the fields it takes.
 * <ul>
 *   <li>{@code model.type-not-offered} (the provider has no model of the asset's type),
 *       {@code model.wrong-type} (the model makes the other type), {@code model.unknown}
 *   <li>{@code model.account-not-used} (only one provider takes an account)
 *   <li>{@code model.field-for-other-type} (a video field on an image, or the reverse),
 *       {@code model.unsupported-field} (the model does not take the field)
 *   <li>{@code model.unsupported-value} (aspectRatio, resolution, quality or options not in the
 *       model's list), {@code model.out-of-range} (quantity, seed or size), {@code model.malformed-size}
 *   <li>warnings: {@code model.quantity-ignored}, {@code model.size-rounded}, {@code model.size-ignored}
 *   <li>{@code model.option-needs-first-frame}, {@code model.first-frame-required},
 *       {@code model.end-frame-needs-option}, {@code model.too-many-references}
 * </ul>
 *
 * <p>Family {@code prompt} ({@code PromptRules}): {@code prompt.missing}, {@code prompt.too-long},
 * {@code prompt.mentions-unsupported} (the model takes no {@code @ImageN}),
 * {@code prompt.mention-out-of-range} (no reference with that number).
 *
 * <p>Family {@code input} ({@code InputFileRules}): references, character, first and end frame.
 * <ul>
 *   <li>{@code input.not-https}, {@code input.url-not-accepted} (the provider takes local files only),
 *       {@code input.local-file-not-accepted} (the provider takes URLs only)
 *   <li>{@code input.unreadable-file} (missing, not a file, cannot be read), {@code input.not-an-image},
 *       {@code input.unsupported-format}, {@code input.too-large}
 *   <li>{@code input.same-as-first-frame}, {@code input.wrong-frame-size}
 *   <li>{@code input.outside-root} (a local file that resolves, after symbolic links, outside the
 *       project's root directory)
 * </ul>
 *
 * <p>Family {@code output} ({@code OutputRules}): {@code output.empty}, {@code output.absolute},
 * {@code output.outside-directory}, {@code output.no-file-name}, {@code output.wrong-extension},
 * {@code output.collision} (another asset writes the same file, after the extension follows the
 * content where that is known in advance), {@code output.invalid-character} (a character Windows
 * or a jar cannot hold in a file name: {@code <>:"|?*}, a control character, or a name ending in a
 * dot or space), {@code output.pick-out-of-range} ({@code pick} names no candidate the request makes).
 *
 * <p>{@code model.out-of-range} also covers the placeholder provider, which has no model rules:
 * {@code quantity} 1 to 16, {@code seed} a 64-bit number and {@code size} sides up to 8192.
 */
public enum RuleId {
    ASSET_ID_MISSING("asset.id-missing"),
    ASSET_ID_NOT_TEXT("asset.id-not-text"),
    ASSET_ID_INVALID("asset.id-invalid"),
    ASSET_ID_DUPLICATE("asset.id-duplicate"),
    ASSET_NOT_WHOLE_NUMBER("asset.not-whole-number"),
    ASSET_NOT_BOOLEAN("asset.not-boolean"),
    ASSET_NOT_LIST("asset.not-list"),
    ASSET_BAD_LIST_ITEM("asset.bad-list-item"),
    ASSET_NOT_TEXT("asset.not-text"),
    ASSET_UNSUPPORTED_TYPE("asset.unsupported-type"),
    ASSET_UNSUPPORTED_PROVIDER("asset.unsupported-provider"),

    MODEL_TYPE_NOT_OFFERED("model.type-not-offered"),
    MODEL_WRONG_TYPE("model.wrong-type"),
    MODEL_UNKNOWN("model.unknown"),
    MODEL_ACCOUNT_NOT_USED("model.account-not-used"),
    MODEL_FIELD_FOR_OTHER_TYPE("model.field-for-other-type"),
    MODEL_UNSUPPORTED_FIELD("model.unsupported-field"),
    MODEL_UNSUPPORTED_VALUE("model.unsupported-value"),
    MODEL_OUT_OF_RANGE("model.out-of-range"),
    MODEL_MALFORMED_SIZE("model.malformed-size"),
    MODEL_QUANTITY_IGNORED("model.quantity-ignored"),
    MODEL_SIZE_ROUNDED("model.size-rounded"),
    MODEL_SIZE_IGNORED("model.size-ignored"),
    MODEL_OPTION_NEEDS_FIRST_FRAME("model.option-needs-first-frame"),
    MODEL_FIRST_FRAME_REQUIRED("model.first-frame-required"),
    MODEL_END_FRAME_NEEDS_OPTION("model.end-frame-needs-option"),
    MODEL_TOO_MANY_REFERENCES("model.too-many-references"),

    PROMPT_MISSING("prompt.missing"),
    PROMPT_TOO_LONG("prompt.too-long"),
    PROMPT_MENTIONS_UNSUPPORTED("prompt.mentions-unsupported"),
    PROMPT_MENTION_OUT_OF_RANGE("prompt.mention-out-of-range"),

    INPUT_NOT_HTTPS("input.not-https"),
    INPUT_URL_NOT_ACCEPTED("input.url-not-accepted"),
    INPUT_LOCAL_FILE_NOT_ACCEPTED("input.local-file-not-accepted"),
    INPUT_UNREADABLE_FILE("input.unreadable-file"),
    INPUT_NOT_AN_IMAGE("input.not-an-image"),
    INPUT_UNSUPPORTED_FORMAT("input.unsupported-format"),
    INPUT_TOO_LARGE("input.too-large"),
    INPUT_SAME_AS_FIRST_FRAME("input.same-as-first-frame"),
    INPUT_WRONG_FRAME_SIZE("input.wrong-frame-size"),
    INPUT_OUTSIDE_ROOT("input.outside-root"),

    OUTPUT_EMPTY("output.empty"),
    OUTPUT_ABSOLUTE("output.absolute"),
    OUTPUT_OUTSIDE_DIRECTORY("output.outside-directory"),
    OUTPUT_NO_FILE_NAME("output.no-file-name"),
    OUTPUT_WRONG_EXTENSION("output.wrong-extension"),
    OUTPUT_COLLISION("output.collision"),
    OUTPUT_INVALID_CHARACTER("output.invalid-character"),
    OUTPUT_PICK_OUT_OF_RANGE("output.pick-out-of-range");

    private final String id;

    RuleId(String id) {
        this.id = id;
    }

    /** The id as reports show it, e.g. {@code model.unsupported-value}. */
    public String id() {
        return id;
    }

    /** Every rule id a problem can carry: the rule book's and the spec reader's. */
    public static Set<String> allIds() {
        return Stream.concat(
                        Arrays.stream(values()).map(RuleId::id),
                        Arrays.stream(SpecRuleId.values()).map(SpecRuleId::id))
                .collect(Collectors.toUnmodifiableSet());
    }
}
