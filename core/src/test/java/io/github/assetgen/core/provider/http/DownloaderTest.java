package io.github.assetgen.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownloaderTest {

    static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @StartStop
    MockWebServer server = new MockWebServer();

    @StartStop
    MockWebServer cdn = new MockWebServer();

    @TempDir
    Path dir;

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Downloader downloader(int maxRetries) {
        return new Downloader(TestSettings.caller(TestSettings.forServer("useapi", server, maxRetries), sleeper));
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(PNG_HEAD, 0, bytes, 0, PNG_HEAD.length);
        for (int i = PNG_HEAD.length; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static MockResponse body(byte[] bytes) {
        return new MockResponse.Builder().body(new Buffer().write(bytes)).build();
    }

    private String[] leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aUrlIsStreamedIntoTheTargetWithItsHashSizeAndFormat() throws Exception {
        byte[] bytes = png(100_000);
        cdn.enqueue(body(bytes));
        Path target = dir.resolve("hero.png");

        DownloadedFile file = downloader(0)
                .download(ResultLocation.ofUrl(cdn.url("/out/hero.png").toString()), target);

        assertThat(file.path()).isEqualTo(target);
        assertThat(file.size()).isEqualTo(100_000);
        assertThat(file.sha256()).isEqualTo(sha256(bytes));
        assertThat(file.format()).isEqualTo(MediaFormat.PNG);
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(leftovers()).containsExactly("hero.png");
    }

    @Test
    void aResultDownloadNeverCarriesTheTokenEvenFromTheProvidersOwnHost() throws Exception {
        cdn.enqueue(body(png(20)));
        server.enqueue(body(png(20)));

        downloader(0).download(ResultLocation.ofUrl(cdn.url("/a.png").toString()), dir.resolve("a.png"));
        downloader(0).download(ResultLocation.ofUrl(server.url("/b.png").toString()), dir.resolve("b.png"));

        assertThat(cdn.takeRequest().getHeaders().get("Authorization")).isNull();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aBodyShorterThanItsContentLengthFailsAndLeavesNoFile() throws Exception {
        cdn.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(png(100)))
                .setHeader("Content-Length", "5000")
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                .build());

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> downloader(0)
                        .download(ResultLocation.ofUrl(cdn.url("/v.mp4").toString()), dir.resolve("v.mp4")));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.getMessage()).startsWith("downloading v.mp4 from");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aConnectionDroppedMidBodyIsRetriedAndTheSecondAttemptWins() throws Exception {
        byte[] bytes = png(200_000);
        cdn.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(bytes))
                .throttleBody(50_000, 1, TimeUnit.MILLISECONDS)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        cdn.enqueue(body(bytes));
        Path target = dir.resolve("hero.png");

        DownloadedFile file =
                downloader(2).download(ResultLocation.ofUrl(cdn.url("/hero.png").toString()), target);

        assertThat(file.sha256()).isEqualTo(sha256(bytes));
        assertThat(cdn.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.delays()).hasSize(1);
        assertThat(leftovers()).containsExactly("hero.png");
    }

    @Test
    void aConnectionDroppedMidBodyWithoutRetriesLeavesNoFile() throws Exception {
        cdn.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(png(200_000)))
                .throttleBody(50_000, 1, TimeUnit.MILLISECONDS)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> downloader(0)
                        .download(ResultLocation.ofUrl(cdn.url("/x.png").toString()), dir.resolve("x.png")));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aSlowBodyStillCompletes() throws Exception {
        byte[] bytes = png(16 * 1024);
        cdn.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(bytes))
                .throttleBody(1024, 20, TimeUnit.MILLISECONDS)
                .build());

        DownloadedFile file =
                downloader(0).download(ResultLocation.ofUrl(cdn.url("/s.png").toString()), dir.resolve("s.png"));

        assertThat(file.size()).isEqualTo(bytes.length);
        assertThat(file.sha256()).isEqualTo(sha256(bytes));
    }

    @Test
    void anExpiredResultUrlIsRejectedWithoutRetry() throws Exception {
        cdn.enqueue(new MockResponse.Builder()
                .code(403)
                .body("<Error>AccessDenied</Error>")
                .build());

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> downloader(3)
                        .download(
                                ResultLocation.ofUrl(cdn.url("/old.png?sig=abc").toString()), dir.resolve("old.png")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("AccessDenied").doesNotContain("sig=abc");
        assertThat(cdn.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "a file host's {0} rejects the download without token or credit advice")
    @ValueSource(ints = {401, 402, 412, 596})
    void aFileHostsRefusalIsNotReportedAsTheTokenOrTheCredits(int status) throws Exception {
        cdn.enqueue(new MockResponse.Builder().code(status).body("denied").build());

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> downloader(3)
                        .download(ResultLocation.ofUrl(cdn.url("/a.png").toString()), dir.resolve("a.png")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage())
                .contains("denied", "file host refused the link")
                .doesNotContain("check the token", "out of credits", "on hold");
        assertThat(cdn.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anExistingTargetIsReplacedOnlyByACompleteFile() throws Exception {
        Path target = dir.resolve("hero.png");
        Files.write(target, new byte[] {1, 2, 3});
        byte[] bytes = png(1000);
        cdn.enqueue(body(bytes));

        downloader(0).download(ResultLocation.ofUrl(cdn.url("/hero.png").toString()), target);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    }

    @Test
    void inlineBase64AndDataUrlsAreDecodedWhileStreaming() throws Exception {
        byte[] jpeg = new byte[5000];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        Arrays.fill(jpeg, 3, jpeg.length, (byte) 7);
        String base64 = Base64.getEncoder().encodeToString(jpeg);

        DownloadedFile plain = downloader(0).download(ResultLocation.ofBase64(base64), dir.resolve("a.jpg"));
        DownloadedFile dataUrl = downloader(0)
                .download(ResultLocation.ofBase64("data:image/jpeg;base64," + base64), dir.resolve("sub/b.jpg"));

        assertThat(plain.format()).isEqualTo(MediaFormat.JPEG);
        assertThat(plain.sha256()).isEqualTo(sha256(jpeg));
        assertThat(dataUrl.sha256()).isEqualTo(sha256(jpeg));
        assertThat(Files.readAllBytes(dir.resolve("sub/b.jpg"))).isEqualTo(jpeg);
    }

    @Test
    void invalidBase64IsRejectedAndLeavesNoFile() throws Exception {
        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> downloader(0).download(ResultLocation.ofBase64("!!!not base64!!!"), dir.resolve("x.png")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aLocalFileIsCopied() throws Exception {
        Path source = Files.createDirectories(dir.resolve("render")).resolve("p.png");
        byte[] bytes = png(3000);
        Files.write(source, bytes);

        DownloadedFile file = downloader(0).download(ResultLocation.ofLocalFile(source), dir.resolve("out/p.png"));

        assertThat(file.sha256()).isEqualTo(sha256(bytes));
        assertThat(Files.readAllBytes(dir.resolve("out/p.png"))).isEqualTo(bytes);
    }

    @Test
    void theFormatIsReadFromMagicBytesNotFromTheName() throws Exception {
        byte[] mp4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0};
        byte[] webp = {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'E', 'B', 'P', 0};
        byte[] other = "hello world, plain".getBytes();
        cdn.enqueue(body(mp4));
        cdn.enqueue(body(webp));
        cdn.enqueue(body(other));

        Downloader downloader = downloader(0);
        String url = cdn.url("/r").toString();

        assertThat(downloader
                        .download(ResultLocation.ofUrl(url), dir.resolve("1.png"))
                        .format())
                .isEqualTo(MediaFormat.MP4);
        assertThat(downloader
                        .download(ResultLocation.ofUrl(url), dir.resolve("2.png"))
                        .format())
                .isEqualTo(MediaFormat.WEBP);
        assertThat(downloader
                        .download(ResultLocation.ofUrl(url), dir.resolve("3.png"))
                        .format())
                .isEqualTo(MediaFormat.UNKNOWN);
    }

    @Test
    void aUrlThatIsNotHttpIsRejected() throws Exception {
        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> downloader(0).download(ResultLocation.ofUrl("ftp://example.org/a.png"), dir.resolve("a.png")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("not an http(s) URL");
        assertThat(leftovers()).isEmpty();
    }
}
