package io.github.assetgen.core.rules;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.rules.ModelRules.FrameRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The models each provider offers and what each accepts, transcribed from the provider documents
 * in {@code shared/seeds/} and {@code shared/docs/provider-facts.md}. Pure data plus look-ups.
 *
 * <p>Choices where the documents are silent: the default {@code options} of useapi videos are
 * {@code 768p-6sec} (02, 2.3), {@code 720p-4sec} (Sora-2) and {@code veo-720p-8sec} (Veo); MiniMax
 * official's default video model is {@code MiniMax-Hailuo-2.3} with {@code 768p-6sec}, its 01
 * models take {@code 720p-6sec} only; {@code promptOptimization} defaults to false everywhere but
 * useapi images (documented true); MiniMax official takes one subject reference. {@code image-01-live}
 * is left out: only third-party copies mention it.
 */
public final class ModelCatalog {

    public static final String USEAPI = "useapi";
    public static final String MINIMAX = "minimax";
    public static final String APIXO = "apixo";
    public static final String PLACEHOLDER = "placeholder";

    private static final List<String> PROVIDERS = List.of(USEAPI, MINIMAX, APIXO, PLACEHOLDER);

    private static final List<String> RATIOS_AUTO = List.of(
            "auto", "16:9", "5:4", "4:3", "3:2", "1:1", "2:3", "3:4", "4:5", "9:16", "21:9");
    private static final List<String> MINIMAX_RATIOS = List.of(
            "1:1", "16:9", "4:3", "3:2", "2:3", "3:4", "9:16", "21:9");
    private static final List<String> VIDEO_RATIOS = List.of("16:9", "9:16");
    private static final List<String> HAILUO_23_OPTIONS = List.of("768p-6sec", "768p-10sec", "1080p-6sec");
    private static final List<String> HAILUO_02_OPTIONS = List.of(
            "512p-6sec", "512p-10sec", "768p-6sec", "768p-10sec", "1080p-6sec");
    private static final List<String> VEO_OPTIONS = List.of("veo-720p-8sec", "veo-1080p-8sec", "veo-4k-8sec");
    private static final List<String> SORA_OPTIONS = List.of("720p-4sec", "720p-8sec", "720p-12sec");

    /**
     * Long side in pixels per useapi image resolution. The seeds give no pixel sizes; these are
     * the usual meanings (HD is 1280x720-class; gpt-image-1.5's Low/Medium/High are quality tiers
     * at 1024).
     */
    private static final Map<String, Integer> LONG_SIDE = Map.of(
            "512P", 512, "1K", 1024, "2K", 2048, "3K", 3072, "4K", 4096, "HD", 1280,
            "Low", 1024, "Medium", 1024, "High", 1024);

    /** Preset sizes by aspect ratio for MiniMax image-01 and APIXO 1K (provider-facts §2.1, seed 003). */
    private static final Map<String, int[]> PRESETS_1K = Map.of(
            "1:1", new int[] {1024, 1024}, "16:9", new int[] {1280, 720}, "4:3", new int[] {1152, 864},
            "3:2", new int[] {1248, 832}, "2:3", new int[] {832, 1248}, "3:4", new int[] {864, 1152},
            "9:16", new int[] {720, 1280}, "21:9", new int[] {1344, 576});

    /** APIXO 2K presets (seed 003). */
    private static final Map<String, int[]> PRESETS_2K = Map.of(
            "1:1", new int[] {2048, 2048}, "16:9", new int[] {2048, 1152}, "4:3", new int[] {2048, 1536},
            "3:2", new int[] {2048, 1368}, "2:3", new int[] {1368, 2048}, "3:4", new int[] {1536, 2048},
            "9:16", new int[] {1152, 2048}, "21:9", new int[] {2048, 880});

    /**
     * Landscape frame size per video resolution tier (9:16 swaps them). The seeds name tiers only;
     * these are the usual 16:9 frames of each height.
     */
    private static final Map<String, int[]> VIDEO_TIERS = Map.of(
            "512p", new int[] {910, 512}, "720p", new int[] {1280, 720}, "768p", new int[] {1366, 768},
            "1080p", new int[] {1920, 1080}, "4k", new int[] {3840, 2160});

