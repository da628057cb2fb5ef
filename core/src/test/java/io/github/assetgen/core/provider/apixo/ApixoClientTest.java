package io.github.assetgen.core.provider.apixo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.InputFile;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApixoClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JobRef TASK = new JobRef("apixo", "task", "task_12345678");

    @StartStop
    MockWebServer server = new MockWebServer();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private ApixoClient client() {
        return new ApixoClient(TestSettings.forServer("apixo", server, 2), new HttpClientFactory(), sleeper);
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
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
        assertThat(e.provider()).isEqualTo("apixo");
        return e;
    }

    private static AssetRequest textToImage() {
        return RequestFixtures.image("apixo", "minimax-image-01")
                .prompt("a cinematic panda standing in a rainy neon alley")
                .param("resolution", "2K")
                .param("aspectRatio", "16:9")
                .param("quantity", 3)
                .param("promptOptimization", false)
                .param("seed", -1)
                .outputs("hero-1.png", "hero-2.png", "hero-3.png")
                .build();
    }

    private static final String ACCEPTED =
            "{\"code\":200,\"message\":\"success\",\"data\":{\"taskId\":\"task_12345678\"}}";

    @Test
    void aCreateSendsTheQuickstartBodyAndAnswersTheTask() throws Exception {
        server.enqueue(ok(ACCEPTED));

        SubmitResult result = client().submit(textToImage());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/v1/generateTask/minimax-image-01");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(JSON.readTree("""
                {"request_type":"async","input":{"mode":"text-to-image",
                 "prompt":"a cinematic panda standing in a rainy neon alley","resolution":"2K",
                 "aspect_ratio":"16:9","num_images":3,"prompt_optimizer":false,"seed":-1}}"""));
        assertThat(result.isComplete()).isFalse();
        assertThat(result.jobs()).containsExactly(TASK);
    }

    @Test
    void aReferenceIsSentAsImageToImageWithItsUrl() throws Exception {
        server.enqueue(ok(ACCEPTED));

        client().submit(RequestFixtures.image("apixo", "minimax-image-01")
                .prompt("transform this image into a watercolor illustration")
                .reference(InputFile.ofUrl("https://example.com/reference.png"))
                .param("size", "1280x720")
                .param("quantity", 3)
                .param("promptOptimization", true)
                .param("seed", 42)
                .build());

        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).get("input"))
                .isEqualTo(JSON.readTree("""
                {"mode":"image-to-image","prompt":"transform this image into a watercolor illustration",
                 "image_urls":["https://example.com/reference.png"],"size":"1280x720","num_images":3,
                 "prompt_optimizer":true,"seed":42}"""));
    }

    @Test
    void aPollGoesFromProcessingToTheUrlsInsideResultJson() throws Exception {
        server.enqueue(ok("""
                {"code":200,"message":"success","data":{"taskId":"task_12345678","state":"processing",
                 "createTime":1767965610929}}"""));
        server.enqueue(ok("""
                {"code":200,"message":"success","data":{"taskId":"task_12345678","state":"success",
                 "resultJson":"{\\"resultUrls\\":[\\"https://file.apixo.ai/image-1.png\\",\\"https://file.apixo.ai/image-2.png\\"]}",
                 "createTime":1767965610929,"completeTime":1767965652317,"costTime":41388}}"""));
        ApixoClient client = client();

        JobState first = client.poll(TASK);
        JobState second = client.poll(TASK);

        assertThat(first).isEqualTo(new JobState.Running("processing", null));
        assertThat(second)
                .isEqualTo(new JobState.Succeeded(List.of(
                        ResultLocation.ofUrl("https://file.apixo.ai/image-1.png"),
                        ResultLocation.ofUrl("https://file.apixo.ai/image-2.png"))));
        RecordedRequest poll = server.takeRequest();
        assertThat(poll.getMethod()).isEqualTo("GET");
        assertThat(poll.getTarget()).isEqualTo("/api/v1/statusTask/minimax-image-01?taskId=task_12345678");
        assertThat(poll.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
    }

    @Test
    void aFailedTaskIsAFailedAssetWithItsCodeAndWords() throws Exception {
        server.enqueue(ok("""
                {"code":200,"message":"success","data":{"taskId":"task_12345678","state":"failed",
                 "failCode":"CONTENT_VIOLATION","failMsg":"Content violates usage policy"}}"""));

        JobState state = client().poll(TASK);

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, f -> {
            assertThat(f.moderated()).isTrue();
            assertThat(f.message()).contains("CONTENT_VIOLATION", "Content violates usage policy");
        });
    }

    @Test
    void anUnreadableResultJsonIsReadAgainRatherThanThrownAway() throws Exception {
        server.enqueue(ok("{\"code\":200,\"data\":{\"taskId\":\"t\",\"state\":\"success\",\"resultJson\":\"{oops\"}}"));
        server.enqueue(ok("""
                {"code":200,"data":{"taskId":"t","state":"success","resultJson":"{\\"resultUrls\\":[\\"https://f/1.png\\"]}"}}"""));

        JobState state = client().poll(TASK);

        assertThat(state).isEqualTo(new JobState.Succeeded(List.of(ResultLocation.ofUrl("https://f/1.png"))));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "code {0} inside an HTTP 200 is {1}")
    @CsvSource({
        "400, REJECTED",
        "401, PROVIDER_STOP",
        "402, PROVIDER_STOP",
        "403, REJECTED",
        "429, RATE_LIMITED",
        "500, MAYBE_SUBMITTED",
        "503, MAYBE_SUBMITTED"
    })
    void theEnvelopeCodeIsCheckedEvenOnHttp200(int code, Kind kind) {
        server.enqueue(ok("{\"code\":" + code + ",\"message\":\"apixo says\",\"data\":{\"error\":\"the detail\"}}"));

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.getMessage())
                .startsWith("submitting image 'hero' to apixo")
                .contains("apixo says: the detail");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "code {0} without a taskId on a create may have made a task")
    @ValueSource(strings = {"0", "\"ok\"", "102", "302"})
    void anEnvelopeCodeThatIsNoErrorStatusLetsTheAnswerDecideAndACreateWithoutTaskIdIsNotResent(String code) {
        server.enqueue(ok("{\"code\":" + code + ",\"message\":\"apixo says\",\"data\":{}}"));

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).as("the create is sent once").isEqualTo(1);
    }

    @Test
    void anEnvelopeCodeThatIsNoErrorStatusWithATaskIdIsTheTask() throws Exception {
        server.enqueue(ok("{\"code\":0,\"message\":\"queued\",\"data\":{\"taskId\":\"task_12345678\"}}"));

        SubmitResult result = client().submit(textToImage());

        assertThat(result.jobs()).extracting(JobRef::id).containsExactly("task_12345678");
    }

    @ParameterizedTest(name = "HTTP {0} on a create is {1}")
    @CsvSource({
        "400, REJECTED",
        "401, PROVIDER_STOP",
        "402, PROVIDER_STOP",
        "403, REJECTED",
        "429, RATE_LIMITED",
        "500, MAYBE_SUBMITTED",
        "502, MAYBE_SUBMITTED",
        "503, MAYBE_SUBMITTED",
        "504, MAYBE_SUBMITTED"
    })
    void httpFailuresOnACreateAreClassifiedAndNotRepeated(int status, Kind kind) {
        server.enqueue(answer(
                status,
                "{\"code\":" + status + ",\"message\":\"Invalid request\","
                        + "\"data\":{\"error\":\"Missing required field: input.prompt\"}}"));

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.getMessage()).contains("Invalid request: Missing required field: input.prompt");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void insufficientBalanceStopsTheProviderAndSaysWhatToDo() {
        server.enqueue(answer(402, "{\"code\":402,\"message\":\"Insufficient balance\"}"));

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_STOP);
        assertThat(e.getMessage()).contains("Insufficient balance", "recharge");
    }

    @Test
    void aRateLimitKeepsTheDelayApixoAskedFor() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "12")
                .body("{\"code\":429,\"message\":\"Too many requests\"}")
                .build());

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aPollFailingWith5xxIsRetriedWithBackOff() throws Exception {
        server.enqueue(answer(502, "{\"code\":502,\"message\":\"Upstream provider error\"}"));
        server.enqueue(ok("{\"code\":200,\"data\":{\"taskId\":\"t\",\"state\":\"pending\"}}"));

        assertThat(client().poll(TASK)).isEqualTo(new JobState.Running("pending", null));
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void anUnreadableAnswerToACreateMayHaveBeenChargedAndIsNotSentAgain() {
        server.enqueue(ok("{\"code\":200,\"message\":\"success\",\"data\":{\"taskId\":"));

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(e.getMessage()).contains("may already be paid for");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCreateAnswerWithoutTaskIdMayHaveBeenCharged() {
        server.enqueue(ok("{\"code\":200,\"message\":\"success\",\"data\":{}}"));

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(e.getMessage()).contains("no data.taskId");
    }

    @Test
    void aDroppedConnectionOnCreateIsMaybeSubmittedAndSentExactlyOnce() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(ok(ACCEPTED));

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void aKeyEchoedBackByApixoNeverReachesTheMessage() {
        server.enqueue(
                answer(401, "{\"code\":401,\"message\":\"Invalid or missing API key " + TestSettings.TOKEN + "\"}"));

        ProviderException e = failure(() -> client().submit(textToImage()));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_STOP);
        assertThat(e.getMessage()).contains("Invalid or missing API key ****", "APIXO_API_KEY");
    }

    @Test
    void anotherModelOrAVideoIsRefusedBeforeAnythingIsSent() {
        ProviderException model = failure(() -> client().submit(RequestFixtures.image("apixo", "nano-banana-2")
                .prompt("p")
                .build()));
        ProviderException video = failure(() -> client().submit(RequestFixtures.video("apixo", "minimax-image-01")
                .prompt("p")
                .build()));

        assertThat(model.kind()).isEqualTo(Kind.REJECTED);
        assertThat(model.getMessage()).contains("nano-banana-2", "minimax-image-01");
        assertThat(video.kind()).isEqualTo(Kind.REJECTED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aFailedTasksMessageNeverCarriesTheToken() throws Exception {
        server.enqueue(answer(
                200,
                "{\"code\":200,\"data\":{\"taskId\":\"task_1\",\"state\":\"failed\","
                        + "\"failCode\":\"X\",\"failMsg\":\"key " + TestSettings.TOKEN + " is bad\"}}"));

        JobState state = client().poll(TASK);

        assertThat(((JobState.Failed) state).message())
                .doesNotContain("fakeTestToken")
                .contains("key ****");
    }

    @Test
    void aTaskIdOutsideApixosGrammarNeverReachesAUrl() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.github.assetgen.core.provider.ProviderException.class,
                () -> client().poll(new JobRef("apixo", "task", "a/../b?x=1")));

        assertThat(e.getMessage()).contains("is not an APIXO task id");
        assertThat(server.getRequestCount()).isZero();
    }
}
