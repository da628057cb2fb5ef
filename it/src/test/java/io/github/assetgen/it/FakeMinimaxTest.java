package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeMinimaxTest {

    private static final FakeMinimax fake = new FakeMinimax();
    private final Http http = new Http(FakeMinimax.TOKEN);

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private String url(String path) {
        return fake.baseUrl() + path;
    }

    @Test
    void imageGenerationAnswersUrlsSynchronouslyWithASuccessfulBaseResp() {
        Http.Answer answer = http.postJson(
                url("/v1/image_generation"),
                "{\"model\":\"image-01\",\"prompt\":\"a lighthouse\",\"aspect_ratio\":\"16:9\",\"n\":2}");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("base_resp").path("status_code").asInt()).isZero();
        assertThat(json.path("metadata").path("success_count").asText()).isEqualTo("2");
        assertThat(json.path("data").path("image_urls")).hasSize(2);
        assertThat(TestMedia.isPng(Http.download(
                                json.path("data").path("image_urls").get(0).asText())
                        .bytes()))
                .isTrue();
        assertThat(fake.createRequests(FakeMinimax.IMAGE_GENERATION)).isEqualTo(1);
        assertThat(fake.jobsInFlight()).isZero();
    }

    @Test
    void aTimedOutCreateIsMadeAndChargedButAnsweredWith1001() {
        fake.timeoutFirstCreates(1);
        String body = "{\"model\":\"image-01\",\"prompt\":\"a lighthouse\"}";

        JsonNode first = http.postJson(url("/v1/image_generation"), body).json();
        JsonNode second = http.postJson(url("/v1/image_generation"), body).json();

        assertThat(first.path("base_resp").path("status_code").asInt()).isEqualTo(1001);
        assertThat(first.has("data")).isFalse();
        assertThat(second.path("base_resp").path("status_code").asInt()).isZero();
        assertThat(fake.acceptedCreates())
                .as("the timed-out create was made too")
                .isEqualTo(2);
    }

    @Test
    void base64ResponseFormatCarriesTheImagesInline() {
        JsonNode json = http.postJson(
                        url("/v1/image_generation"),
                        "{\"model\":\"image-01\",\"prompt\":\"a\",\"response_format\":\"base64\"}")
                .json();
        byte[] image = Base64.getDecoder()
                .decode(json.path("data").path("image_base64").get(0).asText());
        assertThat(TestMedia.isPng(image)).isTrue();
        assertThat(fake.downloads()).isZero();
    }

    @Test
    void videoGoesFromCreateThroughQueryToFilesRetrieve() {
        JsonNode created = http.postJson(
                        url("/v1/video_generation"),
                        "{\"model\":\"MiniMax-Hailuo-2.3\",\"prompt\":\"harbour\",\"duration\":6,\"resolution\":\"768P\"}")
                .json();
        String taskId = created.get("task_id").asText();
        assertThat(created.path("base_resp").path("status_code").asInt()).isZero();

        fake.pollsBeforeDone(2);
        assertThat(http.get(url("/v1/query/video_generation?task_id=" + taskId))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("Queueing");
        assertThat(http.get(url("/v1/query/video_generation?task_id=" + taskId))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("Processing");
        JsonNode done =
                http.get(url("/v1/query/video_generation?task_id=" + taskId)).json();
        assertThat(done.get("status").asText()).isEqualTo("Success");
        assertThat(done.get("file_id").isTextual()).isTrue();

        JsonNode file = http.get(
                        url("/v1/files/retrieve?file_id=" + done.get("file_id").asText()))
                .json();
        assertThat(file.path("file").path("file_id").isNumber()).isTrue();
        assertThat(file.path("file").path("filename").asText()).isEqualTo("output_aigc.mp4");
        assertThat(TestMedia.isMp4(
                        Http.download(file.path("file").path("download_url").asText())
                                .bytes()))
                .isTrue();
        assertThat(fake.polls()).isEqualTo(3);
    }

    @Test
    void aModeratedVideoEndsInFail() {
        String taskId = http.postJson(
                        url("/v1/video_generation"),
                        "{\"model\":\"T2V-01\",\"prompt\":\"" + FakeProvider.MODERATE_MARKER + "\"}")
                .json()
                .get("task_id")
                .asText();
        fake.pollsBeforeDone(0);
        JsonNode done =
                http.get(url("/v1/query/video_generation?task_id=" + taskId)).json();
        assertThat(done.get("status").asText()).isEqualTo("Fail");
        assertThat(done.has("file_id")).isFalse();
    }

    @Test
    void businessErrorsArriveAsHttp200WithANonZeroStatusCode() {
        Http.Answer rejected = http.postJson(
                url("/v1/image_generation"),
                "{\"model\":\"image-01\",\"prompt\":\"" + FakeProvider.REJECT_MARKER + "\"}");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("base_resp").path("status_code").asInt())
                .isEqualTo(1026);

        fake.noCreditsAfter(0);
        assertThat(http.postJson(url("/v1/video_generation"), "{\"model\":\"T2V-01\",\"prompt\":\"a\"}")
                        .json()
                        .path("base_resp")
                        .path("status_code")
                        .asInt())
                .isEqualTo(1008);

        fake.reset();
        fake.rateLimitFirstCreates(1);
        assertThat(http.postJson(url("/v1/video_generation"), "{\"model\":\"T2V-01\",\"prompt\":\"a\"}")
                        .json()
                        .path("base_resp")
                        .path("status_code")
                        .asInt())
                .isEqualTo(1002);
        assertThat(http.postJson(url("/v1/video_generation"), "{\"model\":\"T2V-01\",\"prompt\":\"a\"}")
                        .json()
                        .path("base_resp")
                        .path("status_code")
                        .asInt())
                .isZero();
    }

    @Test
    void aMissingKeyIs401WithAuthBaseResp() {
        Http.Answer answer =
                new Http(null).postJson(url("/v1/image_generation"), "{\"model\":\"image-01\",\"prompt\":\"a\"}");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("base_resp").path("status_code").asInt()).isEqualTo(1004);
        assertThat(fake.createRequests()).isZero();
    }
}
