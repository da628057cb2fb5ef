package io.github.assetgen.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.ResultLocation;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads a 1 GiB body generated on the fly. Runs in its own surefire execution with
 * {@code -Xmx64m}, so it fails if any layer buffers the body in memory.
 */
@Tag("heavy")
class DownloaderHeavyTest {

    private static final long SIZE = 1L << 30;
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;

    /** PNG signature then zeros, chunk by chunk; the same sequence for the server and the expected hash. */
    private static byte[] chunk(long offset) {
        byte[] chunk = new byte[(int) Math.min(CHUNK, SIZE - offset)];
        if (offset == 0) {
            System.arraycopy(DownloaderTest.PNG_HEAD, 0, chunk, 0, DownloaderTest.PNG_HEAD.length);
        }
        return chunk;
    }

    @Test
    void aOneGibibyteBodyDownloadsInA64MegabyteHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx64m").isLessThan(128L << 20);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/big.png", exchange -> {
            exchange.sendResponseHeaders(200, SIZE);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long offset = 0; offset < SIZE; offset += CHUNK) {
                    out.write(chunk(offset));
                }
            }
        });
        http.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
            Downloader downloader =
                    new Downloader(TestSettings.caller(TestSettings.forUri("useapi", base, 0), new RecordingSleeper()));
            Path target = dir.resolve("big.png");

            DownloadedFile file = downloader.download(
                    ResultLocation.ofUrl(base.resolve("/big.png").toString()), target);

            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            for (long offset = 0; offset < SIZE; offset += CHUNK) {
                expected.update(chunk(offset));
            }
            assertThat(file.size()).isEqualTo(SIZE);
            assertThat(Files.size(target)).isEqualTo(SIZE);
            assertThat(file.format()).isEqualTo(MediaFormat.PNG);
            assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        } finally {
            http.stop(0);
        }
    }
}
