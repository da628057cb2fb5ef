package io.github.assetgen.bench;

import com.sun.net.httpserver.HttpServer;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.Secret;
import io.github.assetgen.core.provider.http.Downloader;
import io.github.assetgen.core.provider.http.HttpCaller;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.ResponseClassifier;
import io.github.assetgen.core.provider.http.Sleeper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Issue #14: a 1 GiB result downloaded through the provider downloader in a small heap (run with
 * {@code -Xmx96m}), against a plain copy of the same body from the same loopback server into a
 * file with its SHA-256: prints the ratio of their times and the most heap ever in use. The
 * downloader forces the file to disk before it is trusted (a paid result must survive a crash), so
 * a second ratio is against the plain copy with the same {@code force}: the first shows what
 * durability costs, the second what the downloader itself adds.
 *
 * <p>Arguments: size in MiB (1024), runs (3).
 */
public final class DownloadRun {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private DownloadRun() {}

    public static void main(String[] args) throws Exception {
        long size = (long) ColdRun.arg(args, 0, 1024) << 20;
        int runs = ColdRun.arg(args, 1, 3);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/big.png", exchange -> {
            exchange.sendResponseHeaders(200, size);
            byte[] chunk = new byte[CHUNK];
            System.arraycopy(PNG_HEAD, 0, chunk, 0, PNG_HEAD.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long offset = 0; offset < size; offset += CHUNK) {
                    out.write(chunk, 0, (int) Math.min(CHUNK, size - offset));
                    if (offset == 0) {
                        java.util.Arrays.fill(chunk, 0, PNG_HEAD.length, (byte) 0);
                    }
                }
            }
        });
        http.start();
        Path dir = Files.createTempDirectory("assetgen-download");
        try {
            URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
            ProviderSettings settings = new ProviderSettings(
                    "useapi",
                    base,
                    Secret.of("test-token-not-real"),
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(1),
                    0,
                    1);
            Downloader downloader = new Downloader(
                    new HttpCaller(settings, new HttpClientFactory(), Sleeper.SYSTEM, ResponseClassifier.ACCEPT_ALL));
            String url = base.resolve("/big.png").toString();
            double[] ratios = new double[runs];
            double[] syncedRatios = new double[runs];
            for (int r = 0; r < runs; r++) {
                Path target = dir.resolve("big.png");
                // every other run the downloader goes first, so neither side always has the warmer cache
                Timed download = r % 2 == 1 ? download(downloader, url, target) : null;
                Path plainTarget = dir.resolve("plain.png");
                long start = System.nanoTime();
                String plainSha = plainCopy(url, plainTarget, false);
                long plain = System.nanoTime() - start;
                Files.delete(plainTarget);
                start = System.nanoTime();
                plainCopy(url, plainTarget, true);
                long synced = System.nanoTime() - start;
                Files.delete(plainTarget);
                if (download == null) {
                    download = download(downloader, url, target);
                }
                DownloadedFile file = download.file();
                long timed = download.nanos();
                if (file.size() != size || !file.sha256().equals(plainSha)) {
                    throw new IllegalStateException("the download differs from the body sent");
                }
                ratios[r] = (double) timed / plain;
                syncedRatios[r] = (double) timed / synced;
                System.out.printf(
                        "download %d MiB in a %d MiB heap: %.2f s; plain copy %.2f s, ratio %.2f;"
                                + " plain copy forced to disk %.2f s, ratio %.2f%n",
                        size >> 20,
                        Runtime.getRuntime().maxMemory() >> 20,
                        timed / 1e9,
                        plain / 1e9,
                        ratios[r],
                        synced / 1e9,
                        syncedRatios[r]);
            }
            java.util.Arrays.sort(ratios);
            java.util.Arrays.sort(syncedRatios);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(
                    "download %d MiB: median ratio %.2f to a plain copy, %.2f to a plain copy forced to disk, of %d runs;"
                            + " heap: at most %d MiB in use of %d MiB%n",
                    size >> 20,
                    ratios[runs / 2],
                    syncedRatios[runs / 2],
                    runs,
                    peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            http.stop(0);
            Files.deleteIfExists(dir.resolve("big.png"));
            Files.deleteIfExists(dir.resolve("plain.png"));
            Files.deleteIfExists(dir);
        }
    }

    private record Timed(DownloadedFile file, long nanos) {}

    /** One download through the downloader, timed; the file is deleted after. */
    private static Timed download(Downloader downloader, String url, Path target) throws Exception {
        long start = System.nanoTime();
        DownloadedFile file = downloader.download(ResultLocation.ofUrl(url), target);
        long nanos = System.nanoTime() - start;
        Files.delete(target);
        return new Timed(file, nanos);
    }

    /**
     * The body straight into a file with its SHA-256: what no downloader can beat by much; with
     * {@code force}, also forced to disk at the end as the downloader does.
     */
    private static String plainCopy(String url, Path target, boolean force) throws Exception {
        MessageDigest digest = Hashing.sha256();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = new URL(url).openStream();
                FileChannel out = FileChannel.open(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            if (force) {
                out.force(true);
            }
        }
        return Hashing.hex(digest);
    }
}
