package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeApixoTest {

    private static final FakeApixo fake = new FakeApixo();
    private final Http http = new Http(FakeApixo.TOKEN);

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private String generate() {
        return fake.baseUrl() + "/api/v1/generateTask/minimax-image-01";
    }

    private String status(String taskId) {
        return fake.baseUrl() + "/api/v1/statusTask/minimax-image-01?taskId=" + taskId;
    }

    private String submit(String prompt, int images) {
        Http.Answer answer = http.postJson(
                generate(),
                "{\"input\":{\"mode\":\"text-to-image\",\"prompt\":\"" + prompt
                        + "\",\"resolution\":\"1K\",\"aspect_ratio\":\"16:9\",\"num_images\":" + images + "}}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("code").asInt()).isEqualTo(200);
        return answer.json().path("data").path("taskId").asText();
    }

    @Test
    void aTaskIsPendingThenProcessingThenSucceedsWithResultJsonAsAString() throws Exception {
        fake.pollsBeforeDone(2);
        String taskId = submit("a panda", 2);
        assertThat(http.get(status(taskId)).json().path("data").path("state").asText())
                .isEqualTo("pending");
        assertThat(http.get(status(taskId)).json().path("data").path("state").asText())
                .isEqualTo("processing");
        JsonNode data = http.get(status(taskId)).json().path("data");
        assertThat(data.path("state").asText()).isEqualTo("success");
        assertThat(data.get("resultJson").isTextual()).isTrue();
        JsonNode result = new ObjectMapper().readTree(data.get("resultJson").asText());
        assertThat(result.get("resultUrls")).hasSize(2);
        assertThat(TestMedia.isPng(
                        Http.download(result.get("resultUrls").get(0).asText()).bytes()))
                .isTrue();
        assertThat(fake.createRequests(FakeApixo.createEndpoint(FakeApixo.IMAGE_MODEL)))
                .isEqualTo(1);
        assertThat(fake.createBodies().get(0).path("input").path("aspect_ratio").asText())
                .isEqualTo("16:9");
    }

    @Test
    void aModeratedTaskFailsWithAFailCodeStillAnsweringHttp200() {
        fake.pollsBeforeDone(0);
        String taskId = submit(FakeProvider.MODERATE_MARKER, 1);
        Http.Answer answer = http.get(status(taskId));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("data").path("state").asText()).isEqualTo("failed");
        assertThat(answer.json().path("data").path("failCode").asText()).isNotEmpty();
    }

    @Test
    void refusalsUseTheEnvelope() {
        Http.Answer rejected =
                http.postJson(generate(), "{\"input\":{\"prompt\":\"" + FakeProvider.REJECT_MARKER + "\"}}");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("code").asInt()).isEqualTo(400);

        fake.rateLimitFirstCreates(1);
        Http.Answer limited = http.postJson(generate(), "{\"input\":{\"prompt\":\"a\"}}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asInt()).isEqualTo(429);

        fake.noCreditsAfter(0);
        assertThat(http.postJson(generate(), "{\"input\":{\"prompt\":\"a\"}}").status())
                .isEqualTo(402);
    }

    @Test
    void aBadKeyIs401AndAnUnknownTaskIs404() {
        Http.Answer unauthorized = new Http("nope").get(status("task_1"));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.json().get("message").asText()).isEqualTo("Invalid or missing API key");
        assertThat(http.get(status("task_404")).status()).isEqualTo(404);
        assertThat(fake.unauthorized()).isEqualTo(1);
    }

    @Test
    void aHailuoModelYieldsAnMp4() throws Exception {
        fake.pollsBeforeDone(0);
        Http.Answer created = http.postJson(
                fake.baseUrl() + "/api/v1/generateTask/hailuo-2-3",
                "{\"input\":{\"mode\":\"standard-text-to-video\",\"prompt\":\"harbour\",\"duration\":6}}");
        String taskId = created.json().path("data").path("taskId").asText();
        JsonNode data = http.get(fake.baseUrl() + "/api/v1/statusTask/hailuo-2-3?taskId=" + taskId)
                .json()
                .path("data");
        String url = new ObjectMapper()
                .readTree(data.get("resultJson").asText())
                .get("resultUrls")
                .get(0)
                .asText();
        assertThat(TestMedia.isMp4(Http.download(url).bytes())).isTrue();
    }
}
