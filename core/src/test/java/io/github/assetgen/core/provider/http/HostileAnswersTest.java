package io.github.assetgen.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

/** A provider that answers with hostile timing, sizes or texts makes one call fail, never hang or leak. */
class HostileAnswersTest {

    @StartStop
    MockWebServer server = new MockWebServer();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpCaller caller(int maxRetries) {
        return TestSettings.caller(TestSettings.forServer("useapi", server, maxRetries), sleeper);
    }

    private static ProviderException failure(ThrowingCall call) {
        return catchThrowableOfType(ProviderException.class, call::run);
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRetryAfterOfAYearOrAnyNumberOfDigitsIsCappedAtFiveMinutes() {
        assertThat(RetryAfter.parse("31536000", NOW)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
        assertThat(RetryAfter.parse("99999999999999999999999999999", NOW)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
        assertThat(RetryAfter.parse("17", NOW)).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void aRetryAfterDateIsReadAsTheTimeUntilThenAndCapped() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 25 Nov 2027 12:00:00 GMT", NOW)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void aNegativePastOrMalformedRetryAfterMeansTheConfiguredDelay() {
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 12:00:00 GMT", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("1e9", NOW)).isNull();
    }

    @Test
    void aRetryAfterOfControlCharactersOnlyMeansTheConfiguredDelay() {
        // found by the fuzz test: trim() removes them, isBlank() does not, and "" is no number
        assertThat(RetryAfter.parse("\u0000\u0000\u0001", NOW)).isNull();
    }

    @Test
    void aRetryWaitNeverOutlastsTheAssetsDeadline() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", "240")
                .body("{}")
                .build());
        server.enqueue(new MockResponse.Builder().body("{}").build());

        ProviderException e = CallDeadline.within(
                Duration.ofSeconds(2), () -> failure(() -> caller(3).call(JsonEndpoint.get("/poll"))));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(sleeper.delays()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPollBodyThatTricklesForeverEndsByTheAssetsDeadline() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .body("{\"status\":\"" + "x".repeat(10_000) + "\"}")
                .throttleBody(1, 200, TimeUnit.MILLISECONDS)
                .build());
        long start = System.nanoTime();

        ProviderException e = CallDeadline.within(
                Duration.ofMillis(1500), () -> failure(() -> caller(0).call(JsonEndpoint.get("/poll"))));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void everyCallHasAWholeCallTimeoutEvenWithoutADeadline() {
        assertThat(caller(0).client().callTimeoutMillis()).isPositive();
    }

    @Test
    void anAnswerLargerThanFourMebibytesIsRefusedUnread() {
        server.enqueue(new MockResponse.Builder()
                .body("{\"pad\":\"" + "x".repeat(5 << 20) + "\"}")
                .build());

        ProviderException e = failure(() -> caller(0).call(JsonEndpoint.get("/poll")));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("larger than 4 MiB");
    }

    @Test
    void aSmallGzippedAnswerThatUnpacksPastTheCapIsRefusedToo() throws Exception {
        Buffer gzipped = new Buffer();
        try (var sink = Okio.buffer(new GzipSink(gzipped))) {
            sink.writeUtf8("{\"pad\":\"" + " ".repeat(6 << 20) + "\"}");
        }
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Encoding", "gzip")
                .body(gzipped)
                .build());

        ProviderException e = failure(() -> caller(0).call(JsonEndpoint.get("/poll")));

        assertThat(e.getMessage()).contains("larger than 4 MiB");
    }

    @Test
    void aBigAnswerToACreateIsMaybeSubmittedNotLost() {
        server.enqueue(new MockResponse.Builder()
                .body("{\"pad\":\"" + "x".repeat(5 << 20) + "\"}")
                .build());

        ProviderException e = failure(() -> caller(0).call(JsonEndpoint.create("/c", "{}")));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
    }

    @Test
    void aTokenStraddlingTheCutIsRedactedBeforeTheMessageIsShortened() {
        for (int pad = 270; pad < 300; pad += 3) {
            server.enqueue(new MockResponse.Builder()
                    .code(400)
                    .body("{\"error\":\"" + "e".repeat(pad) + " " + TestSettings.TOKEN + " tail\"}")
                    .build());

            ProviderException e = failure(() -> caller(0).call(JsonEndpoint.get("/poll")));

            assertThat(e.getMessage()).doesNotContain("user:1").doesNotContain("fakeTest");
        }
    }

    @Test
    void aJobFailureFromAnAnswerIsRedactedAndShortened() {
        var failed = caller(0)
                .safe(new io.github.assetgen.core.provider.JobState.Failed(
                        "bad " + TestSettings.TOKEN + " " + "x".repeat(5000), false));

        assertThat(((io.github.assetgen.core.provider.JobState.Failed) failed).message())
                .doesNotContain("fakeTestToken")
                .hasSizeLessThanOrEqualTo(1000);
    }

    @Test
    void aPlainHttpBaseUrlToAnotherMachineIsRefusedBeforeTheTokenIsSent() {
        ProviderSettings remote = TestSettings.forUri("useapi", URI.create("http://api.example.invalid/"), 0);

        ProviderException e = failure(() -> TestSettings.caller(remote, sleeper).call(JsonEndpoint.get("/poll")));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_STOP);
        assertThat(e.getMessage()).contains("plain http").contains("use https").contains("nothing was sent");
    }

    @Test
    void aPlainHttpBaseUrlToAnotherMachineIsAConfigurationError() {
        var useapi = io.github.assetgen.core.provider.registry.ProviderRegistry.standard()
                .find("useapi")
                .orElseThrow();

        assertThat(catchThrowableOfType(
                                IllegalArgumentException.class,
                                () -> useapi.settings(null, "http://api.useapi.net", null, null, null))
                        .getMessage())
                .contains("plain http")
                .contains("use https");
        assertThat(useapi.settings(null, "http://127.0.0.1:8080", null, null, null)
                        .baseUrl()
                        .getHost())
                .isEqualTo("127.0.0.1");
    }
}
