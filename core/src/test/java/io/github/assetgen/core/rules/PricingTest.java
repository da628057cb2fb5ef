package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.ModelCatalogTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingTest {

    private final Pricing pricing = Pricing.standard();

    private static AssetRequest images(String provider, String model, int files, String... parameters) {
        AssetRequest one = request(provider, AssetType.IMAGE, model, parameters);
        List<String> outputs =
                IntStream.rangeClosed(1, files).mapToObj(i -> "a-" + i + ".png").toList();
        return new AssetRequest(
                "a",
                provider,
                AssetType.IMAGE,
                model,
                "p",
                one.parameters(),
                List.of(),
                null,
                null,
                null,
                null,
                outputs,
                new Position("s", 1, 1));
    }

    @ParameterizedTest
    @CsvSource({
        "image-01, HD, 1, 1",
        "nano-banana-2, 512P, 1, 4",
        "nano-banana-2, 1K, 2, 8",
        "nano-banana-2, 2K, 1, 5",
        "nano-banana-2, 4K, 4, 32",
        "nano-banana-pro, 2K, 1, 6",
        "nano-banana-pro, 4K, 3, 30",
        "gpt-image-1.5, Low, 1, 4",
        "gpt-image-1.5, Medium, 1, 8",
        "gpt-image-1.5, High, 2, 30",
        "seedream-4.5, 4K, 1, 4",
        "seedream-5.0, 3K, 2, 8"
    })
    void useapiImagesCostCreditsPerImageByResolution(String model, String resolution, int files, long credits) {
        assertThat(pricing.estimate(images("useapi", model, files, "resolution", resolution)))
                .isEqualTo(Cost.credits(credits));
    }

    @ParameterizedTest
    @CsvSource({
        "low, 1K, 2",
        "low, 2K, 5",
        "low, 4K, 10",
        "medium, 1K, 8",
        "medium, 2K, 20",
        "medium, 4K, 40",
        "high, 1K, 30",
        "high, 2K, 80",
        "high, 4K, 160"
    })
    void gptImage2CostsByQualityAndResolution(String quality, String resolution, long credits) {
        assertThat(pricing.estimate(images("useapi", "gpt-image-2", 1, "quality", quality, "resolution", resolution)))
                .isEqualTo(Cost.credits(credits));
        assertThat(pricing.estimate(images("useapi", "gpt-image-2", 2, "quality", quality, "resolution", resolution)))
                .isEqualTo(Cost.credits(2 * credits));
    }

    @Test
    void midjourneyIsThreeCreditsTimesFourImages() {
        assertThat(pricing.estimate(images("useapi", "midjourney-v7", 4)).format())
                .isEqualTo("12 credits");
        assertThat(pricing.estimate(images("useapi", "midjourney-niji7", 4)).format())
                .isEqualTo("12 credits");
    }

    @ParameterizedTest
    @CsvSource({
        "T2V-01, , 25",
        "I2V-01-live, , 25",
        "S2V-01, , 25",
        "I2V-01-Director, , 25",
        "02, 768p-6sec, 25",
        "T2V-2.3, 768p-10sec, 50",
        "I2V-2.3, 1080p-6sec, 80",
        "02, 512p-6sec, 12",
        "02, 512p-10sec, 25",
        "I2V-2.3-Fast, 768p-6sec, 15",
        "I2V-2.3-Fast, 768p-10sec, 30",
        "I2V-2.3-Fast, 1080p-6sec, 50",
        "Sora-2, 720p-4sec, 40",
        "Sora-2, 720p-8sec, 80",
        "Sora-2, 720p-12sec, 120",
        "Veo-3.1, veo-720p-8sec, 120",
        "Veo-3.1-S2V, veo-1080p-8sec, 120",
        "Veo-3.1, veo-4k-8sec, 180",
        "Veo-3.1-Fast, veo-720p-8sec, 60",
        "Veo-3.1-S2V-Fast, veo-1080p-8sec, 60",
        "Veo-3.1-S2V-Fast, veo-4k-8sec, 90"
    })
    void useapiVideosCostCreditsByModelAndOption(String model, String option, long credits) {
        Map<String, Object> parameters = new HashMap<>();
        if (option != null) {
            parameters.put("options", option);
        }
        AssetRequest request = new AssetRequest(
                "v",
                "useapi",
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
        assertThat(pricing.estimate(request)).isEqualTo(Cost.credits(credits));
    }

    @Test
    void apixoCostsDollarsPerImage() {
        Cost cost = pricing.estimate(images("apixo", "minimax-image-01", 3));
        assertThat(cost.unit()).isEqualTo(Cost.Unit.USD);
        assertThat(cost.amount()).isEqualByComparingTo(new BigDecimal("0.0105"));
        assertThat(cost.format()).isEqualTo("$0.0105");
    }

    @Test
    void minimaxOfficialImagesCostDollarsPerImageAndPlaceholderIsFree() {
        assertThat(pricing.estimate(images("minimax", "image-01", 2))).isEqualTo(Cost.usd(new BigDecimal("0.007")));
        assertThat(pricing.estimate(images("placeholder", "anything", 2)).format())
                .isEqualTo("free");
    }

    @ParameterizedTest
    @CsvSource({
        "MiniMax-Hailuo-2.3, 768p-6sec, 0.28",
        "MiniMax-Hailuo-2.3, 768p-10sec, 0.56",
        "MiniMax-Hailuo-2.3, 1080p-6sec, 0.49",
        "MiniMax-Hailuo-2.3-Fast, 768p-6sec, 0.19",
        "MiniMax-Hailuo-2.3-Fast, 768p-10sec, 0.32",
        "MiniMax-Hailuo-2.3-Fast, 1080p-6sec, 0.33",
        "MiniMax-Hailuo-02, 512p-6sec, 0.10",
        "MiniMax-Hailuo-02, 512p-10sec, 0.15",
        "MiniMax-Hailuo-02, 768p-6sec, 0.28",
        "MiniMax-Hailuo-02, 768p-10sec, 0.56",
        "MiniMax-Hailuo-02, 1080p-6sec, 0.49"
    })
    void minimaxOfficialVideosCostDollarsByModelResolutionAndDuration(String model, String option, String usd) {
        assertThat(pricing.estimate(minimaxVideo(model, option))).isEqualTo(Cost.usd(new BigDecimal(usd)));
    }

    @ParameterizedTest
    @CsvSource({"T2V-01", "T2V-01-Director", "I2V-01", "I2V-01-Director", "I2V-01-live", "S2V-01"})
    void minimaxOfficial01SeriesIsNotOnThePricePageSoItsPriceIsUnknown(String model) {
        assertThat(pricing.estimate(minimaxVideo(model, "720p-6sec")).unit()).isEqualTo(Cost.Unit.UNKNOWN);
    }

    private static AssetRequest minimaxVideo(String model, String option) {
        return new AssetRequest(
                "v",
                "minimax",
                AssetType.VIDEO,
                model,
                "",
                Map.of("options", option),
                List.of(),
                null,
                null,
                null,
                null,
                List.of("v.mp4"),
                new Position("s", 1, 1));
    }

    @Test
    void unpricedUseapiVariantIsUnknownNotZero() {
        assertThat(pricing.estimate(images("useapi", "nano-banana-2", 1, "resolution", "9K"))
                        .unit())
                .isEqualTo(Cost.Unit.UNKNOWN);
    }

    @Test
    void formatUsesSingularForOneCredit() {
        assertThat(Cost.credits(1).format()).isEqualTo("1 credit");
        assertThat(Cost.credits(8).format()).isEqualTo("8 credits");
    }

    @Test
    void resolvedRequestsArePricedEndToEnd(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        AssetRequest request = TestSpecs.request(TestSpecs.asset(dir, "a")
                .with("model", "nano-banana-2")
                .with("prompt", "p")
                .with("resolution", "4K")
                .with("quantity", 3));
        assertThat(pricing.estimate(request).format()).isEqualTo("24 credits");
    }
}
