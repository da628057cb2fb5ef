package io.github.assetgen.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.files.TestImages;
import io.github.assetgen.core.provider.DownloadLimits;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.request.AssetType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a download lets land: media of the asset's type, within the caps, from an allowed address. */
class DownloadGuardsTest {

    @StartStop
    MockWebServer cdn = new MockWebServer();

    @TempDir
    Path dir;

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Downloader downloader() {
        return new Downloader(TestSettings.caller(TestSettings.forServer("useapi", cdn, 0), sleeper));
    }

    private ProviderException failure(ThrowingCall call) {
        return catchThrowableOfType(ProviderException.class, call::run);
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    static byte[] realPng() throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", bytes);
        return bytes.toByteArray();
    }

    private String url(String path) {
        return cdn.url(path).toString();
    }

    private long filesLeft() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void anHtmlPageInsteadOfTheImageFailsSayingWhatArrivedAndLeavesNoFile() throws Exception {
        cdn.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html><html><body>Access denied</body></html>")
                .build());

        ProviderException e = failure(() -> downloader()
                .download(
                        ResultLocation.ofUrl(url("/hero.png?sig=SECRET")), dir.resolve("1.download"), AssetType.IMAGE));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage())
                .contains(
                        "expected an image but got text/html, 54 bytes, starting '<!doctype html><html><body>Access denied'")
                .doesNotContain("SECRET");
        assertThat(filesLeft()).isZero();
    }

    @Test
    void aPngCutOffAtItsSourceIsRefusedAndLeavesNoFile() throws Exception {
        // the object itself is short: the Content-Length matches, so only the file's own end can tell
        byte[] whole = realPng();
        for (byte[] cut : List.of(Arrays.copyOf(whole, 33), Arrays.copyOf(whole, 8))) {
            cdn.enqueue(new MockResponse.Builder()
                    .setHeader("Content-Type", "image/png")
                    .body(new Buffer().write(cut))
                    .build());

            ProviderException e = failure(() -> downloader()
                    .download(ResultLocation.ofUrl(url("/hero.png")), dir.resolve("1.download"), AssetType.IMAGE));

            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).contains("the PNG image is refused: it has no IEND chunk: the file is cut off");
            assertThat(filesLeft()).isZero();
        }
    }

    @Test
    void twelveBytesThatStartLikeAnMp4AreNotAVideo() throws Exception {
        cdn.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(new byte[] {0, 0, 0, 12, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}))
                .build());

        ProviderException e = failure(
                () -> downloader().download(ResultLocation.ofUrl(url("/v.mp4")), dir.resolve("v"), AssetType.VIDEO));

        assertThat(e.getMessage()).contains("the MP4 video is refused: it has no 'moov' box");
        assertThat(filesLeft()).isZero();
    }

    @Test
    void aPngWhereAVideoWasAskedForIsRefused() {
        cdn.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(DownloaderTest.png(1000)))
                .build());

        ProviderException e = failure(
                () -> downloader().download(ResultLocation.ofUrl(url("/v.mp4")), dir.resolve("v"), AssetType.VIDEO));

        assertThat(e.getMessage()).contains("expected an MP4 video but got");
    }

    @Test
    void aTinyJpegClaimingTwentyThousandPixelsSquareIsRefusedBeforeAnyDecoder() throws Exception {
        cdn.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(TestImages.JPEG_BOMB))
                .build());

        ProviderException e = failure(
                () -> downloader().download(ResultLocation.ofUrl(url("/bomb.jpg")), dir.resolve("b"), AssetType.IMAGE));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("20000x20000");
        assertThat(filesLeft()).isZero();
    }

    @Test
    void aDownloadStopsAtTheTypesCap() throws Exception {
        var settings = TestSettings.forServer("useapi", cdn, 0).withDownloadLimits(new DownloadLimits(10_000, 20_000));
        cdn.enqueue(new MockResponse.Builder()
                .chunkedBody(new Buffer().write(DownloaderTest.png(50_000)), 4096)
                .build());

        ProviderException e = failure(() -> new Downloader(TestSettings.caller(settings, sleeper))
                .download(ResultLocation.ofUrl(url("/big.png")), dir.resolve("big"), AssetType.IMAGE));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("larger than the 10000 bytes allowed");
        assertThat(filesLeft()).isZero();
    }

    @Test
    void anAnnouncedLengthOverTheCapIsRefusedBeforeReading() {
        var settings = TestSettings.forServer("useapi", cdn, 0).withDownloadLimits(new DownloadLimits(10_000, 20_000));
        cdn.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(DownloaderTest.png(50_000)))
                .build());

        ProviderException e = failure(() -> new Downloader(TestSettings.caller(settings, sleeper))
                .download(ResultLocation.ofUrl(url("/big.png")), dir.resolve("big"), AssetType.IMAGE));

        assertThat(e.getMessage()).contains("announced 50000 bytes");
    }

    @Test
    void inlineBase64IsCheckedLikeADownload() {
        String html = java.util.Base64.getEncoder().encodeToString("<html>nope</html>".getBytes());

        ProviderException e =
                failure(() -> downloader().download(ResultLocation.ofBase64(html), dir.resolve("x"), AssetType.IMAGE));

        assertThat(e.getMessage()).contains("expected an image but got");
    }

    @Test
    void aRedirectIntoAPrivateNetworkIsRefusedWithoutFollowingIt() {
        cdn.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "http://169.254.169.254/latest/meta-data/")
                .build());

        ProviderException e = failure(
                () -> downloader().download(ResultLocation.ofUrl(url("/hero.png")), dir.resolve("h"), AssetType.IMAGE));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("private network");
        assertThat(cdn.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAllowedRedirectIsFollowedWithoutTheToken() throws Exception {
        cdn.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "/real.png")
                .build());
        cdn.enqueue(
                new MockResponse.Builder().body(new Buffer().write(realPng())).build());

        DownloadedFile file =
                downloader().download(ResultLocation.ofUrl(url("/hero.png")), dir.resolve("h"), AssetType.IMAGE);

        assertThat(file.format()).isEqualTo(MediaFormat.PNG);
        cdn.takeRequest();
        assertThat(cdn.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void endlessRedirectsEnd() {
        for (int i = 0; i < 10; i++) {
            cdn.enqueue(new MockResponse.Builder()
                    .code(302)
                    .setHeader("Location", "/again")
                    .build());
        }

        ProviderException e = failure(
                () -> downloader().download(ResultLocation.ofUrl(url("/a")), dir.resolve("h"), AssetType.IMAGE));

        assertThat(e.getMessage()).contains("more than 5 redirects");
    }

    @Test
    void targetsMustBeHttpsAndOutsidePrivateNetworksUnlessTheProviderIsLocal() {
        HttpUrl remote = HttpUrl.get("https://api.useapi.net/");
        HttpUrl local = HttpUrl.get("http://127.0.0.1:8080/");

        assertThat(UrlGuard.refusal(HttpUrl.get("https://cdn.example.com/a.png"), remote))
                .isNull();
        assertThat(UrlGuard.refusal(HttpUrl.get("http://cdn.example.com/a.png"), remote))
                .contains("not https");
        assertThat(UrlGuard.refusal(HttpUrl.get("https://10.1.2.3/a.png"), remote))
                .contains("private network");
        assertThat(UrlGuard.refusal(HttpUrl.get("https://192.168.0.1/a.png"), remote))
                .contains("private network");
        assertThat(UrlGuard.refusal(HttpUrl.get("https://[fd00::1]/a.png"), remote))
                .contains("private network");
        assertThat(UrlGuard.refusal(HttpUrl.get("https://127.0.0.1/a.png"), remote))
                .contains("private network");
        assertThat(UrlGuard.refusal(HttpUrl.get("http://127.0.0.1:9/a.png"), local))
                .isNull();
        assertThat(UrlGuard.refusal(HttpUrl.get("http://169.254.169.254/a.png"), local))
                .contains("private network");
        assertThat(UrlGuard.insecureBase(URI.create("http://localhost:1/"))).isNull();
        assertThat(UrlGuard.insecureBase(URI.create("http://api.minimax.io/"))).contains("plain http");
    }

    @Test
    void aSignedUrlIsShownWithoutItsQuery() {
        assertThat(Downloader.withoutQuery("https://cdn.example.com/a/b.png?X-Amz-Signature=abc&Expires=1"))
                .isEqualTo("https://cdn.example.com/a/b.png?…");
    }
}
