package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.shared.SharedCacheConfig;
import io.github.assetgen.core.wording.MavenStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build wired to a shared cache over HTTP: a saving build fills it, a fresh clone reads from it. */
class SharedCacheBuildTest {

    @StartStop
    MockWebServer server = new MockWebServer();

    @TempDir
    Path project;

    /** What the server holds, by path: GET and HEAD read it, PUT writes it, as nginx with WebDAV PUT. */
    private final Map<String, ByteString> stored = new ConcurrentHashMap<>();

    @BeforeEach
    void aServerThatKeepsWhatIsPut() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                return switch (request.getMethod()) {
                    case "PUT" -> {
                        stored.put(path, request.getBody());
                        yield new MockResponse.Builder().code(201).build();
                    }
                    case "GET", "HEAD" ->
                        stored.containsKey(path)
                                ? new MockResponse.Builder()
                                        .body(new Buffer().write(stored.get(path)))
                                        .build()
                                : new MockResponse.Builder().code(404).build();
                    default -> new MockResponse.Builder().code(405).build();
                };
            }
        });
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, """
                defaults: {provider: placeholder, model: nano-banana-2}
                assets:
                  - {id: hero, prompt: a lighthouse}
                """, StandardCharsets.UTF_8);
    }

    private BuildConfig config(boolean save) {
        BuildConfig base = BuildFixtures.placeholderConfig(project);
        SharedCacheConfig shared = SharedCacheConfig.of(server.url("/cache/").toString())
                .withSave(save)
                .withTimeouts(
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new BuildConfig(
                base.projectBaseDir(),
                base.specDirectory(),
                base.outputDirectory(),
                base.cacheDirectory(),
                base.lockFile(),
                base.reportDirectory(),
                base.only(),
                false,
                null,
                null,
                false,
                false,
                base.assetTimeout(),
                base.providers(),
                MavenStyle.WORDING,
                shared,
                false);
    }

    private BuildSummary build(BuildConfig config, BuildLog log) throws Exception {
        AssetBuild build = new AssetBuild(config, log);
        return build.generate(build.validate(), false);
    }

    @Test
    void aSavingBuildUploadsAndAFreshCloneRestoresFromTheServer() throws Exception {
        build(config(true), BuildLog.silent());
        String key = LockFile.read(project.resolve("assets.lock.json"))
                .find("hero")
                .orElseThrow()
                .key();
        assertThat(stored).containsKey("/cache/keys/" + key.substring(0, 2) + "/" + key + ".json");
        byte[] lock = Files.readAllBytes(project.resolve("assets.lock.json"));
        AtomicFiles.deleteRecursively(project.resolve("cache"));
        AtomicFiles.deleteRecursively(project.resolve("target"));
        int putsBefore = stored.size();
        CollectingLog log = new CollectingLog();

        BuildSummary summary = build(config(false), log);

        assertThat(summary.results())
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(AssetStatus.RESTORED));
        assertThat(log.infos).anySatisfy(line -> assertThat(line).contains("restored from the shared cache"));
        assertThat(project.resolve("assets.lock.json")).hasBinaryContent(lock);
        assertThat(stored).hasSize(putsBefore);
    }

    @Test
    void aLaterSavingBuildUploadsWhatTheServerLacksEvenWhenItIsUpToDate() throws Exception {
        build(config(false), BuildLog.silent());
        assertThat(stored).isEmpty();

        build(config(true), BuildLog.silent());

        assertThat(stored.keySet()).anyMatch(path -> path.startsWith("/cache/keys/"));
        assertThat(stored.keySet()).anyMatch(path -> path.startsWith("/cache/blobs/"));
    }
}
