package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static io.github.assetgen.core.rules.TestSpecs.errors;
import static io.github.assetgen.core.rules.TestSpecs.png;
import static io.github.assetgen.core.rules.TestSpecs.request;
import static io.github.assetgen.core.rules.TestSpecs.rules;
import static io.github.assetgen.core.rules.TestSpecs.singleError;
import static io.github.assetgen.core.rules.TestSpecs.validate;
import static io.github.assetgen.core.rules.TestSpecs.warnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UseapiImageRulesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void references() {
        for (int i = 1; i <= 17; i++) {
            png(dir, "refs/r" + i + ".png", 4, 4);
        }
    }

    private TestSpecs image(String model) {
        return asset(dir, "a").with("model", model).with("prompt", "a lighthouse");
    }

    private static String[] refs(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "refs/r" + i + ".png")
                .toArray(String[]::new);
    }

    @ParameterizedTest
    @CsvSource({
        "image-01, HD, 8K, HD", "nano-banana-2, 4K, 3K, 512P", "nano-banana-pro, 4K, 512P, 1K",
        "gpt-image-1.5, High, 1K, Low", "gpt-image-2, 4K, 3K, 1K", "seedream-4.5, 4K, 1K, 2K",
        "seedream-5.0, 3K, 4K, 2K"
    })
    void resolutionsFollowTheModelTable(String model, String ok, String bad, String dflt) {
        assertThat(request(image(model).with("resolution", ok)).parameters()).containsEntry("resolution", ok);
        assertThat(request(image(model)).parameters()).containsEntry("resolution", dflt);
        singleError(
                "model.unsupported-value",
                "resolution",
                image(model).with("resolution", bad),
                "resolution '" + bad + "' is not supported by " + model);
    }

    @ParameterizedTest
    @CsvSource({"midjourney-v7", "midjourney-niji7"})
    void midjourneyTakesNoResolution(String model) {
        singleError(
                "model.unsupported-field",
                "resolution",
                image(model).with("resolution", "1K"),
                "resolution is not supported by " + model);
        assertThat(request(image(model)).parameters()).doesNotContainKey("resolution");
    }

    @ParameterizedTest
    @CsvSource({
        "image-01, 21:9, auto, 16:9", "nano-banana-2, 4:5, 7:5, auto", "gpt-image-1.5, 2:3, 16:9, auto",
        "gpt-image-2, 21:9, auto, 16:9", "seedream-5.0, 9:16, 9:21, auto", "midjourney-v7, 5:4, 1:2, auto"
    })
    void aspectRatiosFollowTheModelTable(String model, String ok, String bad, String dflt) {
        assertThat(request(image(model).with("aspectRatio", ok)).parameters()).containsEntry("aspectRatio", ok);
        assertThat(request(image(model)).parameters()).containsEntry("aspectRatio", dflt);
        singleError(
                "model.unsupported-value",
                "aspectRatio",
                image(model).with("aspectRatio", bad),
                "aspectRatio '" + bad + "' is not supported by " + model);
    }

    @Test
    void qualityIsOnlyForGptImage2() {
        assertThat(request(image("gpt-image-2").with("quality", "high")).parameters())
                .containsEntry("quality", "high");
        assertThat(request(image("gpt-image-2")).parameters()).containsEntry("quality", "low");
        singleError(
                "model.unsupported-value",
                "quality",
                image("gpt-image-2").with("quality", "ultra"),
                "quality 'ultra' is not supported by gpt-image-2 (supported: low, medium, high)");
        singleError(
                "model.unsupported-field",
                "quality",
                image("seedream-4.5").with("quality", "low"),
                "quality is not supported by seedream-4.5",
                "gpt-image-2");
        assertThat(request(image("seedream-4.5")).parameters()).doesNotContainKey("quality");
    }

    @ParameterizedTest
    @CsvSource({"1, true", "4, true", "0, false", "5, false"})
    void quantityIsOneToFour(int quantity, boolean ok) {
        var validation = validate(image("nano-banana-2").with("quantity", quantity));
        if (ok) {
            assertThat(errors(validation)).isEmpty();
            assertThat(validation.requests().get(0).parameters()).containsEntry("quantity", quantity);
        } else {
            assertThat(errors(validation))
                    .containsExactly("quantity " + quantity + " is out of range for nano-banana-2 (supported: 1 to 4)");
            rules(validation.errors()).containsExactly(tuple("model.out-of-range", "quantity"));
        }
    }

    @Test
    void midjourneyAlwaysMakesFourAndWarnsWhenAskedOtherwise() {
        var validation = validate(image("midjourney-v7").with("quantity", 2));
        assertThat(errors(validation)).isEmpty();
        assertThat(warnings(validation)).containsExactly("quantity 2 is ignored: midjourney-v7 always makes 4 images");
        rules(validation.problems()).containsExactly(tuple("model.quantity-ignored", "quantity"));
        assertThat(validation.requests().get(0).parameters()).containsEntry("quantity", 4);
        assertThat(validation.requests().get(0).outputs()).containsExactly("a-1.png", "a-2.png", "a-3.png", "a-4.png");
        assertThat(warnings(validate(image("midjourney-niji7").with("quantity", 4))))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "gpt-image-1.5, 3",
        "gpt-image-2, 16",
        "nano-banana-2, 14",
        "nano-banana-pro, 14",
        "seedream-4.5, 14",
        "seedream-5.0, 14",
        "midjourney-v7, 14",
        "midjourney-niji7, 14"
    })
    void referenceCountsHaveAPerModelMaximum(String model, int max) {
        assertThat(request(image(model).refs(refs(max))).references()).hasSize(max);
        singleError(
                "model.too-many-references",
                "references",
                image(model).refs(refs(max + 1)),
                "references has " + (max + 1) + " files; " + model + " takes at most " + max);
    }

    @Test
    void image01TakesOneCharacterAndNoReferences() {
        var request = request(image("image-01").with("character", "refs/r1.png"));
        assertThat(request.character()).isNotNull();
        assertThat(request.character().path()).isEqualTo(dir.resolve("refs/r1.png"));
        singleError(
                "model.unsupported-field",
                "references",
                image("image-01").refs("refs/r1.png"),
                "references is not supported by image-01",
                "takes one reference as character");
        singleError(
                "model.unsupported-field",
                "character",
                image("nano-banana-2").with("character", "refs/r1.png"),
                "character is not supported by nano-banana-2; it is only supported by image-01",
                "use references");
    }

    @Test
    void mentionsAreCanonicalisedOnModelsThatSupportThem() {
        var request = request(image("nano-banana-pro")
                .with("prompt", "@ImAgE001 meets @image2 and @IMAGE02")
                .refs("refs/r1.png", "refs/r2.png"));
        assertThat(request.prompt()).isEqualTo("@Image1 meets @Image2 and @Image2");
    }

    @Test
    void mentionsMustNameAnExistingSlot() {
        assertThat(errors(
                        validate(image("gpt-image-2").with("prompt", "@Image3").refs(refs(3)))))
                .isEmpty();
        singleError(
                "prompt.mention-out-of-range",
                "prompt",
                image("gpt-image-2").with("prompt", "@Image4").refs(refs(3)),
                "prompt mentions @Image4 but there are 3 references");
        singleError(
                "prompt.mention-out-of-range",
                "prompt",
                image("gpt-image-2").with("prompt", "@Image0").refs(refs(3)),
                "prompt mentions @Image0");
        singleError(
                "prompt.mention-out-of-range",
                "prompt",
                image("seedream-5.0").with("prompt", "@image1 in fog"),
                "there are 0 references");
    }

    @ParameterizedTest
    @CsvSource({"image-01", "gpt-image-1.5", "midjourney-v7", "midjourney-niji7"})
    void mentionsAreErrorsOnModelsWithoutSupport(String model) {
        singleError(
                "prompt.mentions-unsupported",
                "prompt",
                image(model).with("prompt", "like @Image1"),
                "does not support @ImageN mentions");
    }

    @ParameterizedTest
    @CsvSource({
        "image-01, 1250",
        "gpt-image-1.5, 1250",
        "gpt-image-2, 1250",
        "seedream-4.5, 1250",
        "nano-banana-2, 5000",
        "nano-banana-pro, 5000",
        "seedream-5.0, 5000",
        "midjourney-v7, 5000",
        "midjourney-niji7, 5000"
    })
    void promptLengthHasAPerModelMaximum(String model, int max) {
        assertThat(request(image(model).with("prompt", TestSpecs.repeat(max))).prompt())
                .hasSize(max);
        singleError(
                "prompt.too-long",
                "prompt",
                image(model).with("prompt", TestSpecs.repeat(max + 1)),
                "prompt is " + (max + 1) + " characters; " + model + " takes at most " + max);
    }

    @Test
    void promptLengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83C\uDF05".repeat(1250);
        assertThat(request(image("image-01").with("prompt", emoji)).prompt()).isEqualTo(emoji);
    }

    @Test
    void promptOptimizationDefaultsToTrueForImages() {
        assertThat(request(image("nano-banana-2")).parameters()).containsEntry("promptOptimization", true);
        assertThat(request(image("nano-banana-2").with("promptOptimization", false))
                        .parameters())
                .containsEntry("promptOptimization", false);
    }

    @Test
    void seedAndSizeAreNotTakenByUseapi() {
        var validation = validate(image("nano-banana-2").with("seed", 3).with("size", "1024x1024"));
        assertThat(errors(validation))
                .containsExactlyInAnyOrder(
                        "seed is not supported by nano-banana-2; it is only supported by image-01 (minimax), minimax-image-01 (apixo); remove it",
                        "size is not supported by nano-banana-2; it is only supported by minimax-image-01 (apixo); remove it");
        rules(validation.errors())
                .containsExactly(tuple("model.unsupported-field", "seed"), tuple("model.unsupported-field", "size"));
    }
}
