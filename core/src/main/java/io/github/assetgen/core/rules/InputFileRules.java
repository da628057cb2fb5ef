package io.github.assetgen.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderInputs;
import io.github.assetgen.core.request.InputFile;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.specfile.SpecValue;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Family {@code input}: references, character, first and end frame are readable images, sent the
 * way the provider takes them (URL or local file, format, size), and frames fit the model. Resolves
 * the input files; runs even when type or provider is unknown, so every broken file shows at once.
 */
final class InputFileRules implements RuleFamily {

    /** A URL of any scheme; compiled once, not for every reference of every asset as {@code String.matches} does. */
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    @Override
    public void check(CheckedAsset a) {
        a.inputs = inputs(a, a.provider, a.rules);
    }

    private static CheckedAsset.Inputs inputs(CheckedAsset a, String provider, ModelRules rules) {
        CheckedAsset.Inputs inputs = new CheckedAsset.Inputs();
        SpecValue refs = a.values.get("references");
        if (refs != null) {
            for (int i = 0; i < refs.node().size(); i++) {
                JsonNode item = refs.node().get(i);
                if (item.isTextual() && !item.asText().isBlank()) {
                    inputs.references.add(input(
                            a, provider, refs.positionOf(i), "references", "references[" + i + "]", item.asText()));
                }
            }
        }
        inputs.character = singleInput(a, provider, "character");
        inputs.firstFrame = singleInput(a, provider, "firstFrame");
        inputs.endFrame = singleInput(a, provider, "endFrame");
        if (inputs.firstFrame != null
                && inputs.endFrame != null
                && inputs.firstFrame.identity().equals(inputs.endFrame.identity())) {
            a.error(
                    RuleId.INPUT_SAME_AS_FIRST_FRAME,
                    "endFrame",
                    "endFrame is the same image as firstFrame; the provider needs two different files");
        }
        if (rules != null
                && inputs.firstFrame != null
                && inputs.firstFrame.isLocal()
                && !rules.firstFrameSizes().isEmpty()) {
            int[] dims = a.files.load(inputs.firstFrame.path()).dimensions();
            String actual = dims == null ? null : dims[0] + "x" + dims[1];
            if (actual == null || !rules.firstFrameSizes().contains(actual)) {
                a.error(
                        RuleId.INPUT_WRONG_FRAME_SIZE,
                        "firstFrame",
                        "firstFrame of " + rules.model()
                                + " must be exactly " + CheckedAsset.orList(rules.firstFrameSizes()) + " pixels ("
                                + (actual == null ? "its size cannot be read" : "it is " + actual)
                                + "); resize the image");
            }
        }
        return inputs;
    }

    private static InputFile singleInput(CheckedAsset a, String provider, String field) {
        String value = a.text(field);
        return value == null ? null : input(a, provider, a.spec.positionOf(field), field, field, value);
    }

    /**
     * Resolves one file or URL and applies the provider's transport rules; null when it is wrong.
     *
     * @param at where the value was written (a list item's own position), for problems
     * @param label how messages name the value, e.g. {@code references[0]}
     */
    private static InputFile input(
            CheckedAsset a, String provider, Position at, String field, String label, String value) {
        // the rules of the provider the spec names, placeholders or not: a placeholder build that
        // passes must validate when the token arrives (only the placeholder itself takes everything)
        ProviderDescriptor descriptor =
                provider == null ? null : a.catalog.provider(provider).orElse(null);
        ProviderInputs accepted = descriptor == null ? null : descriptor.inputs();
        if (URL.matcher(value).matches()) {
            if (!value.startsWith("https://")) {
                return rejected(
                        a,
                        RuleId.INPUT_NOT_HTTPS,
                        field,
                        at,
                        label,
                        value,
                        "is not an https URL; use https:// or a local file");
            }
            if (accepted != null && !accepted.acceptsUrls()) {
                return rejected(
                        a,
                        RuleId.INPUT_URL_NOT_ACCEPTED,
                        field,
                        at,
                        label,
                        value,
                        "is a URL, but " + descriptor.displayName() + " uploads local files only; save the image in"
                                + " the project and give its path");
            }
            return InputFile.ofUrl(value);
        }
        Path base = a.spec.specFile().toAbsolutePath().getParent();
        Path path;
        try {
            path = (base == null ? Path.of(value) : base.resolve(value)).normalize();
        } catch (InvalidPathException e) {
            // a NUL or a character this file system refuses (a "\0" escape in YAML, "\u0000" in JSON)
            return rejected(
                    a,
                    RuleId.INPUT_UNREADABLE_FILE,
                    field,
                    at,
                    label,
                    value.replace('\0', '?'),
                    "is not a valid file path (" + e.getReason() + "); give the image's path in the project");
        }
        String outside = a.files.outsideRoot(path, a.context.rootDirectory());
        if (outside != null) {
            return rejected(
                    a,
                    RuleId.INPUT_OUTSIDE_ROOT,
                    field,
                    at,
                    label,
                    value,
                    "resolves to " + outside + ", outside the project root " + a.context.rootDirectory()
                            + "; copy the file into the project instead of linking to it");
        }
        InputFiles.LocalFile file = a.files.load(path);
        if (file.problem() != null) {
            return rejected(
                    a,
                    RuleId.INPUT_UNREADABLE_FILE,
                    field,
                    at,
                    label,
                    value,
                    file.problem() + " (looked at " + a.shown(path) + ")");
        }
        if (file.format() == MediaFormat.UNKNOWN || file.format() == MediaFormat.MP4) {
            return rejected(
                    a,
                    RuleId.INPUT_NOT_AN_IMAGE,
                    field,
                    at,
                    label,
                    value,
                    "is not a PNG, JPEG or WebP image; convert it or choose another file");
        }
        if (accepted != null && !accepted.acceptsLocalFiles()) {
            return rejected(
                    a,
                    RuleId.INPUT_LOCAL_FILE_NOT_ACCEPTED,
                    field,
                    at,
                    label,
                    value,
                    "is a local file, but " + descriptor.displayName() + " takes only https URLs; publish the image"
                            + " and give its https URL");
        }
        if (accepted != null) {
            if (!accepted.accepts(file.format())) {
                return rejected(
                        a,
                        RuleId.INPUT_UNSUPPORTED_FORMAT,
                        field,
                        at,
                        label,
                        value,
                        "is " + formatName(file.format()) + ", but " + descriptor.displayName() + " takes "
                                + CheckedAsset.orList(accepted.localFormats().stream()
                                        .map(InputFileRules::formatName)
                                        .toList())
                                + "; convert it");
            }
            if (file.size() > accepted.maxLocalBytes()) {
                return rejected(
                        a,
                        RuleId.INPUT_TOO_LARGE,
                        field,
                        at,
                        label,
                        value,
                        "is "
                                + file.size() / (1024 * 1024) + " MB; " + descriptor.displayName()
                                + " takes images under "
                                + accepted.maxLocalBytes() / (1024 * 1024) + " MB, make it smaller");
            }
        }
        return InputFile.ofLocal(file.path(), file.sha256(), file.format().mediaType());
    }

    /** How messages name an image format. */
    private static String formatName(MediaFormat format) {
        return format == MediaFormat.WEBP ? "WebP" : format.name();
    }

    /** Reports why an input cannot be used, as {@code label 'value' why}; always null. */
    private static InputFile rejected(
            CheckedAsset a, RuleId rule, String field, Position at, String label, String value, String why) {
        a.error(rule, field, at, label + " '" + value + "' " + why);
        return null;
    }
}
