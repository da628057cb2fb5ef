package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeUseapiTest {

    private static final FakeUseapi fake = new FakeUseapi();
    private final Http http = new Http(FakeUseapi.TOKEN);

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private String url(String path) {
        return fake.baseUrl() + "/v1/minimax/" + path;
    }

    private JsonNode createImages(String body) {
        Http.Answer answer = http.postJson(url("images/create"), body);
        assertThat(answer.status()).as(new String(answer.bytes())).isEqualTo(200);
        return answer.json();
    }

    @Test
    void imageCreateAnswersOneIdPerImageAndThePollFinishesWithDownloadableUrls() {
        JsonNode created = createImages("{\"prompt\":\"a lighthouse\",\"model\":\"nano-banana-2\",\"quantity\":2}");

        assertThat(created.get("imageIds")).hasSize(2);
        String imageId = created.get("imageIds").get(0).asText();
        assertThat(imageId).matches("user:1234-minimax:100001-image:\\d+");
        assertThat(created.path("task").path("videoIDs")).hasSize(2);

        JsonNode running = http.get(url("images/" + imageId)).json();
        assertThat(running.get("status").asInt()).isEqualTo(1);
        assertThat(running.get("statusFinal").asBoolean()).isFalse();

        JsonNode done = http.get(url("images/" + imageId)).json();
        assertThat(done.get("status").asInt()).isEqualTo(2);
        assertThat(done.get("statusFinal").asBoolean()).isTrue();
        assertThat(done.get("imageId").asText()).isEqualTo(imageId);
        assertThat(done.get("userID").isLong()).isTrue();

        Http.Answer clean = Http.download(done.get("downloadURL").asText());
        Http.Answer watermarked = Http.download(done.get("videoURL").asText());
        assertThat(TestMedia.isPng(clean.bytes())).isTrue();
        assertThat(watermarked.bytes()).isEqualTo(clean.bytes());
        assertThat(fake.downloads()).isEqualTo(2);
        assertThat(fake.downloadsWithAuthorization()).isZero();
        assertThat(fake.polls()).isEqualTo(2);
        assertThat(fake.createRequests(FakeUseapi.IMAGES_CREATE)).isEqualTo(1);
    }

    @Test
    void imagesOfOneBatchHaveDistinctContent() {
        JsonNode created = createImages("{\"prompt\":\"boats\",\"quantity\":2}");
        fake.pollsBeforeDone(0);
        byte[] first = Http.download(
                        http.get(url("images/" + created.get("imageIds").get(0).asText()))
                                .json()
                                .get("downloadURL")
                                .asText())
                .bytes();
        byte[] second = Http.download(
                        http.get(url("images/" + created.get("imageIds").get(1).asText()))
                                .json()
                                .get("downloadURL")
                                .asText())
                .bytes();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theImageListIsPagedNewestFirstByLimitAndLastImageId() {
        for (int i = 1; i <= 3; i++) {
            createImages("{\"prompt\":\"batch " + i + "\",\"quantity\":2}");
        }

        JsonNode first = http.get(url("images/?limit=4")).json().get("images");
        String last = first.get(3).get("imageId").asText();
        JsonNode second = http.get(
                        url("images/?limit=4&lastImageId=" + URLEncoder.encode(last, StandardCharsets.UTF_8)))
                .json()
                .get("images");

        assertThat(first).hasSize(4);
        assertThat(first.get(0).get("desc").asText()).isEqualTo("batch 3");
        assertThat(second).hasSize(2);
        assertThat(second.get(0).get("desc").asText()).isEqualTo("batch 1");
    }

    @Test
    void midjourneyAlwaysAnswersFourImages() {
        JsonNode created = createImages("{\"prompt\":\"a cat\",\"model\":\"midjourney-v7\",\"quantity\":1}");
        assertThat(created.get("imageIds")).hasSize(4);
    }

    @Test
    void anUrlEncodedIdIsNotFound() {
        String imageId = createImages("{\"prompt\":\"a lighthouse\"}")
                .get("imageIds")
                .get(0)
                .asText();
        Http.Answer answer = http.get(url("images/" + imageId.replace(":", "%3A")));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").asText()).isEqualTo("Not found.");
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        Http.Answer answer = new Http("user:1-wrong").postJson(url("images/create"), "{\"prompt\":\"x\"}");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("Unauthorized");
        assertThat(fake.createRequests()).isZero();
        assertThat(fake.unauthorized()).isEqualTo(1);
    }

    @Test
    void uploadTakesRawBytesAndTheFileIdCanBeReferenced() {
        byte[] png = TestMedia.png(8, 8, 1);
        Http.Answer upload = http.postBytes(url("files/?account=100001"), "image/png", png);
        assertThat(upload.status()).isEqualTo(200);
        String fileId = upload.json().get("fileID").asText();
        assertThat(fileId).matches("user:1234-minimax:100001-file:\\d+");
        assertThat(Http.download(upload.json().get("ossPath").asText()).bytes()).isEqualTo(png);
        assertThat(fake.uploadRecords()).singleElement().satisfies(u -> {
            assertThat(u.contentType()).isEqualTo("image/png");
            assertThat(u.content()).isEqualTo(png);
        });

        assertThat(http.postJson(
                                url("images/create"),
                                "{\"prompt\":\"p\",\"model\":\"nano-banana-2\",\"referenceFileId1\":\"" + fileId
                                        + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(http.postJson(
                                url("images/create"),
                                "{\"prompt\":\"p\",\"characterFileId\":\"user:1234-minimax:100001-file:999\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void afterForgettingItsUploadsACreateNamingOneIs400NamingTheFieldAndANewUploadIsKnown() {
        byte[] png = TestMedia.png(8, 8, 2);
        String old = http.postBytes(url("files/?account=100001"), "image/png", png)
                .json()
                .get("fileID")
                .asText();

        fake.forgetUploads();

        Http.Answer stale = http.postJson(
                url("images/create"),
                "{\"prompt\":\"p\",\"model\":\"nano-banana-2\",\"referenceFileId1\":\"" + old + "\"}");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().get("error").asText()).contains("referenceFileId1");
        String fresh = http.postBytes(url("files/?account=100001"), "image/png", png)
                .json()
                .get("fileID")
                .asText();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(http.postJson(
                                url("images/create"),
                                "{\"prompt\":\"p\",\"model\":\"nano-banana-2\",\"referenceFileId1\":\"" + fresh + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(fake.createRequests(FakeUseapi.IMAGES_CREATE)).isEqualTo(2);
        assertThat(fake.acceptedCreates()).isEqualTo(1);
        assertThat(fake.uploadRecords()).hasSize(2);
    }

    @Test
    void uploadWithoutAnImageContentTypeIsRefused() {
        Http.Answer upload = http.postBytes(url("files/?account=100001"), "multipart/form-data", new byte[] {1});
        assertThat(upload.status()).isEqualTo(400);
        assertThat(fake.uploads()).isZero();
    }

    @Test
    void videoCreateAnswersAVideoIdAndTheVideoIsAnMp4() {
        Http.Answer created = http.postJson(
                url("videos/create"), "{\"prompt\":\"harbour\",\"model\":\"T2V-2.3\",\"options\":\"768p-6sec\"}");
        assertThat(created.status()).isEqualTo(200);
        String videoId = created.json().get("videoId").asText();
        assertThat(videoId).matches("user:1234-minimax:100001-video:\\d+");
        fake.pollsBeforeDone(0);
        JsonNode done = http.get(url("videos/" + videoId)).json();
        assertThat(done.get("statusFinal").asBoolean()).isTrue();
        assertThat(TestMedia.isMp4(
                        Http.download(done.get("downloadURL").asText()).bytes()))
                .isTrue();
        assertThat(http.get(url("images/" + videoId)).status()).isEqualTo(404);
    }

    @Test
    void aModerationMarkerEndsInStatusSeven() {
        String imageId = createImages("{\"prompt\":\"x " + FakeProvider.MODERATE_MARKER + "\"}")
                .get("imageIds")
                .get(0)
                .asText();
        fake.pollsBeforeDone(0);
        JsonNode done = http.get(url("images/" + imageId)).json();
        assertThat(done.get("status").asInt()).isEqualTo(7);
        assertThat(done.get("statusFinal").asBoolean()).isTrue();
        assertThat(done.has("downloadURL")).isFalse();
    }

    @Test
    void aRejectMarkerIsAnswered422() {
        Http.Answer answer = http.postJson(url("images/create"), "{\"prompt\":\"" + FakeProvider.REJECT_MARKER + "\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().has("error")).isTrue();
        assertThat(fake.createRequests()).isEqualTo(1);
        assertThat(fake.acceptedCreates()).isZero();
    }

    @Test
    void afterTheCreditsRunOutCreatesAre412() {
        fake.noCreditsAfter(1);
        createImages("{\"prompt\":\"one\"}");
        Http.Answer second = http.postJson(url("videos/create"), "{\"prompt\":\"two\"}");
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.json().get("error").asText()).startsWith("Insufficient credits");
        assertThat(fake.acceptedCreates()).isEqualTo(1);
    }

    @Test
    void theFirstCreatesAreRateLimitedThenAccepted() {
        fake.rateLimitFirstCreates(2);
        assertThat(http.postJson(url("images/create"), "{\"prompt\":\"a\"}").status())
                .isEqualTo(429);
        assertThat(http.postJson(url("videos/create"), "{\"prompt\":\"a\"}")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("YOU CAN QUEUE 3 JOBS AT ONCE");
        assertThat(http.postJson(url("images/create"), "{\"prompt\":\"a\"}").status())
                .isEqualTo(200);
        assertThat(fake.createRequests()).isEqualTo(3);
        assertThat(fake.acceptedCreates()).isEqualTo(1);
    }

    @Test
    void beyondMaxConcurrentJobsAVideoCreateIs429WithTheRunningVideos() {
        fake.maxConcurrentJobs(1).pollsBeforeDone(0);
        String videoId = http.postJson(url("videos/create"), "{\"prompt\":\"a\"}")
                .json()
                .get("videoId")
                .asText();
        Http.Answer busy = http.postJson(url("videos/create"), "{\"prompt\":\"b\"}");
        assertThat(busy.status()).isEqualTo(429);
        assertThat(busy.json().get("error").asText()).isEqualTo("Account 100001 is busy executing 1 videos");
        assertThat(busy.json()
                        .path("runningVideos")
                        .path("100001")
                        .get(0)
                        .get("videoId")
                        .asText())
                .isEqualTo(videoId);

        http.get(url("videos/" + videoId));
        assertThat(fake.jobsInFlight()).isZero();
        assertThat(http.postJson(url("videos/create"), "{\"prompt\":\"b\"}").status())
                .isEqualTo(200);
    }

    @Test
    void anAccountOnHoldAnswers596() {
        fake.accountOnHold(true);
        Http.Answer answer = http.postJson(url("videos/create"), "{\"prompt\":\"a\"}");
        assertThat(answer.status()).isEqualTo(596);
        assertThat(answer.json().get("error").asText()).startsWith("Unusual account activities");
    }

    @Test
    void aHangingCreateNeverAnswersUntilReset() throws Exception {
        fake.hangOnCreate(true);
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(
                HttpRequest.newBuilder(URI.create(url("images/create")))
                        .header("Authorization", "Bearer " + FakeUseapi.TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        fake.awaitCreateRequests(1, Duration.ofSeconds(5));
        Thread.sleep(300);
        assertThat(pending).isNotDone();
        fake.reset();
        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void latencyDelaysEveryAnswer() {
        fake.latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        createImages("{\"prompt\":\"a\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aThrottledDownloadTakesAsLongAsTheRateSays() {
        fake.pollsBeforeDone(0);
        String imageId =
                createImages("{\"prompt\":\"a\"}").get("imageIds").get(0).asText();
        String downloadUrl =
                http.get(url("images/" + imageId)).json().get("downloadURL").asText();
        int size = Http.download(downloadUrl).bytes().length;
        fake.downloadBytesPerSecond(size * 2);
        long start = System.nanoTime();
        Http.Answer slow = Http.download(downloadUrl);
        assertThat(slow.bytes()).hasSize(size);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void createBodiesAreRecordedForAssertions() {
        createImages("{\"prompt\":\"first\",\"aspectRatio\":\"16:9\"}");
        http.postJson(url("videos/create"), "{\"prompt\":\"second\"}");
        assertThat(fake.createdPrompts()).containsExactly("first", "second");
        assertThat(fake.createBodies().get(0).get("aspectRatio").asText()).isEqualTo("16:9");
        assertThat(fake.createRequests(FakeUseapi.VIDEOS_CREATE)).isEqualTo(1);
    }
}