    private static final Pattern OPTION = Pattern.compile("(?:veo-)?(\\d+p|4k)-(\\d+)sec");
    static final Pattern SIZE = Pattern.compile("(\\d{1,6})[*xX](\\d{1,6})");

    private static final ModelCatalog STANDARD = new ModelCatalog(standardModels());

    private final Map<String, Map<String, ModelRules>> byProvider;

    private ModelCatalog(List<ModelRules> models) {
        Map<String, Map<String, ModelRules>> map = new LinkedHashMap<>();
        for (String provider : PROVIDERS) {
            map.put(provider, new LinkedHashMap<>());
        }
        for (ModelRules rules : models) {
            map.get(rules.provider()).put(rules.model(), rules);
        }
        this.byProvider = map;
    }

    /** The catalog built from the provider documents. */
    public static ModelCatalog standard() {
        return STANDARD;
    }

    /** The rules of a provider's model; empty for unknown names and for the placeholder provider. */
    public Optional<ModelRules> find(String provider, String model) {
        Map<String, ModelRules> models = byProvider.get(provider);
        return models == null ? Optional.empty() : Optional.ofNullable(models.get(model));
    }

    /** Every provider name, the default ({@code useapi}) first. */
    public Set<String> providers() {
        return new LinkedHashSet<>(PROVIDERS);
    }

    /** The models a provider offers for a type, in document order. */
    public List<String> models(String provider, AssetType type) {
        Map<String, ModelRules> models = byProvider.getOrDefault(provider, Map.of());
        return models.values().stream().filter(m -> m.type() == type).map(ModelRules::model).toList();
    }

