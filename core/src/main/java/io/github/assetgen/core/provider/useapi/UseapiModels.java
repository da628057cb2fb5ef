package io.github.assetgen.core.provider.useapi;

import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.ModelRules.FrameRule;
import io.github.assetgen.core.request.AssetType;
import java.util.ArrayList;
import java.util.List;

/**
 * The models of useapi.net's MiniMax proxy and what each accepts, from its documentation: images
 * https://useapi.net/docs/api-minimax-v1/post-minimax-images-create, videos (the model × input
 * table and the {@code options} table) https://useapi.net/docs/api-minimax-v1/post-minimax-videos-create.
 * Pure data.
 *
 * <p>Choices where the documents are silent: the default {@code options} of videos are
 * {@code 768p-6sec} (02, 2.3), {@code 720p-4sec} (Sora-2) and {@code veo-720p-8sec} (Veo);
 * {@code promptOptimization} defaults to true for images (documented) and false for videos.
 */
final class UseapiModels {

    private static final List<String> RATIOS_AUTO =
            List.of("auto", "16:9", "5:4", "4:3", "3:2", "1:1", "2:3", "3:4", "4:5", "9:16", "21:9");
    private static final List<String> VIDEO_RATIOS = List.of("16:9", "9:16");
    private static final List<String> HAILUO_23_OPTIONS = List.of("768p-6sec", "768p-10sec", "1080p-6sec");
    private static final List<String> HAILUO_02_OPTIONS =
            List.of("512p-6sec", "512p-10sec", "768p-6sec", "768p-10sec", "1080p-6sec");
    private static final List<String> VEO_OPTIONS = List.of("veo-720p-8sec", "veo-1080p-8sec", "veo-4k-8sec");
    private static final List<String> SORA_OPTIONS = List.of("720p-4sec", "720p-8sec", "720p-12sec");

    /** Every model, images first, in document order. */
    static final List<ModelRules> ALL = models();

    private UseapiModels() {}

    private static List<ModelRules> models() {
        List<ModelRules> models = new ArrayList<>();
        models.add(image("image-01", 1250)
                .resolutions("HD")
                .ratios("16:9", "16:9", "4:3", "1:1", "3:4", "9:16", "21:9")
                .references(0)
                .character()
                .build());
        models.add(image("nano-banana-2", 5000)
                .resolutions("512P", "512P", "1K", "2K", "4K")
                .ratios(RATIOS_AUTO)
                .references(14)
                .mentions()
                .build());
        models.add(image("nano-banana-pro", 5000)
                .resolutions("1K", "1K", "2K", "4K")
                .ratios(RATIOS_AUTO)
                .references(14)
                .mentions()
                .build());
        models.add(image("gpt-image-1.5", 1250)
                .resolutions("Low", "Low", "Medium", "High")
                .ratios("auto", "auto", "1:1", "3:2", "2:3")
                .references(3)
                .build());
        models.add(image("gpt-image-2", 1250)
                .resolutions("1K", "1K", "2K", "4K")
                .ratios("16:9", "16:9", "21:9", "5:4", "4:3", "3:2", "1:1", "2:3", "3:4", "4:5", "9:16")
                .qualities("low", "low", "medium", "high")
                .references(16)
                .mentions()
                .build());
        models.add(image("seedream-4.5", 1250)
                .resolutions("2K", "2K", "4K")
                .ratios(RATIOS_AUTO)
                .references(14)
                .mentions()
                .build());
        models.add(image("seedream-5.0", 5000)
                .resolutions("2K", "2K", "3K")
                .ratios(RATIOS_AUTO)
                .references(14)
                .mentions()
                .build());
        models.add(image("midjourney-v7", 5000)
                .ratios(RATIOS_AUTO)
                .references(14)
                .fixedQuantity(4)
                .build());
        models.add(image("midjourney-niji7", 5000)
                .ratios(RATIOS_AUTO)
                .references(14)
                .fixedQuantity(4)
                .build());

        for (String model : List.of("T2V-01", "T2V-01-Director")) {
            models.add(video(model).nativeOption("720p-6sec").build());
        }
        for (String model : List.of("I2V-01", "I2V-01-live", "I2V-01-Director", "S2V-01")) {
            models.add(video(model)
                    .firstFrame(FrameRule.REQUIRED)
                    .nativeOption("720p-6sec")
                    .build());
        }
        models.add(video("02")
                .firstFrame(FrameRule.OPTIONAL)
                .options(HAILUO_02_OPTIONS, "768p-6sec")
                .imageToVideoOnly("512p-10sec")
                .endFrame("768p-6sec", "768p-10sec", "1080p-6sec")
                .build());
        models.add(video("T2V-2.3").options(HAILUO_23_OPTIONS, "768p-6sec").build());
        for (String model : List.of("I2V-2.3", "I2V-2.3-Fast")) {
            models.add(video(model)
                    .firstFrame(FrameRule.REQUIRED)
                    .options(HAILUO_23_OPTIONS, "768p-6sec")
                    .build());
        }
        models.add(video("Sora-2")
                .firstFrame(FrameRule.OPTIONAL)
                .options(SORA_OPTIONS, "720p-4sec")
                .ratios("16:9", VIDEO_RATIOS)
                .firstFrameSizes("1280x720", "720x1280")
                .build());
        for (String model : List.of("Veo-3.1", "Veo-3.1-Fast")) {
            models.add(video(model)
                    .firstFrame(FrameRule.OPTIONAL)
                    .options(VEO_OPTIONS, "veo-720p-8sec")
                    .ratios("16:9", VIDEO_RATIOS)
                    .endFrame(VEO_OPTIONS.toArray(String[]::new))
                    .build());
        }
        for (String model : List.of("Veo-3.1-S2V", "Veo-3.1-S2V-Fast")) {
            // fileID is the first subject, fileID2..fileID14 the extra ones: 14 in total
            models.add(video(model)
                    .firstFrame(FrameRule.REQUIRED)
                    .options(VEO_OPTIONS, "veo-720p-8sec")
                    .ratios("16:9", VIDEO_RATIOS)
                    .references(13)
                    .build());
        }
        return List.copyOf(models);
    }

    private static ModelRules.Builder image(String model, int maxPrompt) {
        return ModelRules.builder(UseapiProvider.NAME, model, AssetType.IMAGE, maxPrompt)
                .quantity(4)
                .promptOptimization(true);
    }

    private static ModelRules.Builder video(String model) {
        return ModelRules.builder(UseapiProvider.NAME, model, AssetType.VIDEO, 2000);
    }
}
