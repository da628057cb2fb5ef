package io.github.assetgen.core.provider.useapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.RecordingSleeper;
import io.github.assetgen.core.provider.http.TestSettings;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.request.InputFile;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.wording.MavenStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UseapiClientTest {

    static final String IMAGE_ID = "user:1234-minimax:987654321-image:357846312387492374";
    static final String VIDEO_ID = "user:1234-minimax:987654321-video:998877665544332211";

    @StartStop
    MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final FileIdMemory memory = FileIdMemory.inMemory();

    private UseapiClient client(int maxRetries) {
        return new UseapiClient(
                TestSettings.forServer("useapi", server, maxRetries), new HttpClientFactory(), memory, sleeper);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private InputFile localFile(String name, byte[] bytes, String mediaType) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return InputFile.ofLocal(
                file,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                mediaType);
    }

    private static AssetRequest image(
            String id,
            String model,
            Map<String, Object> parameters,
            List<InputFile> references,
            InputFile character,
            String account) {
        return new AssetRequest(
                id,
                "useapi",
                AssetType.IMAGE,
                model,
                "a red fox in snow",
                parameters,
                references,
                character,
                null,
                null,
                account,
                List.of(id + ".png"),
                new Position("assets.yaml", 3, 5));
    }

    private static AssetRequest video(
            String id,
            String model,
            Map<String, Object> parameters,
            InputFile firstFrame,
            List<InputFile> references,
            InputFile endFrame) {
        return new AssetRequest(
                id,
                "useapi",
                AssetType.VIDEO,
                model,
                "the fox runs",
                parameters,
                references,
                null,
                firstFrame,
                endFrame,
                "987654321",
                List.of(id + ".mp4"),
                new Position("assets.yaml", 9, 5));
    }

    private static JsonNode jsonBody(RecordedRequest request) throws Exception {
        return HttpJson.mapper().readTree(request.getBody().utf8());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anImageWithReferencesUploadsThemThenCreatesWithTheDocumentedFieldNames() throws Exception {
        InputFile png = localFile("ref1.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1}, "image/png");
        InputFile webp = localFile("ref2.webp", new byte[] {'R', 'I', 'F', 'F', 2}, "image/webp");
        server.enqueue(json(200, "{\"ossPath\":\"https://x/1\",\"fileID\":\"user:1-minimax:987654321-file:1\"}"));
        server.enqueue(json(200, "{\"ossPath\":\"https://x/2\",\"fileID\":\"user:1-minimax:987654321-file:2\"}"));
        server.enqueue(json(
                200,
                "{\"id\":\"1\",\"task\":{\"batchID\":\"b\",\"videoIDs\":[\"1\",\"2\"]},"
                        + "\"isFirstGenerate\":false,\"imageIds\":[\"" + IMAGE_ID + "\",\"" + IMAGE_ID + "2\"],"
                        + "\"replyRef\":\"hero\",\"code\":200}"));
        Map<String, Object> parameters =
                Map.of("aspectRatio", "16:9", "resolution", "2K", "quantity", 2, "promptOptimization", true);

        SubmitResult result =
                client(0).submit(image("hero", "nano-banana-pro", parameters, List.of(png, webp), null, "987654321"));

        assertThat(result.jobs())
                .containsExactly(
                        new JobRef("useapi", "image", IMAGE_ID), new JobRef("useapi", "image", IMAGE_ID + "2"));
        assertThat(result.isComplete()).isFalse();
        RecordedRequest upload1 = server.takeRequest();
        assertThat(upload1.getMethod()).isEqualTo("POST");
        assertThat(upload1.getTarget()).isEqualTo("/v1/minimax/files/?account=987654321");
        assertThat(upload1.getHeaders().get("Content-Type")).isEqualTo("image/png");
        assertThat(upload1.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
        assertThat(upload1.getBody().toByteArray()).isEqualTo(Files.readAllBytes(png.path()));
        RecordedRequest upload2 = server.takeRequest();
        assertThat(upload2.getHeaders().get("Content-Type"))
                .as("webp goes up as jpeg")
                .isEqualTo("image/jpeg");
        RecordedRequest create = server.takeRequest();
        assertThat(create.getTarget()).isEqualTo("/v1/minimax/images/create");
        assertThat(create.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(create.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
        JsonNode body = jsonBody(create);
        assertThat(fieldNames(body))
                .containsExactlyInAnyOrder(
                        "prompt",
                        "model",
                        "aspectRatio",
                        "resolution",
                        "quantity",
                        "promptOptimization",
                        "referenceFileId1",
                        "referenceFileId2",
                        "account",
                        "replyRef");
        assertThat(body.get("prompt").asText()).isEqualTo("a red fox in snow");
        assertThat(body.get("model").asText()).isEqualTo("nano-banana-pro");
        assertThat(body.get("quantity").isIntegralNumber()).isTrue();
        assertThat(body.get("quantity").asInt()).isEqualTo(2);
        assertThat(body.get("promptOptimization").isBoolean()).isTrue();
        assertThat(body.get("referenceFileId1").asText()).isEqualTo("user:1-minimax:987654321-file:1");
        assertThat(body.get("referenceFileId2").asText()).isEqualTo("user:1-minimax:987654321-file:2");
        assertThat(body.get("replyRef").asText()).isEqualTo("hero");
        assertThat(create.getBody().utf8()).doesNotContain(TestSettings.TOKEN);
    }

    @Test
    void imageOneSendsItsReferenceAsCharacterFileIdAndQualityOnlyWhenSet() throws Exception {
        InputFile face = localFile("face.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9}, "image/jpeg");
        server.enqueue(json(200, "{\"fileID\":\"file-face\"}"));
        server.enqueue(json(200, "{\"imageIds\":[\"" + IMAGE_ID + "\"]}"));

        client(0).submit(image("face", "image-01", Map.of("aspectRatio", "1:1"), List.of(), face, null));

        RecordedRequest upload = server.takeRequest();
        assertThat(upload.getTarget()).as("no account, no query").isEqualTo("/v1/minimax/files/");
        JsonNode body = jsonBody(server.takeRequest());
        assertThat(body.get("characterFileId").asText()).isEqualTo("file-face");
        assertThat(fieldNames(body)).doesNotContain("account", "quality", "referenceFileId1");
    }

    @Test
    void theSameBytesAreUploadedOncePerAccountAcrossSubmits() throws Exception {
        InputFile ref = localFile("ref.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 7}, "image/png");
        InputFile sameBytes = localFile("copy.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 7}, "image/png");
        server.enqueue(json(200, "{\"fileID\":\"file-7\"}"));
        server.enqueue(json(200, "{\"imageIds\":[\"a\"]}"));
        server.enqueue(json(200, "{\"imageIds\":[\"b\"]}"));
        UseapiClient client = client(0);

        client.submit(image("one", "seedream-4.5", Map.of(), List.of(ref), null, "acct"));
        client.submit(image("two", "seedream-4.5", Map.of(), List.of(sameBytes), null, "acct"));

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(server.takeRequest().getTarget()).startsWith("/v1/minimax/files/");
        assertThat(jsonBody(server.takeRequest()).get("referenceFileId1").asText())
                .isEqualTo("file-7");
        assertThat(jsonBody(server.takeRequest()).get("referenceFileId1").asText())
                .isEqualTo("file-7");
        assertThat(memory.find("useapi", "acct", ref.sha256())).contains("file-7");
    }

    @Test
    void aFileIdRememberedFromAnEarlierBuildIsUsedWithoutUploading() throws Exception {
        InputFile ref = localFile("ref.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 8}, "image/png");
        memory.remember("useapi", "acct", ref.sha256(), "file-from-last-build");
        server.enqueue(json(200, "{\"imageIds\":[\"a\"]}"));

        client(0).submit(image("one", "seedream-4.5", Map.of(), List.of(ref), null, "acct"));

        RecordedRequest create = server.takeRequest();
        assertThat(create.getTarget()).isEqualTo("/v1/minimax/images/create");
        assertThat(jsonBody(create).get("referenceFileId1").asText()).isEqualTo("file-from-last-build");
    }

    private static MockResponse badRequest(String error) {
        return json(400, "{\"error\":\"" + error + "\",\"code\":400}");
    }

    @Test
    void aRememberedIdUseapiNoLongerKnowsIsUploadedAgainAndTheCreateIsSentOnceMore() throws Exception {
        InputFile remembered = localFile("old.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 20}, "image/png");
        InputFile fresh = localFile("new.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 21}, "image/jpeg");
        memory.remember("useapi", "acct", remembered.sha256(), "file-gone");
        server.enqueue(json(200, "{\"fileID\":\"file-fresh\"}"));
        server.enqueue(badRequest("Parameter referenceFileId1 refers to an unknown file"));
        server.enqueue(json(200, "{\"fileID\":\"file-again\"}"));
        server.enqueue(json(200, "{\"imageIds\":[\"" + IMAGE_ID + "\"]}"));

        SubmitResult result =
                client(3).submit(image("hero", "nano-banana-2", Map.of(), List.of(remembered, fresh), null, "acct"));

        assertThat(result.jobs()).containsExactly(new JobRef("useapi", "image", IMAGE_ID));
        assertThat(server.getRequestCount()).isEqualTo(4);
        RecordedRequest freshUpload = server.takeRequest();
        assertThat(freshUpload.getTarget()).isEqualTo("/v1/minimax/files/?account=acct");
        assertThat(freshUpload.getBody().toByteArray()).isEqualTo(Files.readAllBytes(fresh.path()));
        RecordedRequest firstCreate = server.takeRequest();
        assertThat(firstCreate.getTarget()).isEqualTo("/v1/minimax/images/create");
        JsonNode firstBody = jsonBody(firstCreate);
        assertThat(firstBody.get("referenceFileId1").asText()).isEqualTo("file-gone");
        assertThat(firstBody.get("referenceFileId2").asText()).isEqualTo("file-fresh");
        RecordedRequest uploadAgain = server.takeRequest();
        assertThat(uploadAgain.getMethod()).isEqualTo("POST");
        assertThat(uploadAgain.getTarget()).as("the same account").isEqualTo("/v1/minimax/files/?account=acct");
        assertThat(uploadAgain.getHeaders().get("Content-Type")).isEqualTo("image/png");
        assertThat(uploadAgain.getBody().toByteArray())
                .as("a raw body")
                .isEqualTo(Files.readAllBytes(remembered.path()));
        RecordedRequest secondCreate = server.takeRequest();
        assertThat(secondCreate.getTarget()).isEqualTo("/v1/minimax/images/create");
        JsonNode secondBody = jsonBody(secondCreate);
        assertThat(secondBody.get("referenceFileId1").asText()).isEqualTo("file-again");
        assertThat(secondBody.get("referenceFileId2").asText()).isEqualTo("file-fresh");
        ((com.fasterxml.jackson.databind.node.ObjectNode) firstBody).remove("referenceFileId1");
        ((com.fasterxml.jackson.databind.node.ObjectNode) secondBody).remove("referenceFileId1");
        assertThat(secondBody).as("nothing else changes").isEqualTo(firstBody);
        assertThat(memory.find("useapi", "acct", remembered.sha256())).contains("file-again");
        assertThat(memory.find("useapi", "acct", fresh.sha256())).contains("file-fresh");
    }

    @Test
    void aRememberedVideoFrameFillingTwoSlotsIsUploadedAgainOnceForBoth() throws Exception {
        byte[] frame = {(byte) 0x89, 'P', 'N', 'G', 22};
        InputFile first = localFile("first.png", frame, "image/png");
        InputFile extra = localFile("extra.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 23}, "image/png");
        InputFile last = localFile("last.png", frame, "image/png");
        memory.remember("useapi", "987654321", first.sha256(), "file-gone");
        server.enqueue(json(200, "{\"fileID\":\"file-extra\"}"));
        server.enqueue(badRequest("Parameter fileID refers to an unknown file"));
        server.enqueue(json(200, "{\"fileID\":\"file-again\"}"));
        server.enqueue(json(200, "{\"videoId\":\"" + VIDEO_ID + "\"}"));

        SubmitResult result = client(0).submit(video("loop", "Veo-3.1-S2V", Map.of(), first, List.of(extra), last));

        assertThat(result.jobs()).containsExactly(new JobRef("useapi", "video", VIDEO_ID));
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(server.takeRequest().getBody().toByteArray()).isEqualTo(Files.readAllBytes(extra.path()));
        JsonNode firstBody = jsonBody(server.takeRequest());
        assertThat(firstBody.get("fileID").asText()).isEqualTo("file-gone");
        assertThat(firstBody.get("end_frame_fileID").asText()).isEqualTo("file-gone");
        RecordedRequest uploadAgain = server.takeRequest();
        assertThat(uploadAgain.getTarget()).isEqualTo("/v1/minimax/files/?account=987654321");
        assertThat(uploadAgain.getBody().toByteArray()).isEqualTo(frame);
        RecordedRequest secondCreate = server.takeRequest();
        assertThat(secondCreate.getTarget()).isEqualTo("/v1/minimax/videos/create");
        JsonNode secondBody = jsonBody(secondCreate);
        assertThat(secondBody.get("fileID").asText()).isEqualTo("file-again");
        assertThat(secondBody.get("fileID2").asText()).isEqualTo("file-extra");
        assertThat(secondBody.get("end_frame_fileID").asText()).isEqualTo("file-again");
    }

    @Test
    void aBadRequestNamingOnlyFilesUploadedByThisBuildIsNotSentAgain() throws Exception {
        InputFile ref = localFile("ref.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 24}, "image/png");
        server.enqueue(json(200, "{\"fileID\":\"file-1\"}"));
        server.enqueue(badRequest("Parameter referenceFileId1 refers to an unknown file"));
        server.enqueue(json(200, "{\"fileID\":\"file-2\"}"));
        server.enqueue(json(200, "{\"imageIds\":[\"" + IMAGE_ID + "\"]}"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> client(0).submit(image("hero", "seedream-4.5", Map.of(), List.of(ref), null, "acct")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("refers to an unknown file").doesNotContain("uploaded again");
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getTarget()).startsWith("/v1/minimax/files/");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/minimax/images/create");
        assertThat(memory.find("useapi", "acct", ref.sha256())).contains("file-1");
    }

    @Test
    void aSecondBadRequestAfterUploadingAgainFailsSayingTheRequestItselfIsRejected() throws Exception {
        InputFile face = localFile("face.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 25}, "image/jpeg");
        memory.remember("useapi", "acct", face.sha256(), "file-gone");
        server.enqueue(badRequest("Parameter characterFileId refers to an unknown file"));
        server.enqueue(json(200, "{\"fileID\":\"file-again\"}"));
        server.enqueue(badRequest("Parameter aspectRatio is invalid"));
        server.enqueue(json(200, "{\"fileID\":\"file-third\"}"));
        server.enqueue(json(200, "{\"imageIds\":[\"" + IMAGE_ID + "\"]}"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> client(0).submit(image("face", "image-01", Map.of(), List.of(), face, "acct")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage())
                .startsWith("submitting image 'face' to useapi was rejected (HTTP 400)")
                .contains("Parameter aspectRatio is invalid")
                .contains("uploaded again")
                .contains("this rejection is about the request itself");
        assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(ProviderException.class, first -> {
            assertThat(first.httpStatus()).isEqualTo(400);
            assertThat(first.getMessage()).contains("Parameter characterFileId refers to an unknown file");
        });
        assertThat(server.getRequestCount()).as("two creates, one upload").isEqualTo(3);
        assertThat(jsonBody(server.takeRequest()).get("characterFileId").asText())
                .isEqualTo("file-gone");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/minimax/files/?account=acct");
        RecordedRequest secondCreate = server.takeRequest();
        assertThat(secondCreate.getTarget()).isEqualTo("/v1/minimax/images/create");
        assertThat(jsonBody(secondCreate).get("characterFileId").asText()).isEqualTo("file-again");
        assertThat(memory.find("useapi", "acct", face.sha256())).contains("file-again");
    }

    @ParameterizedTest(name = "HTTP {0} naming a remembered id is {1}, with no upload")
    @CsvSource({
        "429, RATE_LIMITED",
        "503, MAYBE_SUBMITTED",
        "500, MAYBE_SUBMITTED",
        "401, PROVIDER_STOP",
        "422, REJECTED"
    })
    void otherCreateFailuresNamingARememberedIdAreNotAnsweredByUploadingAgain(int status, Kind kind) throws Exception {
        InputFile ref = localFile("ref.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 26}, "image/png");
        memory.remember("useapi", "acct", ref.sha256(), "file-remembered");
        server.enqueue(json(status, "{\"error\":\"not now\",\"code\":" + status + "}"));
        server.enqueue(json(200, "{\"fileID\":\"file-again\"}"));
        server.enqueue(json(200, "{\"imageIds\":[\"" + IMAGE_ID + "\"]}"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> client(3).submit(image("hero", "seedream-4.5", Map.of(), List.of(ref), null, "acct")));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).doesNotContain("uploaded again");
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/minimax/images/create");
        assertThat(memory.find("useapi", "acct", ref.sha256())).contains("file-remembered");
    }

    @Test
    void assetsSharingAForgottenFileRecoverWithOneUpload() throws Exception {
        InputFile ref = localFile("ref.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 27}, "image/png");
        memory.remember("useapi", "acct", ref.sha256(), "file-gone");
        AtomicInteger uploads = new AtomicInteger();
        AtomicInteger creates = new AtomicInteger();
        CountDownLatch bothStale = new CountDownLatch(2);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getTarget().startsWith("/v1/minimax/files/")) {
                    uploads.incrementAndGet();
                    return new MockResponse.Builder()
                            .headersDelay(200, TimeUnit.MILLISECONDS)
                            .body("{\"fileID\":\"file-again\"}")
                            .build();
                }
                creates.incrementAndGet();
                if (request.getBody().utf8().contains("file-gone")) {
                    // both stale creates are answered only once both arrived, so both recover
                    bothStale.countDown();
                    bothStale.await(5, TimeUnit.SECONDS);
                    return badRequest("Parameter referenceFileId1 refers to an unknown file");
                }
                return json(200, "{\"imageIds\":[\"x\"]}");
            }
        });
        UseapiClient client = client(0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SubmitResult>> results = new ArrayList<>();
            for (String id : List.of("a", "b")) {
                results.add(pool.submit(
                        () -> client.submit(image(id, "seedream-4.5", Map.of(), List.of(ref), null, "acct"))));
            }
            for (Future<SubmitResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).jobs()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(creates.get()).isEqualTo(4);
        assertThat(uploads.get()).isEqualTo(1);
        assertThat(memory.find("useapi", "acct", ref.sha256())).contains("file-again");
    }

    @Test
    void concurrentSubmitsWithTheSameFileUploadItOnce() throws Exception {
        InputFile ref = localFile("ref.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 9}, "image/png");
        AtomicInteger uploads = new AtomicInteger();
        CountDownLatch bothSubmitting = new CountDownLatch(2);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getTarget().startsWith("/v1/minimax/files/")) {
                    uploads.incrementAndGet();
                    return new MockResponse.Builder()
                            .headersDelay(300, TimeUnit.MILLISECONDS)
                            .body("{\"fileID\":\"file-9\"}")
                            .build();
                }
                return json(200, "{\"imageIds\":[\"x\"]}");
            }
        });
        UseapiClient client = client(0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SubmitResult>> results = new ArrayList<>();
            for (String id : List.of("a", "b")) {
                results.add(pool.submit(() -> {
                    bothSubmitting.countDown();
                    bothSubmitting.await();
                    return client.submit(image(id, "seedream-4.5", Map.of(), List.of(ref), null, "acct"));
                }));
            }
            for (Future<SubmitResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).jobs()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(uploads.get()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aVideoSendsFirstFrameExtraSubjectsEndFrameOptionsAndAspectRatio() throws Exception {
        InputFile first = localFile("first.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1}, "image/png");
        InputFile extra = localFile("extra.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 2}, "image/png");
        InputFile last = localFile("last.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 3}, "image/png");
        server.enqueue(json(200, "{\"fileID\":\"f1\"}"));
        server.enqueue(json(200, "{\"fileID\":\"f2\"}"));
        server.enqueue(json(200, "{\"fileID\":\"f3\"}"));
        server.enqueue(json(
                200,
                "{\"id\":\"1122\",\"task\":{\"batchID\":\"9988\",\"videoIDs\":[\"1122\"]}," + "\"videoId\":\""
                        + VIDEO_ID + "\",\"replyRef\":\"intro\"}"));

        SubmitResult result = client(0)
                .submit(video(
                        "intro",
                        "Veo-3.1",
                        Map.of("options", "veo-1080p-8sec", "aspectRatio", "9:16", "promptOptimization", false),
                        first,
                        List.of(extra),
                        last));

        assertThat(result.jobs()).containsExactly(new JobRef("useapi", "video", VIDEO_ID));
        server.takeRequest();
        server.takeRequest();
        server.takeRequest();
        RecordedRequest create = server.takeRequest();
        assertThat(create.getTarget()).isEqualTo("/v1/minimax/videos/create");
        JsonNode body = jsonBody(create);
        assertThat(fieldNames(body))
                .containsExactlyInAnyOrder(
                        "prompt",
                        "model",
                        "options",
                        "aspectRatio",
                        "promptOptimization",
                        "fileID",
                        "fileID2",
                        "end_frame_fileID",
                        "account",
                        "replyRef");
        assertThat(body.get("fileID").asText()).isEqualTo("f1");
        assertThat(body.get("fileID2").asText()).isEqualTo("f2");
        assertThat(body.get("end_frame_fileID").asText()).isEqualTo("f3");
        assertThat(body.get("options").asText()).isEqualTo("veo-1080p-8sec");
        assertThat(body.get("promptOptimization").asBoolean(true)).isFalse();
    }

    @Test
    void aTextToVideoSendsNoFileFields() throws Exception {
        server.enqueue(json(200, "{\"videoId\":\"" + VIDEO_ID + "\"}"));

        client(0).submit(video("t2v", "T2V-01", Map.of(), null, List.of(), null));

        assertThat(fieldNames(jsonBody(server.takeRequest())))
                .containsExactlyInAnyOrder("prompt", "model", "account", "replyRef");
    }

    @Test
    void subjectReferencesWithoutAFirstFrameStartAtFileId() throws Exception {
        InputFile a = localFile("a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 4}, "image/png");
        InputFile b = localFile("b.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 5}, "image/png");
        server.enqueue(json(200, "{\"fileID\":\"fa\"}"));
        server.enqueue(json(200, "{\"fileID\":\"fb\"}"));
        server.enqueue(json(200, "{\"videoId\":\"" + VIDEO_ID + "\"}"));

        client(0).submit(video("s2v", "Veo-3.1-S2V", Map.of(), null, List.of(a, b), null));

        server.takeRequest();
        server.takeRequest();
        JsonNode body = jsonBody(server.takeRequest());
        assertThat(body.get("fileID").asText()).isEqualTo("fa");
        assertThat(body.get("fileID2").asText()).isEqualTo("fb");
        assertThat(fieldNames(body)).doesNotContain("fileID3", "end_frame_fileID");
    }

    @ParameterizedTest(name = "HTTP {0} to a create is {1}")
    @CsvSource({
        "412, PROVIDER_STOP",
        "422, REJECTED",
        "596, PROVIDER_STOP",
        "429, RATE_LIMITED",
        "400, REJECTED",
        "401, PROVIDER_STOP",
        "503, MAYBE_SUBMITTED"
    })
    void createErrorsAreClassified(int status, Kind kind) {
        server.enqueue(json(status, "{\"error\":\"Your prompt is too short, please provide more details\"}"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> client(3).submit(video("intro", "T2V-01", Map.of(), null, List.of(), null)));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage())
                .startsWith("submitting video 'intro' to useapi")
                .contains("Your prompt is too short");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDroppedCreateIsMaybeSubmittedAndNotSentAgain() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, "{\"imageIds\":[\"second\"]}"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> client(3).submit(image("hero", "image-01", Map.of(), List.of(), null, null)));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(MavenStyle.text(e.getMessage())).contains("-Dassetgen.only=hero");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCreateAnswerWithoutImageIdsIsMaybeSubmitted() {
        server.enqueue(json(200, "{\"code\":200}"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> client(0).submit(image("hero", "image-01", Map.of(), List.of(), null, null)));

        assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
        assertThat(e.getMessage()).contains("no imageIds");
    }

    @Test
    void theTokenEchoedByA401NeverReachesTheMessage() {
        server.enqueue(json(401, "{\"error\":\"Unauthorized: " + TestSettings.TOKEN + "\",\"code\":401}"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> client(0).submit(image("hero", "image-01", Map.of(), List.of(), null, null)));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_STOP);
        assertThat(e.getMessage()).doesNotContain("fakeTestToken").contains("assetgen-useapi");
    }

    @Test
    void aRunningJobWhoseLabelEchoesTheTokenShowsItRedacted() throws Exception {
        // the label goes into a progress line as it is; it is cut to 40 characters, so the token
        // must be gone before that, or a longer one would leave its first 40 characters behind
        server.enqueue(
                json(200, "{\"status\":1,\"statusFinal\":false,\"statusLabel\":\"" + TestSettings.TOKEN + "\"}"));
        server.enqueue(json(
                200,
                "{\"status\":1,\"statusFinal\":false,\"statusLabel\":\"queued for " + TestSettings.TOKEN
                        + " behind 40 others\"}"));

        JobState exact = client(0).poll(new JobRef("useapi", "video", "user:1-minimax:2-video:3"));
        JobState inside = client(0).poll(new JobRef("useapi", "video", "user:1-minimax:2-video:3"));

        assertThat(exact).isEqualTo(new JobState.Running("****", null));
        assertThat(((JobState.Running) inside).label()).isEqualTo("queued for **** behind 40 others");
    }

    @Test
    void pollingPutsTheIdIntoThePathWithItsColons() throws Exception {
        server.enqueue(json(200, "{\"status\":1,\"statusLabel\":\"processing\",\"statusFinal\":false,\"percent\":40}"));

        JobState state = client(0).poll(new JobRef("useapi", "image", IMAGE_ID));

        assertThat(state).isEqualTo(new JobState.Running("processing", 40));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v1/minimax/images/" + IMAGE_ID);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.TOKEN);
    }

    @Test
    void aCompletedJobPrefersTheUnwatermarkedDownloadUrl() throws Exception {
        server.enqueue(json(
                200,
                "{\"id\":\"1\",\"videoURL\":\"https://cdn.hailuoai.video/wm.png\","
                        + "\"downloadURL\":\"https://cdn.hailuoai.video/clean.png\",\"status\":2,\"statusLabel\":\"completed\","
                        + "\"statusFinal\":true,\"userID\":923847293472394000,\"createTime\":1742173334234}"));

        JobState state = client(0).poll(new JobRef("useapi", "image", IMAGE_ID));

        assertThat(state)
                .isEqualTo(
                        new JobState.Succeeded(List.of(ResultLocation.ofUrl("https://cdn.hailuoai.video/clean.png"))));
    }

    @ParameterizedTest(name = "downloadURL {0} falls back to videoURL, saying it is watermarked")
    @ValueSource(strings = {"\"downloadURL\":\"\",", "", "\"downloadURL\":null,"})
    void aCompletedJobWithoutDownloadUrlUsesTheWatermarkedVideoUrlAndSaysSo(String downloadField) throws Exception {
        server.enqueue(json(
                200,
                "{" + downloadField + "\"videoURL\":\"https://cdn.hailuoai.video/v.mp4\","
                        + "\"status\":2,\"statusFinal\":true}"));

        JobState state = client(0).poll(new JobRef("useapi", "video", VIDEO_ID));

        assertThat(state).isInstanceOfSatisfying(JobState.Succeeded.class, succeeded -> {
            assertThat(succeeded.results()).containsExactly(ResultLocation.ofUrl("https://cdn.hailuoai.video/v.mp4"));
            assertThat(succeeded.note()).contains("watermarked videoURL", "video " + VIDEO_ID, "paid");
        });
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/minimax/videos/" + VIDEO_ID);
    }

    @Test
    void failedStatusIsAFailureWithTheProvidersWords() throws Exception {
        server.enqueue(json(
                200,
                "{\"status\":3,\"statusLabel\":\"failed\",\"statusFinal\":true,"
                        + "\"message\":\"generation failed\"}"));

        JobState state = client(0).poll(new JobRef("useapi", "video", VIDEO_ID));

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, failed -> {
            assertThat(failed.moderated()).isFalse();
            assertThat(failed.message()).contains("status 3").contains("failed").contains("generation failed");
        });
    }

    @ParameterizedTest(name = "status {0} is moderated")
    @ValueSource(ints = {5, 7, 14})
    void moderationStatusesAreModeratedFailures(int status) throws Exception {
        server.enqueue(json(200, "{\"status\":" + status + ",\"statusLabel\":\"moderated\",\"statusFinal\":true}"));

        JobState state = client(0).poll(new JobRef("useapi", "image", IMAGE_ID));

        assertThat(state)
                .isInstanceOfSatisfying(
                        JobState.Failed.class,
                        failed -> assertThat(failed.moderated()).isTrue());
    }

    @Test
    void aFinalUnknownStatusIsAFailureNamingItsLabel() throws Exception {
        server.enqueue(json(200, "{\"status\":42,\"statusLabel\":\"vanished\",\"statusFinal\":true}"));

        JobState state = client(0).poll(new JobRef("useapi", "image", IMAGE_ID));

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, failed -> {
            assertThat(failed.moderated()).isFalse();
            assertThat(failed.message()).contains("vanished").contains("42");
        });
    }

    @Test
    void aNonFinalUnknownStatusIsStillRunning() throws Exception {
        server.enqueue(json(200, "{\"status\":11,\"statusLabel\":\"queued\",\"statusFinal\":false}"));
        server.enqueue(json(200, "{\"status\":99,\"statusFinal\":false}"));

        assertThat(client(0).poll(new JobRef("useapi", "image", IMAGE_ID)))
                .isEqualTo(new JobState.Running("queued", null));
        assertThat(client(0).poll(new JobRef("useapi", "image", IMAGE_ID))).isInstanceOf(JobState.Running.class);
    }

    @Test
    void statusFinalDecidesOverACompletedStatus() throws Exception {
        server.enqueue(json(
                200,
                "{\"status\":2,\"statusLabel\":\"finishing\",\"statusFinal\":false,"
                        + "\"videoURL\":\"https://cdn/x.png\"}"));

        assertThat(client(0).poll(new JobRef("useapi", "image", IMAGE_ID)))
                .isEqualTo(new JobState.Running("finishing", null));
    }

    @Test
    void aVideoThatDisappearsWhilePolledWasModerated() throws Exception {
        server.enqueue(json(404, "{\"error\":\"Not found.\",\"code\":404}"));

        JobState state = client(3).poll(new JobRef("useapi", "video", VIDEO_ID));

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, failed -> {
            assertThat(failed.moderated()).isTrue();
            assertThat(failed.message()).contains("moderated and removed");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anImageThatIsNotFoundWhilePolledHasFailedSoTheBatchsOtherImagesAreStillCollected() throws Exception {
        server.enqueue(json(404, "{\"error\":\"Not found.\",\"code\":404}"));

        JobState state = client(3).poll(new JobRef("useapi", "image", IMAGE_ID));

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, failed -> {
            assertThat(failed.moderated()).isFalse();
            assertThat(failed.message()).contains("no longer finds image", "404 Not found");
        });
        assertThat(server.getRequestCount())
                .as("a 404 is final: not asked again")
                .isEqualTo(1);
    }

    @Test
    void aPollIsRetriedOn503ThenSucceeds() throws Exception {
        server.enqueue(json(503, "{\"error\":\"busy\"}"));
        server.enqueue(json(200, "{\"status\":1,\"statusFinal\":false}"));

        assertThat(client(2).poll(new JobRef("useapi", "video", VIDEO_ID))).isInstanceOf(JobState.Running.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void aMalformedPollAnswerIsRetryableAfterTheRetries() {
        server.enqueue(json(200, "{\"status\":"));
        server.enqueue(json(200, "not json"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> client(1).poll(new JobRef("useapi", "video", VIDEO_ID)));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aJobKindUseapiDoesNotKnowIsRejectedWithoutARequest() {
        ProviderException e =
                catchThrowableOfType(ProviderException.class, () -> client(0).poll(new JobRef("useapi", "task", "1")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void downloadStreamsTheResultWithoutSendingTheTokenToTheCdn(@TempDir Path out) throws Exception {
        try (MockWebServer cdn = new MockWebServer()) {
            cdn.start();
            byte[] mp4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 1, 2, 3};
            cdn.enqueue(new MockResponse.Builder().body(new Buffer().write(mp4)).build());

            DownloadedFile file =
                    client(0).download(ResultLocation.ofUrl(cdn.url("/v.mp4").toString()), out.resolve("intro.mp4"));

            assertThat(file.format()).isEqualTo(MediaFormat.MP4);
            assertThat(file.size()).isEqualTo(mp4.length);
            assertThat(cdn.takeRequest().getHeaders().get("Authorization")).isNull();
        }
    }

    @Test
    void aUrlInputIsRejectedBecauseUseapiNeedsUploads() {
        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> client(0)
                        .submit(image(
                                "hero",
                                "seedream-4.5",
                                Map.of(),
                                List.of(InputFile.ofUrl("https://x/y.png")),
                                null,
                                null)));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(server.getRequestCount()).isZero();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "../../v1/accounts",
                "user:1-minimax:2-image:a/../b",
                "user:x-minimax:2-image:1",
                "user:1-minimax:2-audio:1",
                "user:1-minimax:2-image:1?x=1"
            })
    void aJobIdOutsideUseapisGrammarNeverReachesAUrl(String id) {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                ProviderException.class, () -> client(0).poll(new JobRef("useapi", "image", id)));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("is not a useapi image id");
        assertThat(server.getRequestCount()).isZero();
    }
}