    /** Every model of every provider (for the JSON schema and "only supported by" hints). */
    public List<ModelRules> all() {
        return byProvider.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /**
     * The model used when a spec names none, or null when the provider makes nothing of that type.
     * The placeholder provider borrows useapi's defaults so its renders have a realistic size.
     */
    public String defaultModel(String provider, AssetType type, boolean hasFirstFrame) {
        return switch (provider) {
            case USEAPI, PLACEHOLDER -> type == AssetType.IMAGE ? "image-01" : hasFirstFrame ? "I2V-01" : "T2V-01";
            case MINIMAX -> type == AssetType.IMAGE ? "image-01" : "MiniMax-Hailuo-2.3";
            case APIXO -> type == AssetType.IMAGE ? "minimax-image-01" : null;
            default -> null;
        };
    }

    /**
     * The rules of a model named by any provider, as the placeholder provider uses them: the
     * request's own provider first, then the others in order.
     */
    Optional<ModelRules> findAnywhere(String provider, String model, AssetType type) {
        Optional<ModelRules> own = find(provider, model);
        if (own.isPresent()) {
            return own;
        }
        return all().stream().filter(m -> m.model().equals(model) && m.type() == type).findFirst();
    }

    /**
     * The pixel size (and duration) the named model would produce for the request's parameters.
     * Missing or unknown parameter values fall back to the model's defaults; a model no provider
     * knows renders at 1024x1024 (6 s for videos).
     */
    public RenderSize renderSize(AssetRequest request) {
        Optional<ModelRules> found = findAnywhere(request.provider(), request.model(), request.type());
        if (found.isEmpty()) {
            return new RenderSize(1024, 1024, request.type() == AssetType.VIDEO ? 6 : 0);
        }
        ModelRules rules = found.get();
        if (rules.type() == AssetType.VIDEO) {
            return videoSize(rules, request);
        }
        String ratio = pick(request, "aspectRatio", rules.aspectRatios(), rules.defaultAspectRatio(), "1:1");
        String resolution = pick(request, "resolution", rules.resolutions(), rules.defaultResolution(), "1K");
        if (rules.provider().equals(MINIMAX)) {
            return fromPreset(PRESETS_1K, ratio);
        }
        if (rules.provider().equals(APIXO)) {
            boolean preset = request.parameter("resolution").isPresent() || request.parameter("aspectRatio").isPresent();
            Optional<int[]> size = request.text("size").flatMap(ModelCatalog::parseSize);
            if (!preset && size.isPresent()) {
                return new RenderSize(roundTo8(size.get()[0]), roundTo8(size.get()[1]), 0);
            }
            return fromPreset("2K".equals(resolution) ? PRESETS_2K : PRESETS_1K, ratio);
        }
        return byLongSide(LONG_SIDE.getOrDefault(resolution, 1024), ratio);
    }

    private static RenderSize videoSize(ModelRules rules, AssetRequest request) {
        String option = pick(request, "options", rules.options(), rules.defaultOption(), null);
        if (option == null) {
            option = rules.nativeOption() == null ? "720p-6sec" : rules.nativeOption();
        }
        Matcher m = OPTION.matcher(option);
        int[] tier = VIDEO_TIERS.get("720p");
        int seconds = 6;
        if (m.matches()) {
            tier = VIDEO_TIERS.getOrDefault(m.group(1), tier);
            seconds = Integer.parseInt(m.group(2));
        }
        String ratio = pick(request, "aspectRatio", rules.aspectRatios(), rules.defaultAspectRatio(), "16:9");
        boolean portrait = "9:16".equals(ratio);
        return new RenderSize(portrait ? tier[1] : tier[0], portrait ? tier[0] : tier[1], seconds);
    }

    private static String pick(AssetRequest request, String name, List<String> allowed, String dflt, String fallback) {
        String value = request.text(name).orElse(null);
        if (value != null && allowed.contains(value)) {
            return value;
        }
        return dflt == null ? fallback : dflt;
    }

    private static RenderSize fromPreset(Map<String, int[]> presets, String ratio) {
        int[] size = presets.getOrDefault(ratio, presets.get("1:1"));
        return new RenderSize(size[0], size[1], 0);
    }

    private static RenderSize byLongSide(int longSide, String ratio) {
        int[] r = parseRatio(ratio).orElse(new int[] {1, 1});
        if (r[0] >= r[1]) {
            return new RenderSize(longSide, Math.round((float) longSide * r[1] / r[0]), 0);
        }
        return new RenderSize(Math.round((float) longSide * r[0] / r[1]), longSide, 0);
    }

    private static Optional<int[]> parseRatio(String ratio) {
        String[] parts = ratio.split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Width and height of an APIXO {@code size} ({@code 1024*1024}, {@code 1024x1024}, {@code 1024X1024}). */
    static Optional<int[]> parseSize(String size) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }

    /** The nearest multiple of 8 (APIXO rounds sizes this way; halves round up). */
    static int roundTo8(int value) {
        return Math.round(value / 8f) * 8;
    }

    // ---------------------------------------------------------------- the data

    private static List<ModelRules> standardModels() {
        List<ModelRules> models = new ArrayList<>();
        // useapi images (seed 000)
        models.add(useapiImage("image-01", 1250).resolutions("HD").ratios("16:9", "16:9", "4:3", "1:1", "3:4", "9:16", "21:9")
                .references(0).character().build());
        models.add(useapiImage("nano-banana-2", 5000).resolutions("512P", "512P", "1K", "2K", "4K").ratios(RATIOS_AUTO)
                .references(14).mentions().build());
        models.add(useapiImage("nano-banana-pro", 5000).resolutions("1K", "1K", "2K", "4K").ratios(RATIOS_AUTO)
                .references(14).mentions().build());
        models.add(useapiImage("gpt-image-1.5", 1250).resolutions("Low", "Low", "Medium", "High")
                .ratios("auto", "auto", "1:1", "3:2", "2:3").references(3).build());
        models.add(useapiImage("gpt-image-2", 1250).resolutions("1K", "1K", "2K", "4K")
                .ratios("16:9", "16:9", "21:9", "5:4", "4:3", "3:2", "1:1", "2:3", "3:4", "4:5", "9:16")
                .qualities("low", "low", "medium", "high").references(16).mentions().build());
        models.add(useapiImage("seedream-4.5", 1250).resolutions("2K", "2K", "4K").ratios(RATIOS_AUTO)
                .references(14).mentions().build());
        models.add(useapiImage("seedream-5.0", 5000).resolutions("2K", "2K", "3K").ratios(RATIOS_AUTO)
                .references(14).mentions().build());
        models.add(useapiImage("midjourney-v7", 5000).ratios(RATIOS_AUTO).references(14).fixedQuantity(4).build());
        models.add(useapiImage("midjourney-niji7", 5000).ratios(RATIOS_AUTO).references(14).fixedQuantity(4).build());

        // useapi videos (seed 002 and the clean tables in seeds/README.md)
        for (String model : List.of("T2V-01", "T2V-01-Director")) {
            models.add(useapiVideo(model).nativeOption("720p-6sec").build());
        }
        for (String model : List.of("I2V-01", "I2V-01-live", "I2V-01-Director", "S2V-01")) {
            models.add(useapiVideo(model).firstFrame(FrameRule.REQUIRED).nativeOption("720p-6sec").build());
        }
        models.add(useapiVideo("02").firstFrame(FrameRule.OPTIONAL).options(HAILUO_02_OPTIONS, "768p-6sec")
                .imageToVideoOnly("512p-10sec").endFrame("768p-6sec", "768p-10sec", "1080p-6sec").build());
        models.add(useapiVideo("T2V-2.3").options(HAILUO_23_OPTIONS, "768p-6sec").build());
        for (String model : List.of("I2V-2.3", "I2V-2.3-Fast")) {
            models.add(useapiVideo(model).firstFrame(FrameRule.REQUIRED).options(HAILUO_23_OPTIONS, "768p-6sec").build());
        }
        models.add(useapiVideo("Sora-2").firstFrame(FrameRule.OPTIONAL).options(SORA_OPTIONS, "720p-4sec")
                .ratios("16:9", VIDEO_RATIOS).firstFrameSizes("1280x720", "720x1280").build());
        for (String model : List.of("Veo-3.1", "Veo-3.1-Fast")) {
            models.add(useapiVideo(model).firstFrame(FrameRule.OPTIONAL).options(VEO_OPTIONS, "veo-720p-8sec")
                    .ratios("16:9", VIDEO_RATIOS).endFrame(VEO_OPTIONS.toArray(String[]::new)).build());
        }
        for (String model : List.of("Veo-3.1-S2V", "Veo-3.1-S2V-Fast")) {
            // fileID is the first subject, fileID2..fileID14 the extra ones: 14 in total
            models.add(useapiVideo(model).firstFrame(FrameRule.REQUIRED).options(VEO_OPTIONS, "veo-720p-8sec")
                    .ratios("16:9", VIDEO_RATIOS).references(13).build());
        }

        // MiniMax official (seed 001, provider-facts §2)
        models.add(new Builder(MINIMAX, "image-01", AssetType.IMAGE, 1500).ratios("1:1", MINIMAX_RATIOS)
                .quantity(9).seed(0, Integer.MAX_VALUE).references(1).build());
        models.add(minimaxVideo("MiniMax-Hailuo-2.3").firstFrame(FrameRule.OPTIONAL)
                .options(HAILUO_23_OPTIONS, "768p-6sec").build());
        models.add(minimaxVideo("MiniMax-Hailuo-02").firstFrame(FrameRule.OPTIONAL)
                .options(HAILUO_02_OPTIONS, "768p-6sec").imageToVideoOnly("512p-6sec", "512p-10sec")
                .endFrame(HAILUO_02_OPTIONS.toArray(String[]::new)).build());
        models.add(minimaxVideo("MiniMax-Hailuo-2.3-Fast").firstFrame(FrameRule.REQUIRED)
                .options(HAILUO_23_OPTIONS, "768p-6sec").build());
        for (String model : List.of("T2V-01", "T2V-01-Director")) {
            models.add(minimaxVideo(model).options(List.of("720p-6sec"), "720p-6sec").build());
        }
        for (String model : List.of("I2V-01", "I2V-01-Director", "I2V-01-live", "S2V-01")) {
            models.add(minimaxVideo(model).firstFrame(FrameRule.REQUIRED).options(List.of("720p-6sec"), "720p-6sec").build());
        }

        // APIXO (seed 003)
        models.add(new Builder(APIXO, "minimax-image-01", AssetType.IMAGE, 1500).resolutions("1K", "1K", "2K")
                .ratios("1:1", MINIMAX_RATIOS).quantity(9).seed(-1, Integer.MAX_VALUE).size().references(1).build());
        return models;
    }

    private static Builder useapiImage(String model, int maxPrompt) {
        return new Builder(USEAPI, model, AssetType.IMAGE, maxPrompt).quantity(4).promptOptimization(true);
    }

    private static Builder useapiVideo(String model) {
        return new Builder(USEAPI, model, AssetType.VIDEO, 2000);
    }

    private static Builder minimaxVideo(String model) {
        return new Builder(MINIMAX, model, AssetType.VIDEO, 2000);
    }

    /** Keeps the table above readable: one line per model. First value of a list call is the default. */
    private static final class Builder {
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

        Builder(String provider, String model, AssetType type, int maxPrompt) {
            this.provider = provider;
            this.model = model;
            this.type = type;
            this.maxPrompt = maxPrompt;
        }

        Builder promptOptimization(boolean value) {
            promptOptimization = value;
            return this;
        }

        Builder resolutions(String dflt, String... values) {
            defaultResolution = dflt;
            resolutions = List.of(values.length == 0 ? new String[] {dflt} : values);
            return this;
        }

        Builder ratios(String dflt, String... values) {
            return ratios(dflt, Arrays.asList(values));
        }

        Builder ratios(List<String> values) {
            return ratios(values.get(0), values);
        }

        Builder ratios(String dflt, List<String> values) {
            defaultRatio = dflt;
            ratios = List.copyOf(values);
            return this;
        }

        Builder qualities(String dflt, String... values) {
            defaultQuality = dflt;
            qualities = List.of(values);
            return this;
        }

        Builder quantity(int max) {
            maxQuantity = max;
            return this;
        }

        Builder fixedQuantity(int count) {
            fixedQuantity = count;
            return this;
        }

        Builder seed(long min, long max) {
            seed = true;
            minSeed = min;
            maxSeed = max;
            return this;
        }

        Builder size() {
            size = true;
            return this;
        }

        Builder references(int max) {
            references = max;
            return this;
        }

        Builder mentions() {
            mentions = true;
            return this;
        }

        Builder character() {
            character = true;
            return this;
        }

        Builder firstFrame(FrameRule rule) {
            firstFrame = rule;
            return this;
        }

        Builder endFrame(String... allowedOptions) {
            endFrameOptions = Set.of(allowedOptions);
            return this;
        }

        Builder options(List<String> values, String dflt) {
            options = values;
            defaultOption = dflt;
            return this;
        }

        Builder imageToVideoOnly(String... values) {
            imageToVideo = Set.of(values);
            return this;
        }

        Builder nativeOption(String option) {
            nativeOption = option;
            return this;
        }

        Builder firstFrameSizes(String... sizes) {
            firstFrameSizes = List.of(sizes);
            return this;
        }

        ModelRules build() {
            return new ModelRules(provider, model, type, maxPrompt, promptOptimization, resolutions,
                    defaultResolution, ratios, defaultRatio, qualities, defaultQuality, maxQuantity, fixedQuantity,
                    seed, minSeed, maxSeed, size, references, mentions, character, firstFrame, endFrameOptions,
                    options, defaultOption, imageToVideo, nativeOption, firstFrameSizes);
        }
    }
}
