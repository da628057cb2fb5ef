package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.Secret;
import io.github.assetgen.core.store.shared.HttpSharedCache;
import io.github.assetgen.core.store.shared.Manifest;
import io.github.assetgen.core.store.shared.SharedCacheConfig;
import io.github.assetgen.core.store.shared.SharedCacheException;
import io.github.assetgen.core.store.shared.SharedCacheVerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared cache against a real nginx WebDAV server, as a team would run it: a saving CI build
 * with credentials, readers without, and a server whose disk someone changed.
 */
class SharedCacheNginxIT {

    private static final String WRITER = "ci-bot";
    private static final String PASSWORD = "correct-horse-battery";

    @TempDir
    static Path serverDir;

    @TempDir
    Path dir;

    private static NginxServer nginx;

    @BeforeAll
    static void startNginx() {
        nginx = NginxServer.start(serverDir, Map.of(WRITER, PASSWORD));
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static SharedCacheConfig config() {
        return SharedCacheConfig.of(nginx.baseUrl())
                .withTimeouts(
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    private static HttpSharedCache writer() {
        return new HttpSharedCache(config().withSave(true)
                .withCredentials(new SharedCacheConfig.Credentials(WRITER, Secret.of(PASSWORD))));
    }

    private static HttpSharedCache reader() {
        return new HttpSharedCache(config());
    }

    /** An entry of two distinct files and one repeated, saved from local copies; returns it with the bytes by name. */
    private Map<String, byte[]> saveEntry(String key, int videoSize) throws Exception {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("1.png", TestMedia.png(64, 48, ThreadLocalRandom.current().nextInt(1_000_000)));
        contents.put("2.mp4", randomBytes(videoSize));
        contents.put("3.png", contents.get("1.png"));
        List<Manifest.FileRef> refs = new ArrayList<>();
        Map<String, Path> local = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            String sha = sha256(file.getValue());
            Path path = Files.write(dir.resolve("local-" + file.getKey()), file.getValue());
            local.put(sha, path);
            refs.add(new Manifest.FileRef(
                    file.getKey(), sha, file.getValue().length, MediaFormat.fromExtension(file.getKey())));
        }
        Manifest manifest = new Manifest(
                key,
                "useapi",
                "minimax-image-01",
                "image",
                refs,
                "0.25 USD",
                List.of("job-1"),
                Instant.parse("2026-11-25T12:00:00Z"));
        writer().save(key, manifest, local);
        return contents;
    }

    @Test
    void aSavedEntryIsFoundAndFetchedByAnAnonymousReader() throws Exception {
        String key = randomKey();
        Map<String, byte[]> contents = saveEntry(key, 3_000_000);
        HttpSharedCache reader = reader();

        Manifest manifest = reader.find(key).orElseThrow();
        for (Manifest.FileRef file : manifest.files()) {
            reader.fetch(key, file, dir.resolve("out").resolve(file.name()));
        }

        assertThat(reader.has(key)).isTrue();
        assertThat(manifest.files()).extracting(Manifest.FileRef::name).containsExactly("1.png", "2.mp4", "3.png");
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve("out").resolve(file.getKey())))
                    .isEqualTo(file.getValue());
        }
        assertThat(names(dir.resolve("out"))).containsExactly("1.png", "2.mp4", "3.png");
        String sha = sha256(contents.get("2.mp4"));
        assertThat(nginx.fileOnDisk("blobs/" + sha.substring(0, 2) + "/" + sha)).exists();
        assertThat(nginx.fileOnDisk("keys/" + key.substring(0, 2) + "/" + key + ".json"))
                .exists();
    }

    @Test
    void theManifestIsWrittenLastAndIdenticalFilesOnce() throws Exception {
        String key = randomKey();

        Map<String, byte[]> contents = saveEntry(key, 1000);

        String manifestPath = "/cache/keys/" + key.substring(0, 2) + "/" + key + ".json";
        List<String> puts = ofEntry(nginx.awaitRequest("PUT " + manifestPath), key, contents).stream()
                .filter(line -> line.startsWith("PUT "))
                .toList();
        assertThat(puts)
                .containsExactly(
                        "PUT " + blobPath(contents.get("1.png")) + " 201",
                        "PUT " + blobPath(contents.get("2.mp4")) + " 201",
                        "PUT " + manifestPath + " 201");
    }

    @Test
    void aSecondSaveUploadsOnlyTheManifestBecauseTheServerHasTheFiles() throws Exception {
        String key = randomKey();
        Map<String, byte[]> contents = saveEntry(key, 1000);
        HttpSharedCache writer = writer();
        Manifest manifest = writer.find(key).orElseThrow();

        writer.save(key, manifest, Map.of());

        String manifestPath = "/cache/keys/" + key.substring(0, 2) + "/" + key + ".json";
        // 201 when created, 204 when replaced
        List<String> requests = ofEntry(nginx.awaitRequest("PUT " + manifestPath + " 204"), key, contents);
        assertThat(requests)
                .filteredOn(line -> line.startsWith("PUT /cache/blobs/"))
                .hasSize(2);
        assertThat(requests)
                .filteredOn(line -> line.startsWith("PUT " + manifestPath))
                .hasSize(2);
    }

    /** The logged requests touching one entry's manifest or files. */
    private static List<String> ofEntry(List<String> requests, String key, Map<String, byte[]> contents)
            throws Exception {
        List<String> paths = new ArrayList<>(List.of(key));
        for (byte[] bytes : contents.values()) {
            paths.add(blobPath(bytes));
        }
        return requests.stream()
                .filter(line -> paths.stream().anyMatch(line::contains))
                .toList();
    }

    private static String blobPath(byte[] bytes) throws Exception {
        String sha = sha256(bytes);
        return "/cache/blobs/" + sha.substring(0, 2) + "/" + sha;
    }

    @Test
    void anonymousAndWrongPasswordWritesAreRefusedWhileReadsWork() throws Exception {
        String key = randomKey();
        saveEntry(key, 1000);
        Manifest manifest = reader().find(key).orElseThrow();
        String other = randomKey();
        Manifest copy = new Manifest(
                other,
                manifest.provider(),
                manifest.model(),
                manifest.type(),
                manifest.files(),
                manifest.credits(),
                manifest.jobIds(),
                manifest.createdAt());
        HttpSharedCache wrongPassword = new HttpSharedCache(
                config().withCredentials(new SharedCacheConfig.Credentials(WRITER, Secret.of("wrong-" + PASSWORD))));

        SharedCacheException anonymous =
                catchThrowableOfType(SharedCacheException.class, () -> reader().save(other, copy, Map.of()));
        SharedCacheException wrong =
                catchThrowableOfType(SharedCacheException.class, () -> wrongPassword.save(other, copy, Map.of()));

        for (SharedCacheException e : List.of(anonymous, wrong)) {
            assertThat(e.reason()).isEqualTo(SharedCacheException.Reason.UNAUTHORIZED);
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage())
                    .startsWith("shared cache: PUT " + nginx.baseUrl() + "keys/")
                    .doesNotContain(PASSWORD);
        }
        assertThat(reader().find(other)).isEmpty();
        assertThat(wrongPassword.find(key)).contains(manifest);
    }

    @Test
    void aFileChangedOnTheServersDiskIsRejectedAndNeverPlaced() throws Exception {
        String key = randomKey();
        Map<String, byte[]> contents = saveEntry(key, 200_000);
        String sha = sha256(contents.get("2.mp4"));
        Path onDisk = nginx.fileOnDisk("blobs/" + sha.substring(0, 2) + "/" + sha);
        byte[] tampered = Files.readAllBytes(onDisk);
        tampered[100_000] ^= 0x55;
        Files.write(onDisk, tampered);
        HttpSharedCache reader = reader();
        Manifest manifest = reader.find(key).orElseThrow();
        Path out = Files.createDirectories(dir.resolve("out"));

        SharedCacheVerificationException e = catchThrowableOfType(
                SharedCacheVerificationException.class,
                () -> reader.fetch(key, manifest.files().get(1), out.resolve("2.mp4")));

        assertThat(e.key()).isEqualTo(key);
        assertThat(e.fileName()).isEqualTo("2.mp4");
        assertThat(e.getMessage()).contains(sha256(tampered));
        assertThat(names(out)).isEmpty();
    }

    @Test
    void blobsWithoutTheirManifestAreNoHit() throws Exception {
        String key = randomKey();
        byte[] bytes = randomBytes(500);
        String sha = sha256(bytes);
        Path blob = nginx.fileOnDisk("blobs/" + sha.substring(0, 2) + "/" + sha);
        Files.createDirectories(blob.getParent());
        Files.write(blob, bytes);

        assertThat(reader().has(key)).isFalse();
        assertThat(reader().find(key)).isEmpty();
    }

    @Test
    void twoReadersFetchingTheSameEntryAtOnceBothGetIt() throws Exception {
        String key = randomKey();
        Map<String, byte[]> contents = saveEntry(key, 8_000_000);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Path>> agents = new ArrayList<>();
        try {
            for (String agent : List.of("agent-a", "agent-b")) {
                agents.add(pool.submit(() -> {
                    HttpSharedCache cache = reader();
                    Path out = dir.resolve(agent);
                    start.await();
                    Manifest manifest = cache.find(key).orElseThrow();
                    for (Manifest.FileRef file : manifest.files()) {
                        cache.fetch(key, file, out.resolve(file.name()));
                    }
                    return out;
                }));
            }
            for (Future<Path> agent : agents) {
                Path out = agent.get();
                for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                    assertThat(Files.readAllBytes(out.resolve(file.getKey()))).isEqualTo(file.getValue());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aServerThatIsDownIsAnErrorNotAMiss() throws Exception {
        NginxServer stopped = NginxServer.start(dir.resolve("stopped-server"), Map.of());
        String url = stopped.baseUrl();
        stopped.close();

        SharedCacheException e = catchThrowableOfType(
                SharedCacheException.class, () -> new HttpSharedCache(SharedCacheConfig.of(url)).find(randomKey()));

        assertThat(e.reason()).isEqualTo(SharedCacheException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("shared cache: GET " + url + "keys/");
    }

    private static String randomKey() {
        return HexFormat.of().formatHex(randomBytes(32));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
