package io.github.assetgen.core.store.shared;

import static io.github.assetgen.core.store.shared.SharedCacheFixtures.KEY;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.body;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.fastConfig;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.manifest;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.manifestBody;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.namesIn;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.png;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.ref;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.store.shared.SharedCacheException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A shared cache that cannot answer is never a miss: every failure is typed and says where. */
class HttpSharedCacheFailuresTest {

    @StartStop
    MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private HttpSharedCache cache() {
        return new HttpSharedCache(fastConfig(server.url("/cache/").toString()));
    }

    @Test
    void anUploadRedirectedToALoginPageIsAFailureNotAStoredEntry() throws Exception {
        // OkHttp would follow the 302 with a GET, whose 200 once made the save look done
        List<String> seen = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request.getMethod() + " " + request.getUrl().encodedPath());
                if (request.getUrl().encodedPath().equals("/login")) {
                    return new MockResponse.Builder()
                            .body("<html>please log in</html>")
                            .build();
                }
                if (request.getMethod().equals("PUT")) {
                    return new MockResponse.Builder()
                            .code(302)
                            .addHeader("Location", "/login")
                            .build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        byte[] bytes = png(64, 1);
        Path local = Files.write(dir.resolve("1.png"), bytes);
        Manifest.FileRef file = ref("1.png", bytes);

        SharedCacheException e = catchThrowableOfType(
                SharedCacheException.class, () -> cache().save(KEY, manifest(KEY, file), Map.of(file.sha256(), local)));

        assertThat(e.httpStatus()).isEqualTo(302);
        assertThat(e.getMessage()).contains("answered 302").contains("nothing was stored");
        assertThat(seen).as("no write is followed to the page").doesNotContain("GET /login");
    }

    @ParameterizedTest
    @CsvSource({
        "500, SERVER_ERROR",
        "503, SERVER_ERROR",
        "401, UNAUTHORIZED",
        "403, UNAUTHORIZED",
        "400, UNEXPECTED_STATUS",
        "405, UNEXPECTED_STATUS"
    })
    void aFailedManifestReadIsATypedErrorNotAMiss(int code, Reason reason) {
        server.enqueue(status(code));

        SharedCacheException e = catchThrowableOfType(SharedCacheException.class, () -> cache().find(KEY));

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.getMessage())
                .startsWith("shared cache: GET " + server.url("/cache/keys/ab/" + KEY + ".json") + " answered " + code);
    }

    @Test
    void aRefusalSaysToCheckTheCredentials() {
        server.enqueue(status(401));

        SharedCacheException e = catchThrowableOfType(SharedCacheException.class, () -> cache().has(KEY));

        assertThat(e.getMessage()).contains("HEAD").endsWith("check the shared cache credentials");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() {
        server.enqueue(
                new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).build());
        HttpSharedCache cache = new HttpSharedCache(SharedCacheConfig.of(
                        server.url("/cache/").toString())
                .withTimeouts(
                        Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(5)));

        SharedCacheException e = catchThrowableOfType(SharedCacheException.class, () -> cache.find(KEY));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("GET " + server.url("/cache/keys/")).contains("failed: timed out");
    }

    @Test
    void aBlobDrippingWithinTheReadTimeoutIsStillCutByTheCallTimeout() {
        byte[] bytes = png(2_000, 1);
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(bytes))
                .throttleBody(100, 100, TimeUnit.MILLISECONDS)
                .build());
        HttpSharedCache cache = new HttpSharedCache(SharedCacheConfig.of(
                        server.url("/cache/").toString())
                .withTimeouts(
                        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(700)));
        long start = System.nanoTime();

        SharedCacheException e = catchThrowableOfType(
                SharedCacheException.class, () -> cache.fetch(KEY, ref("1.png", bytes), dir.resolve("1.png")));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void aServerThatIsDownIsUnreachable() throws Exception {
        String url = server.url("/cache/").toString();
        server.close();

        SharedCacheException e =
                catchThrowableOfType(SharedCacheException.class, () -> new HttpSharedCache(fastConfig(url)).find(KEY));

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void aBlobTheManifestNamesButTheServerLacksIsAnError() {
        server.enqueue(status(404));

        SharedCacheException e = catchThrowableOfType(
                SharedCacheException.class, () -> cache().fetch(KEY, ref("1.png", png(10, 1)), dir.resolve("1.png")));

        assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_STATUS);
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void aManifestOfAnotherKeyIsBad() {
        String other = "cd" + KEY.substring(2);
        server.enqueue(manifestBody(manifest(other, ref("1.png", png(10, 1)))));

        SharedCacheException e = catchThrowableOfType(SharedCacheException.class, () -> cache().find(KEY));

        assertThat(e.reason()).isEqualTo(Reason.BAD_MANIFEST);
        assertThat(e.getMessage()).contains("describes key " + other);
    }

    @Test
    void aManifestOfAnUnknownFormatVersionIsBad() {
        server.enqueue(body(("{\"formatVersion\": 2, \"key\": \"" + KEY + "\"}").getBytes(StandardCharsets.UTF_8)));

        SharedCacheException e = catchThrowableOfType(SharedCacheException.class, () -> cache().find(KEY));

        assertThat(e.reason()).isEqualTo(Reason.BAD_MANIFEST);
        assertThat(e.getMessage()).contains("unknown formatVersion 2");
    }

    @Test
    void aManifestNamingAPathInsteadOfAFileIsBad() {
        String json = "{\"formatVersion\": 1, \"key\": \"" + KEY + "\", \"provider\": \"useapi\", \"model\": \"m\","
                + " \"createdAt\": \"2026-11-25T12:00:00Z\", \"files\": [{\"name\": \"../../.bashrc\", \"sha256\": \""
                + KEY + "\", \"size\": 3, \"format\": \"png\"}]}";
        server.enqueue(body(json.getBytes(StandardCharsets.UTF_8)));

        SharedCacheException e = catchThrowableOfType(SharedCacheException.class, () -> cache().find(KEY));

        assertThat(e.reason()).isEqualTo(Reason.BAD_MANIFEST);
        assertThat(e.getMessage()).contains("plain file name");
    }

    @Test
    void aHugeManifestIsRefusedWithoutBufferingIt() {
        server.enqueue(new MockResponse.Builder()
                .chunkedBody(new Buffer().write(new byte[HttpSharedCache.MAX_MANIFEST_BYTES + 10]), 8192)
                .build());

        SharedCacheException e = catchThrowableOfType(SharedCacheException.class, () -> cache().find(KEY));

        assertThat(e.reason()).isEqualTo(Reason.BAD_MANIFEST);
        assertThat(e.getMessage()).contains("larger than");
    }

    @Test
    void aManifestFormatThisVersionDoesNotKnowReadsAsUnknown() throws Exception {
        String json = "{\"formatVersion\": 1, \"key\": \"" + KEY + "\", \"provider\": \"useapi\", \"model\": \"m\","
                + " \"createdAt\": \"2026-11-25T12:00:00Z\", \"future\": true, \"files\": [{\"name\": \"1.avif\","
                + " \"sha256\": \"" + KEY + "\", \"size\": 3, \"format\": \"avif\"}]}";
        server.enqueue(body(json.getBytes(StandardCharsets.UTF_8)));

        Manifest manifest = cache().find(KEY).orElseThrow();

        assertThat(manifest.files().get(0).format()).isEqualTo(io.github.assetgen.core.files.MediaFormat.UNKNOWN);
    }
}
