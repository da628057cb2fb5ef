package io.github.assetgen.core.provider.minimax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.RequestFixtures;
import io.github.assetgen.core.request.InputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimaxRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The body as the server reads it: serialised, then parsed back. */
    private static JsonNode json(Object body) throws Exception {
        return JSON.readTree(JSON.writeValueAsBytes(body));
    }

    @Test
    void imageBodyMatchesTheOfficialExampleFieldByField() throws Exception {
        var request = RequestFixtures.image("minimax", "image-01")
                .prompt("men Dressing in white t shirt")
                .param("aspectRatio", "16:9")
                .param("quantity", 3)
                .param("promptOptimization", true)
                .build();

        JsonNode body = json(MinimaxRequests.image(request, "url"));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"model":"image-01","prompt":"men Dressing in white t shirt","aspect_ratio":"16:9",
                 "response_format":"url","n":3,"prompt_optimizer":true}"""));
    }

    @Test
    void imageSeedAndSizeAreSentOnlyWhenTheRequestHasThem() throws Exception {
        var withBoth = RequestFixtures.image("minimax", "image-01")
                .prompt("p")
                .param("seed", 42L)
                .param("size", "1024x768")
                .build();
        var withNeither =
                RequestFixtures.image("minimax", "image-01").prompt("p").build();

        assertThat(json(MinimaxRequests.image(withBoth, "base64"))).isEqualTo(JSON.readTree("""
                {"model":"image-01","prompt":"p","width":1024,"height":768,"response_format":"base64","seed":42}"""));
        assertThat(json(MinimaxRequests.image(withNeither, "url"))).isEqualTo(JSON.readTree("""
                {"model":"image-01","prompt":"p","response_format":"url"}"""));
    }

    @Test
    void imageReferenceUrlBecomesACharacterSubjectAsDocumented() throws Exception {
        String url = "https://cdn.hailuoai.com/prod/2025-08-12-17/video_cover/cover.jpg";
        var request = RequestFixtures.image("minimax", "image-01")
                .prompt("A girl stands by the library window, gazing into the distance")
                .param("aspectRatio", "16:9")
                .reference(InputFile.ofUrl(url))
                .build();

        assertThat(json(MinimaxRequests.image(request, "base64"))).isEqualTo(JSON.readTree("""
                {"model":"image-01","prompt":"A girl stands by the library window, gazing into the distance",
                 "aspect_ratio":"16:9","response_format":"base64",
                 "subject_reference":[{"type":"character","image_file":"%s"}]}""".formatted(url)));
    }

    @Test
    void aLocalReferenceIsSentAsADataUrlOfItsBytes() throws Exception {
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        Path file = Files.write(dir.resolve("face.jpg"), bytes);
        var request = RequestFixtures.image("minimax", "image-01")
                .prompt("p")
                .reference(InputFile.ofLocal(file, "abc", "image/jpeg"))
                .build();

        JsonNode body = json(MinimaxRequests.image(request, "url"));

        assertThat(body.at("/subject_reference/0/image_file").asText())
                .isEqualTo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void aLocalFileThatVanishedIsRejectedNamingThePath() {
        Path missing = dir.resolve("gone.png");
        var request = RequestFixtures.image("minimax", "image-01")
                .prompt("p")
                .reference(InputFile.ofLocal(missing, "abc", "image/png"))
                .build();

        assertThatThrownBy(() -> MinimaxRequests.image(request, "url"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("[hero]", missing.toString());
                });
    }

    @ParameterizedTest
    @CsvSource({
        "768p-6sec,768P,6",
        "1080p-6sec,1080P,6",
        "512p-6sec,512P,6",
        "720p-6sec,720P,6",
        "768p-10sec,768P,10",
        "768P-6SEC,768P,6"
    })
    void videoOptionsSplitIntoResolutionAndDuration(String options, String resolution, int duration) throws Exception {
        var request = RequestFixtures.video("minimax", "MiniMax-Hailuo-02")
                .prompt("p")
                .param("options", options)
                .build();

        JsonNode body = json(MinimaxRequests.video(request));

        assertThat(body.get("resolution").asText()).isEqualTo(resolution);
        assertThat(body.get("duration").asInt()).isEqualTo(duration);
    }

    @Test
    void optionsMiniMaxCannotExpressAreRejected() {
        var request = RequestFixtures.video("minimax", "MiniMax-Hailuo-02")
                .prompt("p")
                .param("options", "veo-4k-8sec")
                .build();

        assertThatThrownBy(() -> MinimaxRequests.video(request)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
            assertThat(e.getMessage()).contains("veo-4k-8sec", "768p-6sec");
        });
    }

    @Test
    void imageToVideoSendsFirstAndLastFrames() throws Exception {
        var request = RequestFixtures.video("minimax", "MiniMax-Hailuo-02")
                .prompt("Slow dolly [Push in]")
                .param("options", "768p-6sec")
                .param("promptOptimization", false)
                .firstFrame(InputFile.ofUrl("https://example.com/a.png"))
                .endFrame(InputFile.ofUrl("https://example.com/b.png"))
                .build();

        assertThat(json(MinimaxRequests.video(request))).isEqualTo(JSON.readTree("""
                {"model":"MiniMax-Hailuo-02","prompt":"Slow dolly [Push in]","prompt_optimizer":false,
                 "duration":6,"resolution":"768P","first_frame_image":"https://example.com/a.png",
                 "last_frame_image":"https://example.com/b.png"}"""));
    }

    @Test
    void subjectToVideoSendsTheSubjectAsAnImageArray() throws Exception {
        var request = RequestFixtures.video("minimax", "S2V-01")
                .prompt("walks")
                .firstFrame(InputFile.ofUrl("https://example.com/face.png"))
                .build();

        assertThat(json(MinimaxRequests.video(request))).isEqualTo(JSON.readTree("""
                {"model":"S2V-01","prompt":"walks",
                 "subject_reference":[{"type":"character","image":["https://example.com/face.png"]}]}"""));
    }

    @Test
    void referencesOnAVideoModelThatIgnoresThemAreRejectedBeforeAnythingIsPaid() {
        var request = RequestFixtures.video("minimax", "MiniMax-Hailuo-02")
                .prompt("p")
                .reference(InputFile.ofUrl("https://example.com/face.png"))
                .build();

        assertThatThrownBy(() -> MinimaxRequests.video(request)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
            assertThat(e.getMessage()).contains("[hero]", "MiniMax-Hailuo-02", "S2V-01");
        });
    }

    @Test
    void aVideoWithoutPromptLeavesThePromptOut() throws Exception {
        var request = RequestFixtures.video("minimax", "I2V-01")
                .firstFrame(InputFile.ofUrl("https://example.com/a.png"))
                .build();

        assertThat(json(MinimaxRequests.video(request)).has("prompt")).isFalse();
    }
}
