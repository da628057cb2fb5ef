package io.github.assetgen.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.provider.RenderSize;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelCatalogTest {

    private final ModelCatalog catalog = ModelCatalog.standard();

    static AssetRequest request(String provider, AssetType type, String model, String... parameters) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return new AssetRequest(
                "a",
                provider,
                type,
                model,
                "p",
                map,
                List.of(),
                null,
                null,
                null,
                null,
                List.of("a." + type.defaultExtension()),
                new Position("s.yaml", 1, 1));
    }

    @Test
    void providersStartWithTheDefault() {
        assertThat(catalog.providers()).containsExactly("useapi", "minimax", "apixo", "placeholder");
    }

    @Test
    void useapiOffersNineImageAndFifteenVideoModels() {
        assertThat(catalog.models("useapi", AssetType.IMAGE)).hasSize(9).startsWith("image-01");
        assertThat(catalog.models("useapi", AssetType.VIDEO)).hasSize(15).contains("02", "Sora-2", "Veo-3.1-S2V-Fast");
        assertThat(catalog.models("minimax", AssetType.VIDEO)).hasSize(9).contains("MiniMax-Hailuo-2.3-Fast", "S2V-01");
        assertThat(catalog.models("minimax", AssetType.IMAGE)).containsExactly("image-01");
        assertThat(catalog.models("apixo", AssetType.IMAGE)).containsExactly("minimax-image-01");
        assertThat(catalog.models("placeholder", AssetType.IMAGE)).isEmpty();
    }

    @Test
    void findIsExactAndPerProvider() {
        assertThat(catalog.find("useapi", "gpt-image-2"))
                .get()
                .extracting(ModelRules::maxReferences)
                .isEqualTo(16);
        assertThat(catalog.find("useapi", "GPT-IMAGE-2")).isEmpty();
        assertThat(catalog.find("apixo", "gpt-image-2")).isEmpty();
        assertThat(catalog.find("nobody", "gpt-image-2")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "useapi, IMAGE, false, image-01",
        "useapi, VIDEO, false, T2V-01",
        "useapi, VIDEO, true, I2V-01",
        "minimax, IMAGE, false, image-01",
        "minimax, VIDEO, true, MiniMax-Hailuo-2.3",
        "apixo, IMAGE, false, minimax-image-01",
        "placeholder, VIDEO, false, T2V-01"
    })
    void defaultModels(String provider, AssetType type, boolean firstFrame, String model) {
        assertThat(catalog.defaultModel(provider, type, firstFrame)).isEqualTo(model);
    }

    @Test
    void apixoHasNoDefaultVideoModel() {
        assertThat(catalog.defaultModel("apixo", AssetType.VIDEO, false)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "useapi, nano-banana-2, 1K, 16:9, 1024, 576", "useapi, nano-banana-pro, 4K, 9:16, 2304, 4096",
        "useapi, nano-banana-2, 512P, auto, 512, 512", "useapi, image-01, HD, 16:9, 1280, 720",
        "useapi, seedream-5.0, 3K, 4:3, 3072, 2304", "useapi, gpt-image-1.5, High, 3:2, 1024, 683",
        "minimax, image-01, , 21:9, 1344, 576", "apixo, minimax-image-01, 2K, 21:9, 2048, 880",
        "apixo, minimax-image-01, 1K, 3:4, 864, 1152"
    })
    void imageRenderSizes(String provider, String model, String resolution, String ratio, int width, int height) {
        AssetRequest request = resolution == null
                ? request(provider, AssetType.IMAGE, model, "aspectRatio", ratio)
                : request(provider, AssetType.IMAGE, model, "resolution", resolution, "aspectRatio", ratio);
        assertThat(catalog.renderSize(request)).isEqualTo(new RenderSize(width, height, 0));
    }

    @Test
    void missingParametersUseTheModelsDefaults() {
        assertThat(catalog.renderSize(request("useapi", AssetType.IMAGE, "gpt-image-2")))
                .isEqualTo(new RenderSize(1024, 576, 0));
        assertThat(catalog.renderSize(request("useapi", AssetType.IMAGE, "midjourney-v7")))
                .isEqualTo(new RenderSize(1024, 1024, 0));
    }

    @Test
    void apixoSizeIsUsedWhenNoPresetIsGivenAndRoundedToMultiplesOfEight() {
        assertThat(catalog.renderSize(request("apixo", AssetType.IMAGE, "minimax-image-01", "size", "1001*1020")))
                .isEqualTo(new RenderSize(1000, 1024, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "useapi, T2V-01, , , 1280, 720, 6", "useapi, 02, 512p-10sec, , 910, 512, 10",
        "useapi, 02, 768p-10sec, , 1366, 768, 10", "useapi, T2V-2.3, 1080p-6sec, , 1920, 1080, 6",
        "useapi, Sora-2, 720p-12sec, 9:16, 720, 1280, 12", "useapi, Veo-3.1, veo-4k-8sec, 16:9, 3840, 2160, 8",
        "useapi, Veo-3.1, , , 1280, 720, 8", "minimax, I2V-01, , , 1280, 720, 6"
    })
    void videoRenderSizes(String provider, String model, String option, String ratio, int w, int h, int seconds) {
        Map<String, Object> parameters = new HashMap<>();
        if (option != null) {
            parameters.put("options", option);
        }
        if (ratio != null) {
            parameters.put("aspectRatio", ratio);
        }
        AssetRequest request = new AssetRequest(
                "v",
                provider,
                AssetType.VIDEO,
                model,
                "",
                parameters,
                List.of(),
                null,
                null,
                null,
                null,
                List.of("v.mp4"),
                new Position("s", 1, 1));
        assertThat(catalog.renderSize(request)).isEqualTo(new RenderSize(w, h, seconds));
    }

    @Test
    void placeholderUsesTheNamedModelOfAnyProviderForItsSize() {
        assertThat(catalog.renderSize(request(
                        "placeholder", AssetType.IMAGE, "nano-banana-pro", "resolution", "2K", "aspectRatio", "1:1")))
                .isEqualTo(new RenderSize(2048, 2048, 0));
        assertThat(catalog.renderSize(request("placeholder", AssetType.IMAGE, "minimax-image-01")))
                .isEqualTo(new RenderSize(1024, 1024, 0));
    }

    @Test
    void unknownPlaceholderModelRendersAt1024SquareAndSixSeconds() {
        assertThat(catalog.renderSize(request("placeholder", AssetType.IMAGE, "my-model")))
                .isEqualTo(new RenderSize(1024, 1024, 0));
        assertThat(catalog.renderSize(request("placeholder", AssetType.VIDEO, "my-model")))
                .isEqualTo(new RenderSize(1024, 1024, 6));
    }
}
