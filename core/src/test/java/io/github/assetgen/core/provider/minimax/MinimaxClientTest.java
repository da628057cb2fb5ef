package io.github.assetgen.core.provider.minimax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.RequestFixtures;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.RecordingSleeper;
import io.github.assetgen.core.provider.http.TestSettings;
import io.github.assetgen.core.provider.minimax.MinimaxClient.ImageFormat;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.InputFile;
import io.github.assetgen.core.wording.MavenStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MinimaxClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PNG_BASE64 = Base64.getEncoder()
            .encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});

    @StartStop
    MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private MinimaxClient client(ImageFormat format, int maxRetries) {
        return new MinimaxClient(
                TestSettings.forServer("minimax", server, maxRetries), new HttpClientFactory(), sleeper, format);
    }

    private MinimaxClient client() {
        return client(ImageFormat.URL, 2);
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .setHeader("Trace-Id", "trace-7f3a")
                .body(body)
                .build();
    }

    private static MockResponse ok(String body) {
        return answer(200, body);
    }

    /** The failure, checked for the one property every failure must have: no token in it. */
    private static ProviderException failure(ThrowingSupplier<?> call) {
        ProviderException e = catchThrowableOfType(ProviderException.class, call::get);
        assertThat(e).as("a ProviderException").isNotNull();
        assertThat(e.getMessage()).doesNotContain(TestSettings.TOKEN).doesNotContain("fakeTestToken");
        assertThat(e.provider()).isEqualTo("minimax");
        return e;
    }

    private static AssetRequest imageRequest() {
        return RequestFixtures.image("minimax", "image-01")
                .prompt("men Dressing in white t shirt, full-body stand front view image :25, outdoor")
                .param("aspectRatio", "16:9")
                .param("quantity", 3)
                .param("promptOptimization", true)
                .outputs("hero-1.png", "hero-2.png", "hero-3.png")
                .build();
    }

    private static AssetRequest videoRequest() {
        return RequestFixtures.video("minimax", "MiniMax-Hailuo-02")
                .prompt("Slow dolly over a misty harbour")
                .param("options", "768p-6sec")
                .param("promptOptimization", false)
                .firstFrame(InputFile.ofUrl("https://example.com/first.png"))
                .endFrame(InputFile.ofUrl("https://example.com/last.png"))
                .build();
    }

    private static final String IMAGE_ANSWER = """
            {"id":"03ff3cd0a8b6","data":{"image_urls":["https://cdn.example/1.jpeg","https://cdn.example/2.jpeg",
             "https://cdn.example/3.jpeg"]},"metadata":{"failed_count":"0","success_count":"3"},
             "base_resp":{"status_code":0,"status_msg":"success"}}""";

    @Test
    void anImageIsOnePostWithTheOfficialBodyAndItsUrlsComeBackAtOnce() throws Exception {
        server.enqueue(ok(IMAGE_ANSWER));

        SubmitResult result = client().submit(imageRequest());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/image_generation");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(JSON.readTree("""
                {"model":"image-01",
                 "prompt":"men Dressing in white t shirt, full-body stand front view image :25, outdoor",
                 "aspect_ratio":"16:9","response_format":"url","n":3,"prompt_optimizer":true}"""));
        assertThat(result.isComplete()).isTrue();
        assertThat(result.jobs()).containsExactly(new JobRef("minimax", "image", "03ff3cd0a8b6"));
        assertThat(result.immediateResults())
                .containsExactly(
                        ResultLocation.ofUrl("https://cdn.example/1.jpeg"),
                        ResultLocation.ofUrl("https://cdn.example/2.jpeg"),
                        ResultLocation.ofUrl("https://cdn.example/3.jpeg"));
    }

    @Test
    void base64ImagesAreAskedForAndComeBackInlineReadyToDecode() throws Exception {
        server.enqueue(ok("""
                {"id":"b64","data":{"image_base64":["%s"]},"metadata":{"failed_count":0,"success_count":1},
                 "base_resp":{"status_code":0,"status_msg":"success"}}""".formatted(PNG_BASE64)));
        MinimaxClient client = client(ImageFormat.BASE64, 0);

        SubmitResult result = client.submit(
                RequestFixtures.image("minimax", "image-01").prompt("p").build());
        DownloadedFile file = client.download(result.immediateResults().get(0), dir.resolve("out/hero.png"));

        assertThat(JSON.readTree(server.takeRequest().getBody().utf8())
                        .get("response_format")
                        .asText())
                .isEqualTo("base64");
        assertThat(result.immediateResults()).containsExactly(ResultLocation.ofBase64(PNG_BASE64));
        assertThat(file.format()).isEqualTo(MediaFormat.PNG);
        assertThat(Files.readAllBytes(file.path()))
                .isEqualTo(Base64.getDecoder().decode(PNG_BASE64));
    }

    @ParameterizedTest(name = "metadata {0}")
    @ValueSource(
            strings = {
                "{\"failed_count\":\"1\",\"success_count\":\"2\"}",
                "{\"failed_count\":1,\"success_count\":2}",
                "{\"failed_count\":\"n/a\"}",
                "{}",
                "null"
            })
    void fewerImagesThanAskedForAreStillReturnedWhateverTheMetadataLooksLike(String metadata) throws Exception {
        server.enqueue(ok("""
                {"id":"partial","data":{"image_urls":["https://cdn.example/1.jpeg","https://cdn.example/2.jpeg"]},
                 "metadata":%s,"base_resp":{"status_code":0,"status_msg":"success"}}""".formatted(metadata)));

        SubmitResult result = client().submit(imageRequest());

        assertThat(result.immediateResults()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void noImageAtAllIsRejectedWithTheFailedCount() {
        server.enqueue(ok("""
                {"id":"none","data":{"image_urls":[]},"metadata":{"failed_count":"3","success_count":"0"},
                 "base_resp":{"status_code":0,"status_msg":"success"}}"""));

        ProviderException e = failure(() -> client().submit(imageRequest()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("no image", "failed_count 3", "Trace-Id: trace-7f3a");
    }

    @ParameterizedTest(name = "base_resp {0} on a create is {1}")
    @CsvSource({
        "1002, RATE_LIMITED",
        "1004, PROVIDER_STOP",
        "1008, PROVIDER_STOP",
        "1026, REJECTED",
        "1027, REJECTED",
        "1000, MAYBE_SUBMITTED",
        "1001, MAYBE_SUBMITTED",
        "1024, MAYBE_SUBMITTED",
        "1033, MAYBE_SUBMITTED",
        "2013, REJECTED"
    })
    void businessErrorsInA200AreClassifiedAndQuoteTheTraceId(int code, Kind kind) {
        server.enqueue(
                ok("{\"id\":\"\",\"base_resp\":{\"status_code\":" + code + ",\"status_msg\":\"minimax says\"}}"));

        ProviderException e = failure(() -> client().submit(imageRequest()));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage())
                .startsWith("submitting image 'hero' to minimax")
                .contains("minimax says (status_code " + code + ")")
                .endsWith("[Trace-Id: trace-7f3a]");
        assertThat(server.getRequestCount()).as("a create is sent once").isEqualTo(1);
    }

    @Test
    void aKeyEchoedBackByMiniMaxNeverReachesTheMessage() {
        server.enqueue(ok("{\"base_resp\":{\"status_code\":1004,\"status_msg\":\"invalid api key " + TestSettings.TOKEN
                + "\"}}"));

        ProviderException e = failure(() -> client().submit(imageRequest()));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_STOP);
        assertThat(e.getMessage()).contains("invalid api key ****", "api.minimaxi.com");
    }

    @Test
    void aLocalReferenceTravelsAsADataUrl() throws Exception {
        byte[] png = Base64.getDecoder().decode(PNG_BASE64);
        Path face = Files.write(dir.resolve("face.png"), png);
        server.enqueue(ok(IMAGE_ANSWER));

        client().submit(RequestFixtures.image("minimax", "image-01")
                .prompt("A girl by the window")
                .reference(InputFile.ofLocal(face, "sha", "image/png"))
                .build());

        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.get("subject_reference"))
                .isEqualTo(JSON.readTree(
                        "[{\"type\":\"character\",\"image_file\":\"data:image/png;base64," + PNG_BASE64 + "\"}]"));
    }

    @Test
    void aVideoGoesCreateThenQueryThenRetrieve() throws Exception {
        server.enqueue(
                ok("{\"task_id\":\"106916112212032\",\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}"));
        server.enqueue(
                ok("{\"task_id\":\"106916112212032\",\"status\":\"Processing\",\"base_resp\":{\"status_code\":0}}"));
        server.enqueue(ok("""
                {"task_id":"106916112212032","status":"Success","file_id":205258526306433,"video_width":1366,
                 "video_height":768,"base_resp":{"status_code":0,"status_msg":"success"}}"""));
        server.enqueue(ok("""
                {"file":{"file_id":205258526306433,"bytes":0,"created_at":1700469398,"filename":"output_aigc.mp4",
                 "purpose":"video_generation","download_url":"https://cdn.example/output_aigc.mp4?sig=1"},
                 "base_resp":{"status_code":0,"status_msg":"success"}}"""));
        MinimaxClient client = client();

        SubmitResult submitted = client.submit(videoRequest());
        JobRef job = submitted.jobs().get(0);
        JobState first = client.poll(job);
        JobState second = client.poll(job);

        assertThat(submitted.isComplete()).isFalse();
        assertThat(job).isEqualTo(new JobRef("minimax", "video", "106916112212032"));
        assertThat(first).isEqualTo(new JobState.Running("processing", null));
        assertThat(second)
                .isEqualTo(new JobState.Succeeded(
                        List.of(ResultLocation.ofUrl("https://cdn.example/output_aigc.mp4?sig=1"))));

        RecordedRequest create = server.takeRequest();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getTarget()).isEqualTo("/v1/video_generation");
        assertThat(create.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
        assertThat(JSON.readTree(create.getBody().utf8())).isEqualTo(JSON.readTree("""
                {"model":"MiniMax-Hailuo-02","prompt":"Slow dolly over a misty harbour","prompt_optimizer":false,
                 "duration":6,"resolution":"768P","first_frame_image":"https://example.com/first.png",
                 "last_frame_image":"https://example.com/last.png"}"""));
        for (int i = 0; i < 2; i++) {
            RecordedRequest query = server.takeRequest();
            assertThat(query.getMethod()).isEqualTo("GET");
            assertThat(query.getTarget()).isEqualTo("/v1/query/video_generation?task_id=106916112212032");
            assertThat(query.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
        }
        RecordedRequest retrieve = server.takeRequest();
        assertThat(retrieve.getMethod()).isEqualTo("GET");
        assertThat(retrieve.getTarget()).isEqualTo("/v1/files/retrieve?file_id=205258526306433");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Success", "success", "SUCCESS", " Success "})
    void successIsRecognisedInAnyLetterCase(String status) throws Exception {
        server.enqueue(ok("{\"status\":\"" + status + "\",\"file_id\":\"42\",\"base_resp\":{\"status_code\":0}}"));
        server.enqueue(ok("{\"file\":{\"file_id\":42,\"download_url\":\"https://cdn.example/v.mp4\"}}"));

        assertThat(client().poll(new JobRef("minimax", "video", "106916112212032")))
                .isInstanceOf(JobState.Succeeded.class);
    }

    @ParameterizedTest
    @CsvSource({"Preparing,preparing", "Queueing,queueing", "Processing,processing", "SomethingNew,somethingnew"})
    void everyOtherStatusKeepsTheVideoRunningAndIsShownAsItsWordWithoutAPercent(String status, String shown)
            throws Exception {
        server.enqueue(ok("{\"status\":\"" + status + "\",\"base_resp\":{\"status_code\":0}}"));

        assertThat(client().poll(new JobRef("minimax", "video", "106916112212032")))
                .isEqualTo(new JobState.Running(shown, null));
        assertThat(server.getRequestCount()).as("no retrieve before success").isEqualTo(1);
    }

    @Test
    void aFailedVideoIsAFailedStateWithMiniMaxsWords() throws Exception {
        server.enqueue(ok("{\"task_id\":\"t\",\"status\":\"Fail\",\"base_resp\":{\"status_code\":0,"
                + "\"status_msg\":\"generation failed\"}}"));

        JobState state = client().poll(new JobRef("minimax", "video", "106916112212032"));

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, f -> {
            assertThat(f.moderated()).isFalse();
            assertThat(f.message()).contains("status Fail", "generation failed");
        });
    }

    @Test
    void aFailedVideosMessageNeverCarriesTheToken() throws Exception {
        server.enqueue(ok("{\"task_id\":\"t\",\"status\":\"Fail\",\"base_resp\":{\"status_code\":0,"
                + "\"status_msg\":\"bad key " + TestSettings.TOKEN + "\"}}"));

        JobState state = client().poll(new JobRef("minimax", "video", "106916112212032"));

        assertThat(((JobState.Failed) state).message())
                .doesNotContain("fakeTestToken")
                .contains("bad key ****");
    }

    @Test
    void taskAndFileIdsThatAreNotNumbersNeverReachAUrl() throws Exception {
        ProviderException e = failure(() -> client().poll(new JobRef("minimax", "video", "../../v1/files")));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("is not a MiniMax task id");
        server.enqueue(ok("{\"status\":\"Success\",\"file_id\":\"1/../2\",\"base_resp\":{\"status_code\":0}}"));
        assertThat(failure(() -> client().poll(new JobRef("minimax", "video", "106916112212032")))
                        .getMessage())
                .contains("is not a MiniMax file id");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aVideoFailedByModerationIsMarkedModerated() throws Exception {
        server.enqueue(ok("{\"task_id\":\"t\",\"status\":\"fail\",\"base_resp\":{\"status_code\":1027,"
                + "\"status_msg\":\"output sensitive\"}}"));

        JobState state = client().poll(new JobRef("minimax", "video", "106916112212032"));

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, f -> {
            assertThat(f.moderated()).isTrue();
            assertThat(f.message()).contains("output sensitive", "1027");
        });
    }

    @Test
    void aRateLimitedOrFailingQueryIsAskedAgainBecausePollingIsFree() throws Exception {
        server.enqueue(ok("{\"base_resp\":{\"status_code\":1002,\"status_msg\":\"rate limit\"}}"));
        server.enqueue(answer(503, "<html>busy</html>"));
        server.enqueue(ok("{\"status\":\"Queueing\",\"base_resp\":{\"status_code\":0}}"));

        JobState state = client().poll(new JobRef("minimax", "video", "106916112212032"));

        assertThat(state).isEqualTo(new JobState.Running("queueing", null));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.delays()).hasSize(2);
    }

    @Test
    void aTimeoutMiniMaxReportsInAQueryIsAskedAgainWhileTheSameOnACreateIsNeverResent() throws Exception {
        server.enqueue(ok("{\"base_resp\":{\"status_code\":1001,\"status_msg\":\"request timeout\"}}"));
        server.enqueue(ok("{\"status\":\"Processing\",\"base_resp\":{\"status_code\":0}}"));

        JobState state = client().poll(new JobRef("minimax", "video", "106916112212032"));

        assertThat(state).isEqualTo(new JobState.Running("processing", null));
        assertThat(server.getRequestCount()).isEqualTo(2);

        server.enqueue(ok("{\"base_resp\":{\"status_code\":1001,\"status_msg\":\"request timeout\"}}"));
        ProviderException e = failure(() -> client().submit(imageRequest()));
        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).as("the create is sent once").isEqualTo(3);
    }

    @Test
    void aSuccessWithoutFileIdIsAskedAgainAndThenGivenUpAsRetryable() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok("{\"status\":\"Success\",\"base_resp\":{\"status_code\":0}}"));
        }

        ProviderException e = failure(() -> client().poll(new JobRef("minimax", "video", "106916112212032")));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("without a file_id");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anImageJobCannotBePolledBecauseItsResultsCameWithTheCreate() {
        ProviderException e = failure(() -> client().poll(new JobRef("minimax", "image", "03ff")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUnreadableAnswerToAnImageCreateMayHaveBeenChargedAndIsNotSentAgain() {
        server.enqueue(ok("{\"id\":\"x\",\"data\":{\"image_urls\":[\"https://cdn"));

        ProviderException e = failure(() -> client().submit(imageRequest()));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(MavenStyle.text(e.getMessage()))
                .contains("may already be paid for", "-Dassetgen.only=hero", "Trace-Id: trace-7f3a");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aVideoCreateAnswerWithoutTaskIdMayHaveBeenCharged() {
        server.enqueue(ok("{\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}"));

        ProviderException e = failure(() -> client().submit(videoRequest()));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(e.getMessage()).contains("no task_id");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionOnCreateIsMaybeSubmittedAndSentExactlyOnce() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(ok("{\"task_id\":\"second\",\"base_resp\":{\"status_code\":0}}"));

        ProviderException e = failure(() -> client().submit(videoRequest()));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0} on a create is {1}")
    @CsvSource({
        "429, RATE_LIMITED",
        "500, MAYBE_SUBMITTED",
        "502, MAYBE_SUBMITTED",
        "503, MAYBE_SUBMITTED",
        "401, PROVIDER_STOP"
    })
    void httpFailuresOnACreateAreClassifiedAndNotRepeated(int status, Kind kind) {
        server.enqueue(answer(status, "{\"base_resp\":{\"status_code\":0}}"));

        ProviderException e = failure(() -> client().submit(imageRequest()));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.getMessage()).contains("Trace-Id: trace-7f3a");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void onlyVideosCanBeAskedForAgainAndALostCreateCannotBeLookedUp() {
        MinimaxClient client = client();

        assertThat(client.canPoll(new JobRef("minimax", "video", "1"))).isTrue();
        assertThat(client.canPoll(new JobRef("minimax", "image", "img-1"))).isFalse();
        assertThat(client.jobLookup()).isEmpty();
    }

    @Test
    void a504ToAnImageCreateMayBePaidAndIsNotSentAgain() {
        server.enqueue(answer(504, "<html>Gateway Time-out</html>"));

        ProviderException e = failure(() -> client().submit(imageRequest()));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
