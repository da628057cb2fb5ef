package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static io.github.assetgen.core.rules.TestSpecs.errors;
import static io.github.assetgen.core.rules.TestSpecs.jpeg;
import static io.github.assetgen.core.rules.TestSpecs.png;
import static io.github.assetgen.core.rules.TestSpecs.request;
import static io.github.assetgen.core.rules.TestSpecs.rules;
import static io.github.assetgen.core.rules.TestSpecs.singleError;
import static io.github.assetgen.core.rules.TestSpecs.validate;
import static io.github.assetgen.core.rules.TestSpecs.webp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VideoRulesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void frames() {
        png(dir, "start.png", 8, 8);
        png(dir, "end.png", 9, 9);
        for (int i = 1; i <= 14; i++) {
            png(dir, "subjects/s" + i + ".png", 4, 4);
        }
    }

    private TestSpecs video(String model) {
        TestSpecs spec = asset(dir, "clip").with("type", "video").with("prompt", "slow dolly over a harbour");
        return model == null ? spec : spec.with("model", model);
    }

    private TestSpecs minimax(String model) {
        return video(null).with("provider", "minimax").with("model", model);
    }

    @Test
    void defaultVideoModelIsT2v01OrI2v01WithAFirstFrame() {
        assertThat(request(video(null)).model()).isEqualTo("T2V-01");
        assertThat(request(video(null).with("firstFrame", "start.png")).model()).isEqualTo("I2V-01");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I2V-01",
                "I2V-01-live",
                "I2V-01-Director",
                "S2V-01",
                "I2V-2.3",
                "I2V-2.3-Fast",
                "Veo-3.1-S2V",
                "Veo-3.1-S2V-Fast"
            })
    void firstFrameIsRequiredOnImageToVideoModels(String model) {
        assertThat(request(video(model).with("firstFrame", "start.png")).firstFrame())
                .isNotNull();
        singleError("model.first-frame-required", "firstFrame", video(model), model + " needs a firstFrame");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T2V-01", "T2V-01-Director", "T2V-2.3"})
    void firstFrameIsNotTakenByTextToVideoModels(String model) {
        singleError(
                "model.unsupported-field",
                "firstFrame",
                video(model).with("firstFrame", "start.png"),
                "firstFrame is not supported by " + model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"02", "Sora-2", "Veo-3.1", "Veo-3.1-Fast"})
    void firstFrameIsOptionalOnSomeModels(String model) {
        assertThat(request(video(model)).firstFrame()).isNull();
    }

    @Test
    void hailuo01ModelsTakeNoOptions() {
        singleError(
                "model.unsupported-field",
                "options",
                video("T2V-01").with("options", "768p-6sec"),
                "options is not supported by T2V-01");
        assertThat(request(video("T2V-01")).parameters()).doesNotContainKey("options");
    }

    @ParameterizedTest
    @CsvSource({
        "02, 1080p-6sec, 1080p-10sec, 768p-6sec",
        "T2V-2.3, 768p-10sec, 512p-6sec, 768p-6sec",
        "Sora-2, 720p-12sec, 720p-6sec, 720p-4sec",
        "Veo-3.1, veo-4k-8sec, veo-4k-6sec, veo-720p-8sec",
        "Veo-3.1-Fast, veo-1080p-8sec, 1080p-6sec, veo-720p-8sec"
    })
    void optionsFollowTheModelTableWithAnExplicitDefault(String model, String ok, String bad, String dflt) {
        assertThat(request(video(model).with("options", ok)).parameters()).containsEntry("options", ok);
        assertThat(request(video(model)).parameters()).containsEntry("options", dflt);
        singleError(
                "model.unsupported-value",
                "options",
                video(model).with("options", bad),
                "options '" + bad + "' is not supported by " + model);
    }

    @Test
    void option512p10secIsImageToVideoOnlyOn02() {
        singleError(
                "model.option-needs-first-frame",
                "options",
                video("02").with("options", "512p-10sec"),
                "needs a firstFrame on 02 (image-to-video only)");
        assertThat(errors(validate(video("02").with("options", "512p-10sec").with("firstFrame", "start.png"))))
                .isEmpty();
        assertThat(errors(validate(video("02").with("options", "512p-6sec")))).isEmpty();
    }

    @Test
    void endFrameOn02NeedsA768pOr1080pOption() {
        TestSpecs ok = video("02")
                .with("firstFrame", "start.png")
                .with("endFrame", "end.png")
                .with("options", "1080p-6sec");
        assertThat(request(ok).endFrame()).isNotNull();
        singleError(
                "model.end-frame-needs-option",
                "endFrame",
                video("02")
                        .with("firstFrame", "start.png")
                        .with("endFrame", "end.png")
                        .with("options", "512p-6sec"),
                "endFrame on 02 needs options 1080p-6sec, 768p-10sec or 768p-6sec (got '512p-6sec')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Veo-3.1", "Veo-3.1-Fast"})
    void veoTakesAnEndFrame(String model) {
        assertThat(request(video(model).with("firstFrame", "start.png").with("endFrame", "end.png"))
                        .endFrame())
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sora-2", "T2V-2.3", "Veo-3.1-S2V", "I2V-01"})
    void otherModelsTakeNoEndFrame(String model) {
        var validation = validate(video(model).with("firstFrame", "start.png").with("endFrame", "end.png"));
        var errors = errors(validation);
        assertThat(errors).anyMatch(e -> e.startsWith("endFrame is not supported by " + model));
        rules(validation.errors()).contains(tuple("model.unsupported-field", "endFrame"));
    }

    @Test
    void endFrameMustDifferFromFirstFrame() throws Exception {
        Files.copy(dir.resolve("start.png"), dir.resolve("copy.png"));
        singleError(
                "input.same-as-first-frame",
                "endFrame",
                video("Veo-3.1").with("firstFrame", "start.png").with("endFrame", "start.png"),
                "endFrame is the same image as firstFrame");
        singleError(
                "input.same-as-first-frame",
                "endFrame",
                video("Veo-3.1").with("firstFrame", "start.png").with("endFrame", "./copy.png"),
                "endFrame is the same image as firstFrame");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sora-2", "Veo-3.1", "Veo-3.1-Fast", "Veo-3.1-S2V", "Veo-3.1-S2V-Fast"})
    void aspectRatioIsSixteenNineOrNineSixteenOnSoraAndVeo(String model) {
        TestSpecs base = model.contains("S2V") ? video(model).with("firstFrame", "start.png") : video(model);
        assertThat(request(base).parameters()).containsEntry("aspectRatio", "16:9");
        singleError(
                "model.unsupported-value",
                "aspectRatio",
                (model.contains("S2V") ? video(model).with("firstFrame", "start.png") : video(model))
                        .with("aspectRatio", "1:1"),
                "aspectRatio '1:1' is not supported by " + model + " (supported: 16:9, 9:16)");
    }

    @Test
    void aspectRatioIsNotTakenByHailuoVideos() {
        singleError(
                "model.unsupported-field",
                "aspectRatio",
                video("T2V-2.3").with("aspectRatio", "16:9"),
                "aspectRatio is not supported by T2V-2.3",
                "Sora-2",
                "Veo-3.1");
    }

    @Test
    void soraFirstFrameMustBeExactly1280x720Or720x1280() {
        png(dir, "land.png", 1280, 720);
        jpeg(dir, "port.jpg", 720, 1280);
        png(dir, "wrong.png", 1280, 721);
        webp(dir, "land.webp", 1280, 720);
        assertThat(request(video("Sora-2").with("firstFrame", "land.png"))
                        .firstFrame()
                        .mediaType())
                .isEqualTo("image/png");
        assertThat(request(video("Sora-2").with("firstFrame", "port.jpg"))
                        .firstFrame()
                        .mediaType())
                .isEqualTo("image/jpeg");
        assertThat(request(video("Sora-2").with("firstFrame", "land.webp"))
                        .firstFrame()
                        .mediaType())
                .isEqualTo("image/webp");
        singleError(
                "input.wrong-frame-size",
                "firstFrame",
                video("Sora-2").with("firstFrame", "wrong.png"),
                "firstFrame of Sora-2 must be exactly 1280x720 or 720x1280 pixels (it is 1280x721)");
    }

    @Test
    void soraFirstFrameWithAnUnreadableHeaderIsAnError() {
        TestSpecs.write(dir, "short.webp", "RIFF\0\0\0\0WEBPVP".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        singleError(
                "input.wrong-frame-size",
                "firstFrame",
                video("Sora-2").with("firstFrame", "short.webp"),
                "its size cannot be read");
    }

    @Test
    void s2vReferencesAreExtraSubjectsUpToFourteenInTotal() {
        String[] thirteen = IntStream.rangeClosed(1, 13)
                .mapToObj(i -> "subjects/s" + i + ".png")
                .toArray(String[]::new);
        String[] fourteen = IntStream.rangeClosed(1, 14)
                .mapToObj(i -> "subjects/s" + i + ".png")
                .toArray(String[]::new);
        var request =
                request(video("Veo-3.1-S2V").with("firstFrame", "start.png").refs(thirteen));
        assertThat(request.references()).hasSize(13);
        singleError(
                "model.too-many-references",
                "references",
                video("Veo-3.1-S2V-Fast").with("firstFrame", "start.png").refs(fourteen),
                "references has 14 files; Veo-3.1-S2V-Fast takes at most 13 (14 subject images in total");
        singleError(
                "model.unsupported-field",
                "references",
                video("Veo-3.1").refs("start.png"),
                "references is not supported by Veo-3.1",
                "Veo-3.1-S2V, Veo-3.1-S2V-Fast");
    }

    @Test
    void videoPromptIsAtMost2000Characters() {
        assertThat(request(video("T2V-2.3").with("prompt", TestSpecs.repeat(2000)))
                        .prompt())
                .hasSize(2000);
        singleError(
                "prompt.too-long",
                "prompt",
                video("T2V-2.3").with("prompt", TestSpecs.repeat(2001)),
                "prompt is 2001 characters; T2V-2.3 takes at most 2000");
    }

    @Test
    void videoPromptIsOptionalOnlyWithAFirstFrame() {
        assertThat(request(asset(dir, "v")
                                .with("type", "video")
                                .with("model", "I2V-01")
                                .with("firstFrame", "start.png"))
                        .prompt())
                .isEmpty();
        singleError(
                "prompt.missing",
                "prompt",
                asset(dir, "v").with("type", "video"),
                "prompt is required for a video without a firstFrame");
    }

    @Test
    void promptOptimizationDefaultsToFalseForVideos() {
        assertThat(request(video("T2V-2.3")).parameters()).containsEntry("promptOptimization", false);
    }

    @Test
    void videoOutputIsOneMp4() {
        assertThat(request(video("T2V-2.3")).outputs()).containsExactly("clip.mp4");
        singleError(
                "output.wrong-extension",
                "output",
                video("T2V-2.3").with("output", "clip.png"),
                "output 'clip.png' must end in .mp4 for a video");
    }

    // ---------------------------------------------------------------- MiniMax official videos

    @Test
    void minimaxDefaultVideoModelIsHailuo23() {
        var request = request(video(null).with("provider", "minimax"));
        assertThat(request.model()).isEqualTo("MiniMax-Hailuo-2.3");
        assertThat(request.parameters())
                .containsEntry("options", "768p-6sec")
                .containsEntry("promptOptimization", false);
    }

    @ParameterizedTest
    @CsvSource({
        "MiniMax-Hailuo-2.3, 1080p-6sec, 1080p-10sec",
        "MiniMax-Hailuo-02, 768p-10sec, 720p-6sec",
        "T2V-01, 720p-6sec, 768p-6sec",
        "T2V-01-Director, 720p-6sec, 1080p-6sec"
    })
    void minimaxOptionsUseTheUseapiSpelling(String model, String ok, String bad) {
        assertThat(request(minimax(model).with("options", ok)).parameters()).containsEntry("options", ok);
        singleError(
                "model.unsupported-value",
                "options",
                minimax(model).with("options", bad),
                "options '" + bad + "' is not supported by " + model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"512p-6sec", "512p-10sec"})
    void minimaxHailuo02Takes512pOnlyWithAFirstFrame(String option) {
        singleError(
                "model.option-needs-first-frame",
                "options",
                minimax("MiniMax-Hailuo-02").with("options", option),
                "needs a firstFrame on MiniMax-Hailuo-02");
        assertThat(errors(validate(
                        minimax("MiniMax-Hailuo-02").with("options", option).with("firstFrame", "start.png"))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MiniMax-Hailuo-2.3-Fast", "I2V-01", "I2V-01-Director", "I2V-01-live", "S2V-01"})
    void minimaxImageToVideoModelsNeedAFirstFrame(String model) {
        singleError("model.first-frame-required", "firstFrame", minimax(model), model + " needs a firstFrame");
        assertThat(request(minimax(model).with("firstFrame", "start.png"))
                        .firstFrame()
                        .isLocal())
                .isTrue();
    }

    @Test
    void minimaxEndFrameIsOnlyForHailuo02() {
        assertThat(request(minimax("MiniMax-Hailuo-02")
                                .with("firstFrame", "start.png")
                                .with("endFrame", "end.png"))
                        .endFrame())
                .isNotNull();
        singleError(
                "model.unsupported-field",
                "endFrame",
                minimax("MiniMax-Hailuo-2.3").with("firstFrame", "start.png").with("endFrame", "end.png"),
                "endFrame is not supported by MiniMax-Hailuo-2.3; it is only supported by MiniMax-Hailuo-02");
    }

    @Test
    void minimaxTakesHttpsUrlsForFrames() {
        var request = request(minimax("I2V-01").with("firstFrame", "https://cdn.example.com/a.jpg"));
        assertThat(request.firstFrame().url()).isEqualTo("https://cdn.example.com/a.jpg");
    }

    @Test
    void aVideoResolutionPointsAtTheOptionsValueOfTheModel() {
        singleError(
                "model.field-for-other-type",
                "resolution",
                video("T2V-2.3").with("resolution", "1080p"),
                "resolution is not a video field: videos set resolution and duration together in options;"
                        + " write options: 1080p-6sec instead (T2V-2.3 takes 768p-6sec, 768p-10sec or 1080p-6sec)");
        singleError(
                "model.field-for-other-type",
                "resolution",
                minimax("MiniMax-Hailuo-2.3").with("resolution", "768P"),
                "write options: 768p-6sec or 768p-10sec instead");
        singleError(video("Veo-3.1").with("resolution", "4k"), "write options: veo-4k-8sec instead");
    }

    @Test
    void aVideoResolutionWithoutAMatchingOptionListsTheModelsOptions() {
        singleError(
                video("T2V-2.3").with("resolution", "4K"),
                "remove resolution and choose options (T2V-2.3 takes 768p-6sec, 768p-10sec or 1080p-6sec)");
        singleError(
                video("T2V-2.3").with("resolution", "1080p").with("options", "1080p-6sec"),
                "and options is already set; remove resolution");
        singleError(video("T2V-01").with("resolution", "720p"), "but T2V-01 takes none (it always makes 720p-6sec)");
    }

    @Test
    void aPlaceholderVideoResolutionPointsAtTheNamedModelsOptions() {
        singleError(
                video("T2V-2.3").with("provider", "placeholder").with("resolution", "1080p"),
                "write options: 1080p-6sec instead");
    }
}
