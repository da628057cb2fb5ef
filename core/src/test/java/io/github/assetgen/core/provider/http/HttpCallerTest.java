package io.github.assetgen.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.wording.MavenStyle;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCallerTest {

    @StartStop
    MockWebServer server = new MockWebServer();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpCaller caller(int maxRetries) {
        return TestSettings.caller(TestSettings.forServer("useapi", server, maxRetries), sleeper);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private ProviderException failure(HttpCaller caller, Endpoint<?> endpoint) {
        return catchThrowableOfType(ProviderException.class, () -> caller.call(endpoint));
    }

    @Test
    void aGetCarriesTheBearerTokenAndUserAgentAndReturnsTheParsedBody() throws Exception {
        server.enqueue(json(200, "{\"status\":2,\"userID\":923847293472394000,\"extra\":{\"x\":1}}"));

        JsonNode body = caller(0).call(JsonEndpoint.get("/v1/minimax/images/abc"));

        assertThat(body.get("userID").asLong()).isEqualTo(923847293472394000L);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("assetgen/0.1.0");
    }

    @Test
    void idsWithColonsGoIntoThePathUnencoded() throws Exception {
        server.enqueue(json(200, "{}"));

        caller(0).call(JsonEndpoint.get("/v1/minimax/videos/user:1234-minimax:987654321-video:99"));

        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/v1/minimax/videos/user:1234-minimax:987654321-video:99");
    }

    @Test
    void aCreateSendsItsJsonBodyWithTheJsonContentType() throws Exception {
        server.enqueue(json(200, "{\"videoId\":\"v\"}"));

        caller(0).call(JsonEndpoint.create("/v1/minimax/videos/create", "{\"prompt\":\"a cat\"}"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"prompt\":\"a cat\"}");
    }

    @ParameterizedTest(name = "HTTP {0} to a create is {1}")
    @CsvSource({
        "400, REJECTED",
        "404, REJECTED",
        "422, REJECTED",
        "418, REJECTED",
        "403, REJECTED",
        "401, PROVIDER_STOP",
        "402, PROVIDER_STOP",
        "412, PROVIDER_STOP",
        "596, PROVIDER_STOP",
        "500, MAYBE_SUBMITTED",
        "502, MAYBE_SUBMITTED",
        "503, MAYBE_SUBMITTED",
        "504, MAYBE_SUBMITTED",
        "599, MAYBE_SUBMITTED",
        "429, RATE_LIMITED"
    })
    void eachStatusHasItsKind(int status, Kind kind) {
        server.enqueue(json(status, "{\"error\":\"provider says no\"}"));

        ProviderException e = failure(caller(0), JsonEndpoint.create("/create", "{}"));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.provider()).isEqualTo("useapi");
        assertThat(e.getMessage()).startsWith("testing POST /create").contains("provider says no");
        assertThat(server.getRequestCount())
                .as("a create is never repeated by the caller")
                .isEqualTo(1);
    }

    @Test
    void stopMessagesSayWhatToDo() {
        server.enqueue(json(412, "{\"error\":\"Insufficient credits.\"}"));
        server.enqueue(json(596, "{\"error\":\"Unusual account activities detected.\"}"));

        assertThat(failure(caller(0), JsonEndpoint.create("/c", "{}")).getMessage())
                .contains("Insufficient credits.")
                .contains("out of credits")
                .contains("recharge");
        assertThat(failure(caller(0), JsonEndpoint.create("/c", "{}")).getMessage())
                .contains("Unusual account activities")
                .contains("on hold")
                .contains("few hours");
    }

    @Test
    void rateLimitHonoursRetryAfterSeconds() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "17")
                .body("{\"error\":\"YOU CAN QUEUE 3 JOBS AT ONCE\"}")
                .build());

        ProviderException e = failure(caller(0), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(e.getMessage()).contains("YOU CAN QUEUE 3 JOBS AT ONCE");
    }

    @Test
    void rateLimitWithoutRetryAfterLeavesTheDelayToTheScheduler() {
        server.enqueue(json(429, "{\"error\":\"Account 1 is busy executing 3 videos\",\"runningVideos\":{}}"));

        ProviderException e = failure(caller(0), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isNull();
    }

    @Test
    void aGetIsRetriedAfter503WithBackOff() throws Exception {
        server.enqueue(json(503, "{\"error\":\"busy\"}"));
        server.enqueue(json(200, "{\"ok\":true}"));

        JsonNode body = caller(3).call(JsonEndpoint.get("/poll"));

        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void aGetGivesUpAfterMaxRetriesKeepingEarlierFailures() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(502, "{\"error\":\"bad gateway " + i + "\"}"));
        }

        ProviderException e = failure(caller(2), JsonEndpoint.get("/poll"));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("bad gateway 2");
        assertThat(e.getSuppressed()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void aGetWaitsTheRetryAfterOfA429() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3")
                .body("{}")
                .build());
        server.enqueue(json(200, "{}"));

        caller(1).call(JsonEndpoint.get("/poll"));

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aRejectedGetIsNotRetried() {
        server.enqueue(json(404, "{\"error\":\"Not found.\",\"code\":404}"));

        ProviderException e = failure(caller(3), JsonEndpoint.get("/poll"));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("Not found.");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerIsLostIsMaybeSubmittedAndSentOnlyOnce() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, "{\"videoId\":\"second\"}"));

        ProviderException e = failure(caller(3), JsonEndpoint.create("/v1/minimax/videos/create", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(MavenStyle.text(e.getMessage()))
                .contains("may already be paid for")
                .contains("-Dassetgen.force")
                .contains("-Dassetgen.only=hero");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void aCreateThatTimesOutWaitingForTheAnswerIsMaybeSubmitted() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .headersDelay(5, TimeUnit.SECONDS)
                .body("{}")
                .build());

        ProviderException e = failure(caller(3), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aGetThatTimesOutIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .headersDelay(5, TimeUnit.SECONDS)
                .body("{}")
                .build());
        server.enqueue(json(200, "{\"ok\":1}"));

        JsonNode body = caller(1).call(JsonEndpoint.get("/poll"));

        assertThat(body.get("ok").asInt()).isEqualTo(1);
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void anUploadWhoseAnswerIsLostIsSentAgainBecauseItCostsNothing() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, "{\"fileID\":\"f\"}"));

        JsonNode body = caller(1).call(JsonEndpoint.upload("/files/", new byte[] {1, 2, 3}));

        assertThat(body.get("fileID").asText()).isEqualTo("f");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsRetryableBecauseNothingWasSent() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        HttpCaller caller = TestSettings.caller(TestSettings.forUri("useapi", closed, 0), sleeper);

        ProviderException e = failure(caller, JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("nothing was sent");
    }

    @Test
    void malformedJsonToACreateIsMaybeSubmitted() {
        server.enqueue(json(200, "<html>gateway</html>"));

        ProviderException e = failure(caller(3), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(e.getMessage()).contains("not JSON").contains("<html>gateway</html>");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPlain500ToACreateIsMaybeSubmittedBecauseTheJobMayExist() {
        server.enqueue(json(500, "{\"error\":\"internal\"}"));

        ProviderException e = failure(caller(3), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a502ToACreateMayHaveCreatedTheJobAndIsNotSentAgain() {
        // useapi: MiniMax may "respond with 502 or 504 while still accepting jobs into the internal queue"
        server.enqueue(json(502, "{\"error\":\"busy\"}"));

        ProviderException e = failure(caller(3), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonToAGetIsRetried() throws Exception {
        server.enqueue(json(200, "{\"status\":"));
        server.enqueue(json(200, "{\"status\":1}"));

        JsonNode body = caller(2).call(JsonEndpoint.get("/poll"));

        assertThat(body.get("status").asInt()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aCreateAnswerWithoutItsIdIsMaybeSubmitted() {
        server.enqueue(json(200, "{\"missing\":true}"));

        ProviderException e = failure(caller(0), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(e.getMessage()).contains("no id in the answer");
    }

    @Test
    void theTokenNeverAppearsInAMessageEvenWhenTheProviderEchoesIt() {
        server.enqueue(json(401, "{\"error\":\"Unauthorized token " + TestSettings.TOKEN + "\"}"));

        ProviderException e = failure(caller(0), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_STOP);
        assertThat(e.getMessage())
                .doesNotContain(TestSettings.TOKEN)
                .doesNotContain("fakeTestToken")
                .contains("Unauthorized token ****")
                .contains("assetgen-useapi")
                .contains("USEAPI_TOKEN");
        assertThat(String.valueOf(e)).doesNotContain("fakeTestToken");
    }

    @Test
    void theProviderMessageComesFromMessageFieldsOrRawText() {
        server.enqueue(
                json(400, "{\"code\":400,\"message\":\"Invalid request\",\"data\":{\"error\":\"Missing field\"}}"));
        server.enqueue(
                new MockResponse.Builder().code(400).body("  plain\n text  ").build());
        server.enqueue(
                new MockResponse.Builder().code(400).body("x".repeat(5000)).build());

        assertThat(failure(caller(0), JsonEndpoint.create("/c", "{}")).getMessage())
                .endsWith("(HTTP 400): Invalid request: Missing field");
        assertThat(failure(caller(0), JsonEndpoint.create("/c", "{}")).getMessage())
                .endsWith(": plain text");
        assertThat(failure(caller(0), JsonEndpoint.create("/c", "{}")).getMessage())
                .hasSizeLessThan(400)
                .endsWith("…");
    }

    @Test
    void aClassifierCanTurnA200IntoAFailure() {
        server.enqueue(json(200, "{\"base_resp\":{\"status_code\":1008,\"status_msg\":\"insufficient balance\"}}"));
        ResponseClassifier minimaxLike =
                success -> success.body().path("base_resp").path("status_code").asInt() == 1008
                        ? new Outcome.Failure(
                                Kind.PROVIDER_STOP,
                                success.httpStatus(),
                                "insufficient balance",
                                null,
                                ProviderMessages.outOfCredits())
                        : success;
        HttpCaller caller = new HttpCaller(
                TestSettings.forServer("minimax", server, 0), new HttpClientFactory(), sleeper, minimaxLike);

        ProviderException e = failure(caller, JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_STOP);
        assertThat(e.getMessage()).contains("insufficient balance").contains("recharge");
    }

    @Test
    void backOffDoublesUpToEightTimesTheBaseDelay() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(json(503, "{}"));
        }

        failure(caller(5), JsonEndpoint.get("/poll"));

        assertThat(sleeper.delays())
                .containsExactly(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(80),
                        Duration.ofSeconds(80));
    }

    @Test
    void aGetWhoseConnectionIsResetIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, "{\"status\":1}"));

        JsonNode body = caller(1).call(JsonEndpoint.get("/poll"));

        assertThat(body.get("status").asInt()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aCreateWhoseAnswerBreaksOffMidBodyIsMaybeSubmitted() {
        server.enqueue(new MockResponse.Builder()
                .body("{\"imageIds\":[\"" + "x".repeat(20_000) + "\"]}")
                .throttleBody(4096, 1, TimeUnit.MILLISECONDS)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());

        ProviderException e = failure(caller(3), JsonEndpoint.create("/c", "{}"));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRetryAfterThatIsNotSecondsIsIgnored() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")
                .body("{}")
                .build());

        assertThat(failure(caller(0), JsonEndpoint.create("/c", "{}")).retryAfter())
                .isNull();
    }
}
