package io.github.assetgen.core.rules;

import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.request.AssetType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Part of family {@code model}: what to write instead of {@code resolution} on a video. Video
 * models take resolution and duration together as one {@code options} value ({@code 1080p-6sec}),
 * so the message points at the options of the model the spec names.
 */
final class VideoOptions {

    private VideoOptions() {}

    /** The message for a {@code resolution} on a video asset. */
    static String insteadOfResolution(CheckedAsset a) {
        String value = a.text("resolution");
        String lead = "resolution is not a video field: videos set resolution and duration together in options";
        Optional<ModelRules> model = model(a);
        if (model.isEmpty()) {
            return lead + " (like 768p-6sec, as the model takes); remove resolution";
        }
        ModelRules rules = model.get();
        if (rules.options().isEmpty()) {
            return lead + ", but " + rules.model() + " takes none"
                    + (rules.nativeOption() == null ? "" : " (it always makes " + rules.nativeOption() + ")")
                    + "; remove resolution";
        }
        if (a.values.containsKey("options")) {
            return lead + ", and options is already set; remove resolution";
        }
        List<String> matching = value == null
                ? List.of()
                : rules.options().stream()
                        .filter(option -> List.of(
                                        option.toLowerCase(Locale.ROOT).split("-"))
                                .contains(value.toLowerCase(Locale.ROOT)))
                        .toList();
        String supported = " (" + rules.model() + " takes " + CheckedAsset.orList(rules.options()) + ")";
        if (matching.isEmpty()) {
            return lead + "; remove resolution and choose options" + supported;
        }
        return lead + "; write options: " + CheckedAsset.orList(matching) + " instead" + supported;
    }

    /** The rules of the named model, or of the catalog's video model of that name for the placeholder. */
    private static Optional<ModelRules> model(CheckedAsset a) {
        if (a.rules != null) {
            return Optional.of(a.rules);
        }
        return a.model == null
                ? Optional.empty()
                : a.catalog.all().stream()
                        .filter(m -> m.model().equals(a.model) && m.type() == AssetType.VIDEO)
                        .findFirst();
    }
}
