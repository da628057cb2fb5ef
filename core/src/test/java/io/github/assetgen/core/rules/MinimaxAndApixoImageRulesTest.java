package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static io.github.assetgen.core.rules.TestSpecs.errors;
import static io.github.assetgen.core.rules.TestSpecs.png;
import static io.github.assetgen.core.rules.TestSpecs.request;
import static io.github.assetgen.core.rules.TestSpecs.rules;
import static io.github.assetgen.core.rules.TestSpecs.singleError;
import static io.github.assetgen.core.rules.TestSpecs.validate;
import static io.github.assetgen.core.rules.TestSpecs.warnings;
import static io.github.assetgen.core.rules.TestSpecs.webp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.assetgen.core.provider.RenderSize;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MinimaxAndApixoImageRulesTest {

    @TempDir
    Path dir;

    private TestSpecs minimax() {
        return asset(dir, "m").with("provider", "minimax").with("prompt", "a girl by the library window");
    }

    private TestSpecs apixo() {
        return asset(dir, "x").with("provider", "apixo").with("prompt", "a panda in a neon alley");
    }

    // ---------------------------------------------------------------- MiniMax official image-01

    @Test
    void minimaxImageDefaultsAreExplicit() {
        var request = request(minimax());
        assertThat(request.model()).isEqualTo("image-01");
        assertThat(request.parameters())
                .isEqualTo(Map.of("aspectRatio", "1:1", "quantity", 1, "promptOptimization", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:1", "16:9", "4:3", "3:2", "2:3", "3:4", "9:16", "21:9"})
    void minimaxAspectRatiosAreAccepted(String ratio) {
        assertThat(request(minimax().with("aspectRatio", ratio)).parameters()).containsEntry("aspectRatio", ratio);
    }

    @Test
    void minimaxRejectsOtherAspectRatios() {
        singleError(
                "model.unsupported-value",
                "aspectRatio",
                minimax().with("aspectRatio", "5:4"),
                "aspectRatio '5:4' is not supported by image-01");
    }

    @ParameterizedTest
    @CsvSource({"1, true", "9, true", "0, false", "10, false"})
    void minimaxQuantityIsOneToNine(int quantity, boolean ok) {
        var validation = validate(minimax().with("quantity", quantity));
        assertThat(errors(validation).isEmpty()).isEqualTo(ok);
        if (ok) {
            assertThat(validation.requests().get(0).outputs()).hasSize(quantity);
        } else {
            rules(validation.errors()).containsExactly(tuple("model.out-of-range", "quantity"));
        }
    }

    @Test
    void minimaxPromptIsAtMost1500Characters() {
        assertThat(request(minimax().with("prompt", TestSpecs.repeat(1500))).prompt())
                .hasSize(1500);
        singleError(
                "prompt.too-long",
                "prompt",
                minimax().with("prompt", TestSpecs.repeat(1501)),
                "prompt is 1501 characters; image-01 takes at most 1500");
    }

    @Test
    void minimaxSeedIsANonNegativeInt() {
        assertThat(request(minimax().with("seed", 2147483647L)).parameters()).containsEntry("seed", 2147483647);
        singleError(
                "model.out-of-range",
                "seed",
                minimax().with("seed", 2147483648L),
                "seed 2147483648 is out of range for image-01");
        singleError(
                "model.out-of-range",
                "seed",
                minimax().with("seed", -1),
                "seed -1 is out of range for image-01 (supported: 0 to 2147483647)");
    }

    @Test
    void minimaxTakesOneSubjectReferenceAsFileOrUrl() {
        png(dir, "girl.png", 4, 4);
        png(dir, "boy.png", 5, 5);
        assertThat(request(minimax().refs("girl.png")).references().get(0).isLocal())
                .isTrue();
        assertThat(request(minimax().refs("https://cdn.example.com/girl.jpg"))
                        .references()
                        .get(0)
                        .url())
                .isEqualTo("https://cdn.example.com/girl.jpg");
        singleError(
                "model.too-many-references",
                "references",
                minimax().refs("girl.png", "boy.png"),
                "references has 2 files; image-01 takes at most 1");
    }

    @Test
    void minimaxRejectsWebpAndFilesOverTenMegabytes() {
        webp(dir, "girl.webp", 10, 10);
        singleError(
                "input.unsupported-format",
                "references",
                minimax().refs("girl.webp"),
                "is WebP, but MiniMax takes JPEG or PNG");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        System.arraycopy(header, 0, big, 0, header.length);
        TestSpecs.write(dir, "big.png", big);
        singleError("input.too-large", "references", minimax().refs("big.png"), "MiniMax takes images under 10 MB");
    }

    @Test
    void minimaxTakesNoResolutionOrSize() {
        var errors = errors(validate(minimax().with("resolution", "1K").with("size", "1024x1024")));
        assertThat(errors).hasSize(2).allMatch(e -> e.contains("is not supported by image-01"));
        rules(validate(minimax().with("resolution", "1K").with("size", "1024x1024"))
                        .errors())
                .containsExactly(
                        tuple("model.unsupported-field", "resolution"), tuple("model.unsupported-field", "size"));
    }

    // ---------------------------------------------------------------- APIXO minimax-image-01

    @Test
    void apixoDefaultsGiveTheDefault1024Square() {
        var request = request(apixo());
        assertThat(request.model()).isEqualTo("minimax-image-01");
        assertThat(request.parameters())
                .isEqualTo(
                        Map.of("resolution", "1K", "aspectRatio", "1:1", "quantity", 1, "promptOptimization", false));
        assertThat(ModelCatalog.standard().renderSize(request)).isEqualTo(new RenderSize(1024, 1024, 0));
    }

    @ParameterizedTest
    @CsvSource({"1, true", "9, true", "0, false", "10, false"})
    void apixoQuantityIsOneToNine(int quantity, boolean ok) {
        assertThat(errors(validate(apixo().with("quantity", quantity))).isEmpty())
                .isEqualTo(ok);
    }

    @Test
    void apixoResolutionIs1kOr2k() {
        assertThat(request(apixo().with("resolution", "2K")).parameters()).containsEntry("resolution", "2K");
        singleError(
                "model.unsupported-value",
                "resolution",
                apixo().with("resolution", "4K"),
                "resolution '4K' is not supported by minimax-image-01 (supported: 1K, 2K)");
    }

    @Test
    void apixoPromptIsOneTo1500Characters() {
        assertThat(request(apixo().with("prompt", TestSpecs.repeat(1500))).prompt())
                .hasSize(1500);
        singleError("prompt.too-long", "prompt", apixo().with("prompt", TestSpecs.repeat(1501)), "takes at most 1500");
        singleError("prompt.missing", "prompt", apixo().with("prompt", ""), "prompt is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1024*1024", "1024x768", "2048X512", "512x2048"})
    void apixoSizeTakesThreeSeparatorsAndSidesFrom512To2048(String size) {
        var request = request(apixo().with("size", size));
        assertThat(request.parameters()).containsKey("size").doesNotContainKeys("resolution", "aspectRatio");
    }

    @ParameterizedTest
    @CsvSource({
        "511x1024, model.out-of-range",
        "1024x2049, model.out-of-range",
        "1024-1024, model.malformed-size",
        "big, model.malformed-size"
    })
    void apixoSizeOutsideTheRulesIsAnError(String size, String rule) {
        singleError(rule, "size", apixo().with("size", size), "size '" + size + "'");
    }

    @Test
    void apixoSizeNotAMultipleOfEightWarnsAboutRounding() {
        var validation = validate(apixo().with("size", "1001x1020"));
        assertThat(errors(validation)).isEmpty();
        assertThat(warnings(validation))
                .containsExactly("size '1001x1020' will be rounded to 1000x1024 (sides are multiples of 8)");
        rules(validation.problems()).containsExactly(tuple("model.size-rounded", "size"));
        assertThat(validation.requests().get(0).parameters()).containsEntry("size", "1000x1024");
    }

    @Test
    void apixoSizeWithResolutionOrAspectRatioWarnsThatSizeIsIgnored() {
        var validation = validate(apixo().with("size", "1024x1024").with("aspectRatio", "16:9"));
        assertThat(warnings(validation))
                .containsExactly(
                        "size '1024x1024' is ignored because resolution/aspectRatio take precedence; remove one of them");
        rules(validation.problems()).containsExactly(tuple("model.size-ignored", "size"));
        assertThat(validation.requests().get(0).parameters())
                .doesNotContainKey("size")
                .containsEntry("aspectRatio", "16:9")
                .containsEntry("resolution", "1K");
    }

    @Test
    void apixoSeedIsMinusOneTo2147483647() {
        assertThat(request(apixo().with("seed", -1)).parameters()).containsEntry("seed", -1);
        assertThat(request(apixo().with("seed", 2147483647L)).parameters()).containsEntry("seed", 2147483647);
        singleError(
                "model.out-of-range",
                "seed",
                apixo().with("seed", -2),
                "seed -2 is out of range for minimax-image-01 (supported: -1 to 2147483647)");
        singleError("model.out-of-range", "seed", apixo().with("seed", 2147483648L), "seed 2147483648 is out of range");
    }

    @Test
    void apixoImageToImageTakesExactlyOneUrl() {
        png(dir, "ref.png", 4, 4);
        assertThat(request(apixo().refs("https://example.com/ref.png")).references())
                .hasSize(1);
        singleError(
                "model.too-many-references",
                "references",
                apixo().refs("https://example.com/a.png", "https://example.com/b.png"),
                "takes at most 1");
        singleError(
                "input.local-file-not-accepted",
                "references",
                apixo().refs("ref.png"),
                "references[0] 'ref.png' is a local file, but apixo takes only https URLs");
    }

    @Test
    void apixoMakesNoVideos() {
        singleError("model.type-not-offered", "type", apixo().with("type", "video"), "apixo makes no videos");
    }
}
