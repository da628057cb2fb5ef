package io.github.assetgen.core.provider.minimax;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.ClientContext;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DefaultModels;
import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ModelRules.FrameRule;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderDefaults;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderInputs;
import io.github.assetgen.core.provider.Recollection;
import io.github.assetgen.core.provider.RenderSize;
import io.github.assetgen.core.provider.RenderSizes;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MiniMax's official API: images answered at once
 * (https://platform.minimax.io/docs/api-reference/image-generation-t2i), videos as tasks
 * (https://platform.minimax.io/docs/api-reference/video-generation-t2v) its own client polls every
 * 20 s (https://github.com/MiniMax-AI/MiniMax-MCP/blob/main/minimax_mcp/server.py); result URLs stay
 * valid 24 hours. Priced in US dollars from its pay-as-you-go page,
 * https://platform.minimax.io/docs/guides/pricing-paygo: image-01 per image, videos per model,
 * resolution and duration. The 01-series video models are not on that page: their price is unknown,
 * so any budget refuses them. Failed or moderated videos are not charged. When an image batch
 * ({@code n}) comes back short, the ledger assumes MiniMax charges the images that came back only:
 * its page prices "per image" and does not say (unconfirmed). Immutable.
 *
 * <p>Choices where the documents are silent: the default video model is {@code MiniMax-Hailuo-2.3}
 * with {@code 768p-6sec}; the 01 models take {@code 720p-6sec} only; it takes one subject reference.
 */
public final class MinimaxProvider implements ProviderDescriptor {

    /** The name specs use. */
    static final String NAME = "minimax";

    static final String TOKEN_VARIABLE = "MINIMAX_API_KEY";

    /** Local files go inline as data URLs, which MiniMax takes up to 10 MB. */
    private static final long MAX_INLINE_BYTES = 10L * 1024 * 1024;

    // images are answered synchronously: the read timeout must outlast a generation, or a paid
    // request would look lost
    private static final ProviderDefaults DEFAULTS = new ProviderDefaults(
            new DefaultModels("image-01", "MiniMax-Hailuo-2.3", "MiniMax-Hailuo-2.3"),
            URI.create("https://api.minimax.io"),
            Duration.ofSeconds(20),
            Duration.ofSeconds(20),
            Duration.ofMinutes(5),
            2);

    private static final ProviderInputs INPUTS =
            new ProviderInputs(true, true, List.of(MediaFormat.JPEG, MediaFormat.PNG), MAX_INLINE_BYTES, false, false);

    private static final List<String> RATIOS = List.of("1:1", "16:9", "4:3", "3:2", "2:3", "3:4", "9:16", "21:9");
    private static final List<String> HAILUO_23_OPTIONS = List.of("768p-6sec", "768p-10sec", "1080p-6sec");
    private static final List<String> HAILUO_02_OPTIONS =
            List.of("512p-6sec", "512p-10sec", "768p-6sec", "768p-10sec", "1080p-6sec");

    private static final List<ModelRules> MODELS = modelTable();

    /** image-01, per generated image (https://platform.minimax.io/docs/guides/pricing-paygo). */
    private static final BigDecimal PER_IMAGE = new BigDecimal("0.0035");

    /**
     * USD per video by model and option, from the same page. The 01-series (T2V-01, I2V-01, their
     * Director and live variants, S2V-01) is not on it and stays "price unknown".
     */
    private static final Map<String, BigDecimal> VIDEO_PRICES = Map.ofEntries(
            videoPrice("MiniMax-Hailuo-2.3", "768p-6sec", "0.28"),
            videoPrice("MiniMax-Hailuo-2.3", "768p-10sec", "0.56"),
            videoPrice("MiniMax-Hailuo-2.3", "1080p-6sec", "0.49"),
            videoPrice("MiniMax-Hailuo-2.3-Fast", "768p-6sec", "0.19"),
            videoPrice("MiniMax-Hailuo-2.3-Fast", "768p-10sec", "0.32"),
            videoPrice("MiniMax-Hailuo-2.3-Fast", "1080p-6sec", "0.33"),
            videoPrice("MiniMax-Hailuo-02", "512p-6sec", "0.10"),
            videoPrice("MiniMax-Hailuo-02", "512p-10sec", "0.15"),
            videoPrice("MiniMax-Hailuo-02", "768p-6sec", "0.28"),
            videoPrice("MiniMax-Hailuo-02", "768p-10sec", "0.56"),
            videoPrice("MiniMax-Hailuo-02", "1080p-6sec", "0.49"));

    private static List<ModelRules> modelTable() {
        List<ModelRules> models = new ArrayList<>();
        models.add(ModelRules.builder(NAME, "image-01", AssetType.IMAGE, 1500)
                .ratios("1:1", RATIOS)
                .quantity(9)
                .seed(0, Integer.MAX_VALUE)
                .references(1)
                .build());
        models.add(video("MiniMax-Hailuo-2.3")
                .firstFrame(FrameRule.OPTIONAL)
                .options(HAILUO_23_OPTIONS, "768p-6sec")
                .build());
        models.add(video("MiniMax-Hailuo-02")
                .firstFrame(FrameRule.OPTIONAL)
                .options(HAILUO_02_OPTIONS, "768p-6sec")
                .imageToVideoOnly("512p-6sec", "512p-10sec")
                .endFrame(HAILUO_02_OPTIONS.toArray(String[]::new))
                .build());
        models.add(video("MiniMax-Hailuo-2.3-Fast")
                .firstFrame(FrameRule.REQUIRED)
                .options(HAILUO_23_OPTIONS, "768p-6sec")
                .build());
        for (String model : List.of("T2V-01", "T2V-01-Director")) {
            models.add(video(model).options(List.of("720p-6sec"), "720p-6sec").build());
        }
        for (String model : List.of("I2V-01", "I2V-01-Director", "I2V-01-live", "S2V-01")) {
            models.add(video(model)
                    .firstFrame(FrameRule.REQUIRED)
                    .options(List.of("720p-6sec"), "720p-6sec")
                    .build());
        }
        return List.copyOf(models);
    }

    private static Map.Entry<String, BigDecimal> videoPrice(String model, String option, String usd) {
        return Map.entry(model + "|" + option, new BigDecimal(usd));
    }

    private static ModelRules.Builder video(String model) {
        return ModelRules.builder(NAME, model, AssetType.VIDEO, 2000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "MiniMax";
    }

    @Override
    public ProviderDefaults defaults() {
        return DEFAULTS;
    }

    @Override
    public String tokenVariable() {
        return TOKEN_VARIABLE;
    }

    @Override
    public Duration resultRetention() {
        return Duration.ofHours(24);
    }

    /**
     * Videos are fetched again through their task and file id ({@code GET /v1/query/video_generation},
     * then {@code GET /v1/files/retrieve?file_id=}:
     * https://platform.minimax.io/docs/api-reference/video-generation-download); how long MiniMax keeps
     * the file is not stated. Images cannot be: {@code /v1/image_generation} answers synchronously and
     * gives no id to fetch them by (https://platform.minimax.io/docs/api-reference/image-generation-t2i).
     */
    @Override
    public Recollection recollection() {
        return Recollection.byJobId(
                Map.of(AssetType.VIDEO, "video"),
                null,
                "MiniMax returns images only in the answer to the create request, with no id to fetch them"
                        + " again by",
                "https://platform.minimax.io/docs/api-reference/video-generation-download");
    }

    /**
     * False: a lost create answer cannot be looked up. The v1 video task can be queried only by the
     * {@code task_id} the lost answer held (https://platform.minimax.io/docs/api-reference/video-generation-query),
     * there is no v1 task list (the file list takes no video outputs:
     * https://platform.minimax.io/docs/api-reference/file-management-list), and neither create takes a
     * client reference. Such an asset fails as "may already be paid".
     */
    @Override
    public boolean canReconcile() {
        return false;
    }

    @Override
    public ProviderInputs inputs() {
        return INPUTS;
    }

    @Override
    public List<ModelRules> models() {
        return MODELS;
    }

    @Override
    public Cost estimate(AssetRequest request) {
        if (request.type() == AssetType.IMAGE) {
            return "image-01".equals(request.model())
                    ? Cost.usd(PER_IMAGE.multiply(BigDecimal.valueOf(request.expectedFiles())))
                    : Cost.unknown();
        }
        String option = request.text("options").orElse("768p-6sec").toLowerCase(Locale.ROOT);
        BigDecimal each = VIDEO_PRICES.get(request.model() + "|" + option);
        return each == null ? Cost.unknown() : Cost.usd(each);
    }

    @Override
    public RenderSize renderSize(ModelRules model, AssetRequest request) {
        if (model.type() == AssetType.VIDEO) {
            return RenderSizes.video(model, request);
        }
        return RenderSizes.fromPreset(RenderSizes.IMAGE_01_PRESETS, RenderSizes.aspectRatio(model, request, "1:1"));
    }

    @Override
    public ProviderClient createClient(ClientContext context) {
        return new MinimaxClient(context.settings(), new HttpClientFactory(context.connections()));
    }
}
