package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What one model of one provider accepts: the values, ranges and defaults of every generation
 * parameter, and which inputs it takes. An empty list means the model does not take that
 * parameter at all. Immutable; each provider's model table builds them with {@link #builder}.
 *
 * @param provider the provider name ({@code useapi}, {@code minimax}, {@code apixo})
 * @param model the model name as the provider spells it
 * @param type what the model makes
 * @param maxPrompt the longest prompt in characters (Unicode code points)
 * @param promptOptimizationDefault the value sent when the spec does not set {@code promptOptimization}
 * @param resolutions accepted {@code resolution} values; empty when not taken
 * @param defaultResolution the default resolution, or null
 * @param aspectRatios accepted {@code aspectRatio} values; empty when not taken
 * @param defaultAspectRatio the default aspect ratio, or null
 * @param qualities accepted {@code quality} values; empty when not taken
 * @param defaultQuality the default quality, or null
 * @param maxQuantity the largest {@code quantity}; 0 when the model takes none
 * @param fixedQuantity how many images the model always returns regardless of {@code quantity}; 0 if it obeys it
 * @param seed whether the model takes a {@code seed}
 * @param minSeed the smallest accepted seed
 * @param maxSeed the largest accepted seed
 * @param size whether the model takes an explicit {@code size} (WxH)
 * @param maxReferences how many {@code references} the model takes; 0 when none
 * @param mentions whether the prompt may mention references as {@code @ImageN}
 * @param character whether the model takes a {@code character} reference
 * @param firstFrame whether a {@code firstFrame} is required, optional or not taken
 * @param endFrameOptions the options that allow an {@code endFrame}; empty when the model takes none
 * @param options accepted {@code options} (resolution and duration, e.g. {@code 768p-6sec}); empty when not taken
 * @param defaultOption the default option, or null
 * @param imageToVideoOptions options that are only allowed with a first frame
 * @param nativeOption what the model produces when it takes no options (e.g. {@code 720p-6sec}), or null
 * @param firstFrameSizes the exact first-frame pixel sizes required (e.g. {@code 1280x720}); empty when any
 */
