package io.github.assetgen.core.provider.apixo;

import io.github.assetgen.core.provider.ClientContext;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DefaultModels;
import io.github.assetgen.core.provider.ModelRules;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * APIXO: MiniMax's image-01 as {@code minimax-image-01}, $0.0035 per image, https URLs as inputs
 * (https://apixo.ai/docs/models/image/minimax-image-01). It recommends a first poll after 15-20 s,
 * then every 3-5 s; result URLs stay valid 24 hours
 * (https://apixo.ai/docs/api-reference/response-format).
 * Immutable.
 */
public final class ApixoProvider implements ProviderDescriptor {

    /** The name specs use. */
    static final String NAME = "apixo";

    static final String TOKEN_VARIABLE = "APIXO_API_KEY";

    private static final BigDecimal PER_IMAGE = new BigDecimal("0.0035");

    private static final ProviderDefaults DEFAULTS = new ProviderDefaults(
            new DefaultModels("minimax-image-01", null, null),
            URI.create("https://api.apixo.ai"),
            Duration.ofSeconds(15),
            Duration.ofSeconds(4),
            Duration.ofSeconds(60),
            4);

    // it fetches inputs itself: no uploads, so no local files
    private static final ProviderInputs INPUTS =
            new ProviderInputs(true, false, ProviderInputs.IMAGES, Long.MAX_VALUE, false, false);

    /** 2K presets by aspect ratio (1K uses image-01's own). */
    private static final Map<String, int[]> PRESETS_2K = Map.of(
            "1:1",
            new int[] {2048, 2048},
            "16:9",
            new int[] {2048, 1152},
            "4:3",
            new int[] {2048, 1536},
            "3:2",
            new int[] {2048, 1368},
            "2:3",
            new int[] {1368, 2048},
            "3:4",
            new int[] {1536, 2048},
            "9:16",
            new int[] {1152, 2048},
            "21:9",
            new int[] {2048, 880});

    private static final List<ModelRules> MODELS =
            List.of(ModelRules.builder(NAME, "minimax-image-01", AssetType.IMAGE, 1500)
                    .resolutions("1K", "1K", "2K")
                    .ratios("1:1", "1:1", "16:9", "4:3", "3:2", "2:3", "3:4", "9:16", "21:9")
                    .quantity(9)
                    .seed(-1, Integer.MAX_VALUE)
                    .size()
                    .references(1)
                    .build());

    @Override
    public String name() {
        return NAME;
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
     * A task's results are fetched again through {@code GET /statusTask/{model}?taskId=}
     * (https://apixo.ai/docs/api-reference/status-task), but its result URLs "expire after 24 hours"
     * (https://apixo.ai/docs/api-reference/response-format): after that there is nothing to fetch.
     */
    @Override
    public Recollection recollection() {
        return Recollection.byJobId(
                Map.of(AssetType.IMAGE, "task"),
                Duration.ofHours(24),
                null,
                "https://apixo.ai/docs/api-reference/response-format");
    }

    /**
     * False: APIXO documents no task list and no client reference (https://apixo.ai/docs/concepts/how-apixo-works),
     * only {@code statusTask} by the {@code taskId} a lost answer held, so a lost create answer fails
     * as "may already be paid".
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
        return Cost.usd(PER_IMAGE.multiply(BigDecimal.valueOf(request.expectedFiles())));
    }

    /** An explicit {@code size} wins only when neither {@code resolution} nor {@code aspectRatio} is set. */
    @Override
    public RenderSize renderSize(ModelRules model, AssetRequest request) {
        if (model.type() == AssetType.VIDEO) {
            return RenderSizes.video(model, request);
        }
        String ratio = RenderSizes.aspectRatio(model, request, "1:1");
        String resolution = RenderSizes.resolution(model, request, "1K");
        boolean preset = request.parameter("resolution").isPresent()
                || request.parameter("aspectRatio").isPresent();
        Optional<int[]> size = request.text("size").flatMap(RenderSizes::parseSize);
        if (!preset && size.isPresent()) {
            return new RenderSize(RenderSizes.roundTo8(size.get()[0]), RenderSizes.roundTo8(size.get()[1]), 0);
        }
        return RenderSizes.fromPreset("2K".equals(resolution) ? PRESETS_2K : RenderSizes.IMAGE_01_PRESETS, ratio);
    }

    @Override
    public ProviderClient createClient(ClientContext context) {
        return new ApixoClient(context.settings(), new HttpClientFactory(context.connections()));
    }
}
