package io.github.assetgen.core.provider.useapi;

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
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * useapi.net's MiniMax proxy, the default provider: credits, local files uploaded once, several
 * accounts behind one token. Its vendor code polls every 15-30 s
 * (https://github.com/useapi/minimax-api/blob/main/video/videos.mjs); results stay fetchable 7 days
 * (then 410). Immutable.
 */
public final class UseapiProvider implements ProviderDescriptor {

    /** The name specs use. */
    static final String NAME = "useapi";

    static final String TOKEN_VARIABLE = "USEAPI_TOKEN";

    // an account runs 1-2 jobs at a time; a spare slot helps when hailuoai answers 502 but queues
    private static final ProviderDefaults DEFAULTS = new ProviderDefaults(
            new DefaultModels("image-01", "T2V-01", "I2V-01"),
            URI.create("https://api.useapi.net"),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(60),
            2);

    // uploads take PNG, JPEG and WebP; no URL inputs: every file goes through /files/
    private static final ProviderInputs INPUTS =
            new ProviderInputs(false, true, ProviderInputs.IMAGES, Long.MAX_VALUE, true, true);

    /**
     * Long side in pixels per image resolution. The documents give no pixel sizes; these are the
     * usual meanings (HD is 1280x720-class; gpt-image-1.5's Low/Medium/High are quality tiers at 1024).
     */
    private static final Map<String, Integer> LONG_SIDE = Map.of(
            "512P", 512, "1K", 1024, "2K", 2048, "3K", 3072, "4K", 4096, "HD", 1280, "Low", 1024, "Medium", 1024,
            "High", 1024);

    private final UseapiPrices prices = new UseapiPrices();

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
        return Duration.ofDays(7);
    }

    /**
     * Images and videos are fetched again by id ({@code GET /images/{imageId}}, {@code GET
     * /videos/{videoId}}: https://useapi.net/docs/api-minimax-v1/get-minimax-images-imageId,
     * https://useapi.net/docs/api-minimax-v1/get-minimax-videos-videoId). They live in the
     * hailuoai.video account's history; no retention is stated, and a 404 means removed or moderated.
     */
    @Override
    public Recollection recollection() {
        return Recollection.byJobId(
                Map.of(AssetType.IMAGE, UseapiClient.IMAGE, AssetType.VIDEO, UseapiClient.VIDEO),
                null,
                null,
                "https://useapi.net/docs/api-minimax-v1/get-minimax-images-imageId");
    }

    /**
     * True: every create carries a unique {@code replyRef}, which useapi stores and returns in {@code
     * GET /scheduler/} (https://useapi.net/docs/api-minimax-v1/get-minimax-scheduler), and the
     * account's history lists every image and video (https://useapi.net/docs/api-minimax-v1/get-minimax-images,
     * https://useapi.net/docs/api-minimax-v1/get-minimax-videos). That matters here: useapi documents
     * MiniMax answering 502/504 "while still accepting jobs into the internal queue"
     * (https://useapi.net/docs/api-minimax-v1/post-minimax-videos-create, {@code maxJobs}).
     */
    @Override
    public boolean canReconcile() {
        return true;
    }

    @Override
    public ProviderInputs inputs() {
        return INPUTS;
    }

    @Override
    public List<ModelRules> models() {
        return UseapiModels.ALL;
    }

    @Override
    public Cost estimate(AssetRequest request) {
        return prices.estimate(request);
    }

    @Override
    public RenderSize renderSize(ModelRules model, AssetRequest request) {
        if (model.type() == AssetType.VIDEO) {
            return RenderSizes.video(model, request);
        }
        String ratio = RenderSizes.aspectRatio(model, request, "1:1");
        String resolution = RenderSizes.resolution(model, request, "1K");
        return RenderSizes.byLongSide(LONG_SIDE.getOrDefault(resolution, 1024), ratio);
    }

    @Override
    public ProviderClient createClient(ClientContext context) {
        return new UseapiClient(context.settings(), new HttpClientFactory(context.connections()), context.fileIds());
    }
}