public record ModelRules(
        String provider,
        String model,
        AssetType type,
        int maxPrompt,
        boolean promptOptimizationDefault,
        List<String> resolutions,
        String defaultResolution,
        List<String> aspectRatios,
        String defaultAspectRatio,
        List<String> qualities,
        String defaultQuality,
        int maxQuantity,
        int fixedQuantity,
        boolean seed,
        long minSeed,
        long maxSeed,
        boolean size,
        int maxReferences,
        boolean mentions,
        boolean character,
        FrameRule firstFrame,
        Set<String> endFrameOptions,
        List<String> options,
        String defaultOption,
        Set<String> imageToVideoOptions,
        String nativeOption,
        List<String> firstFrameSizes) {

    /** Whether a model wants a first frame (the image a video starts from, or its subject). */
    public enum FrameRule {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    public ModelRules {
        resolutions = List.copyOf(resolutions);
        aspectRatios = List.copyOf(aspectRatios);
        qualities = List.copyOf(qualities);
        endFrameOptions = Set.copyOf(endFrameOptions);
        options = List.copyOf(options);
        imageToVideoOptions = Set.copyOf(imageToVideoOptions);
        firstFrameSizes = List.copyOf(firstFrameSizes);
    }

    /** Whether the model takes the given spec field at all (a field it does not take is an error). */
    public boolean takes(String field) {
        return switch (field) {
            case "resolution" -> !resolutions.isEmpty();
            case "aspectRatio" -> !aspectRatios.isEmpty();
            case "quality" -> !qualities.isEmpty();
            case "quantity" -> maxQuantity > 0;
            case "seed" -> seed;
            case "size" -> size;
            case "references" -> maxReferences > 0;
            case "character" -> character;
            case "firstFrame" -> firstFrame != FrameRule.NONE;
            case "endFrame" -> !endFrameOptions.isEmpty();
            case "options" -> !options.isEmpty();
            // account is the provider's matter, not the model's: see ProviderInputs.account()
            default -> true;
        };
    }

    /** How many files one request returns when the spec asks for {@code quantity}. */
    public int filesFor(int quantity) {
        if (fixedQuantity > 0) {
            return fixedQuantity;
        }
        return maxQuantity > 0 ? quantity : 1;
    }

    /** Starts the rules of one model; {@code maxPrompt} is the longest prompt in code points. */
    public static Builder builder(String provider, String model, AssetType type, int maxPrompt) {
        return new Builder(provider, model, type, maxPrompt);
    }

    /** Keeps a provider's model table readable: one line per model. First value of a list call is the default. */
    public static final class Builder {
        private final String provider;
        private final String model;
        private final AssetType type;
        private final int maxPrompt;
        private boolean promptOptimization;
        private List<String> resolutions = List.of();
        private String defaultResolution;
        private List<String> ratios = List.of();
        private String defaultRatio;
        private List<String> qualities = List.of();
        private String defaultQuality;
        private int maxQuantity;
        private int fixedQuantity;
        private boolean seed;
        private long minSeed;
        private long maxSeed;
        private boolean size;
        private int references;
        private boolean mentions;
        private boolean character;
        private FrameRule firstFrame = FrameRule.NONE;
        private Set<String> endFrameOptions = Set.of();
        private List<String> options = List.of();
        private String defaultOption;
        private Set<String> imageToVideo = Set.of();
        private String nativeOption;
        private List<String> firstFrameSizes = List.of();

        private Builder(String provider, String model, AssetType type, int maxPrompt) {
            this.provider = provider;
            this.model = model;
            this.type = type;
            this.maxPrompt = maxPrompt;
        }

        public Builder promptOptimization(boolean value) {
            promptOptimization = value;
            return this;
        }

        public Builder resolutions(String dflt, String... values) {
            defaultResolution = dflt;
            resolutions = List.of(values.length == 0 ? new String[] {dflt} : values);
            return this;
        }

        public Builder ratios(String dflt, String... values) {
            return ratios(dflt, Arrays.asList(values));
        }

        public Builder ratios(List<String> values) {
            return ratios(values.get(0), values);
        }

        public Builder ratios(String dflt, List<String> values) {
            defaultRatio = dflt;
            ratios = List.copyOf(values);
            return this;
        }

        public Builder qualities(String dflt, String... values) {
            defaultQuality = dflt;
            qualities = List.of(values);
            return this;
        }

        public Builder quantity(int max) {
            maxQuantity = max;
            return this;
        }

        public Builder fixedQuantity(int count) {
            fixedQuantity = count;
            return this;
        }

        public Builder seed(long min, long max) {
            seed = true;
            minSeed = min;
            maxSeed = max;
            return this;
        }

        public Builder size() {
            size = true;
            return this;
        }

        public Builder references(int max) {
            references = max;
            return this;
        }

        public Builder mentions() {
            mentions = true;
            return this;
        }

        public Builder character() {
            character = true;
            return this;
        }

        public Builder firstFrame(FrameRule rule) {
            firstFrame = rule;
            return this;
        }

        public Builder endFrame(String... allowedOptions) {
            endFrameOptions = Set.of(allowedOptions);
            return this;
        }

        public Builder options(List<String> values, String dflt) {
            options = values;
            defaultOption = dflt;
            return this;
        }

        public Builder imageToVideoOnly(String... values) {
            imageToVideo = Set.of(values);
            return this;
        }

        public Builder nativeOption(String option) {
            nativeOption = option;
            return this;
        }

        public Builder firstFrameSizes(String... sizes) {
            firstFrameSizes = List.of(sizes);
            return this;
        }

        public ModelRules build() {
            return new ModelRules(
                    provider,
                    model,
                    type,
                    maxPrompt,
                    promptOptimization,
                    resolutions,
                    defaultResolution,
                    ratios,
                    defaultRatio,
                    qualities,
                    defaultQuality,
                    maxQuantity,
                    fixedQuantity,
                    seed,
                    minSeed,
                    maxSeed,
                    size,
                    references,
                    mentions,
                    character,
                    firstFrame,
                    endFrameOptions,
                    options,
                    defaultOption,
                    imageToVideo,
                    nativeOption,
                    firstFrameSizes);
        }
    }
}
