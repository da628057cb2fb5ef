package io.github.assetgen.core.provider.useapi;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * useapi's prices in credits: per image by model and resolution (and quality for gpt-image-2),
 * per video by model and option, as its documentation publishes them on
 * https://useapi.net/docs/api-minimax-v1/post-minimax-images-create and
 * https://useapi.net/docs/api-minimax-v1/post-minimax-videos-create. Immutable after construction.
 */
final class UseapiPrices {

    private static final String ANY = "-";

    /** Credits per file (images) or per video, keyed by model and variant. */
    private final Map<String, Long> credits = new HashMap<>();

    UseapiPrices() {
        // images: credits per image
        price(1, "image-01", "HD");
        price(4, "nano-banana-2", "512P", "1K");
        price(5, "nano-banana-2", "2K");
        price(8, "nano-banana-2", "4K");
        price(6, "nano-banana-pro", "1K", "2K");
        price(10, "nano-banana-pro", "4K");
        price(4, "gpt-image-1.5", "Low");
        price(8, "gpt-image-1.5", "Medium");
        price(15, "gpt-image-1.5", "High");
        price(2, "gpt-image-2", "low/1K");
        price(5, "gpt-image-2", "low/2K");
        price(10, "gpt-image-2", "low/4K");
        price(8, "gpt-image-2", "medium/1K");
        price(20, "gpt-image-2", "medium/2K");
        price(40, "gpt-image-2", "medium/4K");
        price(30, "gpt-image-2", "high/1K");
        price(80, "gpt-image-2", "high/2K");
        price(160, "gpt-image-2", "high/4K");
        price(4, "seedream-4.5", "2K", "4K");
        price(4, "seedream-5.0", "2K", "3K");
        price(3, "midjourney-v7", ANY);
        price(3, "midjourney-niji7", ANY);
        // videos: credits per video
        for (String model :
                List.of("T2V-01", "I2V-01", "I2V-01-live", "S2V-01", "T2V-01-Director", "I2V-01-Director")) {
            price(25, model, ANY);
        }
        for (String model : List.of("02", "T2V-2.3", "I2V-2.3")) {
            price(25, model, "768p-6sec");
            price(50, model, "768p-10sec");
            price(80, model, "1080p-6sec");
        }
        price(12, "02", "512p-6sec");
        price(25, "02", "512p-10sec");
        price(15, "I2V-2.3-Fast", "768p-6sec");
        price(30, "I2V-2.3-Fast", "768p-10sec");
        price(50, "I2V-2.3-Fast", "1080p-6sec");
        price(40, "Sora-2", "720p-4sec");
        price(80, "Sora-2", "720p-8sec");
        price(120, "Sora-2", "720p-12sec");
        for (String model : List.of("Veo-3.1", "Veo-3.1-S2V")) {
            price(120, model, "veo-720p-8sec", "veo-1080p-8sec");
            price(180, model, "veo-4k-8sec");
        }
        for (String model : List.of("Veo-3.1-Fast", "Veo-3.1-S2V-Fast")) {
            price(60, model, "veo-720p-8sec", "veo-1080p-8sec");
            price(90, model, "veo-4k-8sec");
        }
    }

    /** The expected cost of one resolved request (all its files); unknown for an unpriced variant. */
    Cost estimate(AssetRequest request) {
        Long each = credits.get(key(request.model(), variant(request)));
        return each == null ? Cost.unknown() : Cost.credits(each * request.expectedFiles());
    }

    /** Which row of the model's table applies: quality/resolution, resolution, option, or none. */
    private String variant(AssetRequest request) {
        if (request.model().equals("gpt-image-2")) {
            return request.text("quality").orElse("low") + "/"
                    + request.text("resolution").orElse("1K");
        }
        return request.text("resolution")
                .or(() -> request.text("options"))
                .filter(v -> credits.containsKey(key(request.model(), v)))
                .orElse(ANY);
    }

    private void price(long amount, String model, String... variants) {
        for (String variant : variants) {
            credits.put(key(model, variant), amount);
        }
    }

    private static String key(String model, String variant) {
        return model + "|" + variant;
    }
}
