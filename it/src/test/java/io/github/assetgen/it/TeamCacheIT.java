package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team on one shared cache, as the README's "Teams and CI" section describes it, with a real nginx (WebDAV PUT,
 * Basic auth for writes) and the fake providers: main-branch CI saves, fresh agents and pull-request builds read, and
 * nothing the committed lock records is ever bought again, whatever the server does.
 *
 * <p>Every agent is a separate copy of the {@code generate} project (hero, logo, intro through useapi) with its own
 * empty local cache, given only the lock the CI build wrote, as a fresh clone would be.
 */
class TeamCacheIT extends ItSupport {

    private static final String WRITER = "ci-bot";
    private static final String PASSWORD = "cache-pw-never-printed-4711";
    private static final List<String> ASSETS = List.of("hero", "logo", "intro");
    private static final String SPEC = "src/main/assets/site.yaml";
    private static final String NEW_ASSET = """
              - id: banner
                prompt: "Gulls over a wooden pier at noon"
                aspectRatio: "16:9"
            """;

    @TempDir
    Path serverDir;

    private NginxServer nginx;

    @BeforeEach
    void startNginx() {
        // one server per test: every test builds the same assets, so a shared one would answer from an earlier test
        nginx = NginxServer.start(serverDir, Map.of(WRITER, PASSWORD));
    }

    @AfterEach
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    /** {@code generate-assets} against the fakes and the shared cache, then {@code extra}. */
    private String[] withCache(String... extra) {
        List<String> args = new ArrayList<>(List.of(GENERATE, "-Dassetgen.remoteCache=" + nginx.baseUrl()));
        args.addAll(List.of(extra));
        return fakes.args(args.toArray(String[]::new));
    }

    /** Main-branch CI: generates the three assets and saves them to the shared cache. */
    private MavenBuild savedByCi() {
        MavenBuild ci = prepareAgent("generate", "ci").server("assetgen-cache", WRITER, PASSWORD);
        ci.run(withCache("-Dassetgen.remoteCache.save=true")).assertSuccess();
        assertThat(fakes.createRequests()).as("creates of the CI build").isEqualTo(3);
        for (String id : ASSETS) {
            String manifest = "PUT /cache/keys/" + lockKey(ci.lockFile(), id).substring(0, 2) + "/"
                    + lockKey(ci.lockFile(), id) + ".json 201";
            assertThat(nginx.awaitRequest(manifest))
                    .as("manifest of " + id + " uploaded")
                    .contains(manifest);
        }
        return ci;
    }

    /** A fresh clone on another machine: the committed lock, no outputs, an empty local cache. */
    private MavenBuild freshAgent(MavenBuild ci, String name) {
        MavenBuild agent = prepareAgent("generate", name);
        try {
            Files.copy(ci.lockFile(), agent.lockFile(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(agent.cacheDir()).doesNotExist();
        assertThat(agent.outputDir()).doesNotExist();
        return agent;
    }

    /** Path under the output directory to SHA-256, of every file the lock records for an asset. */
    private static Map<String, String> lockedFiles(Path lockFile, String id) {
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode file : lockEntry(lockFile, id).path("files")) {
            files.put(file.path("path").asText(), file.path("sha256").asText());
        }
        assertThat(files).as("files the lock records for " + id).isNotEmpty();
        return files;
    }

    private static void assertOutputsEqualTheLock(MavenBuild build, List<String> ids) {
        for (String id : ids) {
            lockedFiles(build.lockFile(), id)
                    .forEach((path, sha) -> assertThat(sha256(build.outputDir().resolve(path)))
                            .as(id + ": " + path + " equals the lock")
                            .isEqualTo(sha));
        }
    }

    private static void assertNoOutputOf(MavenBuild build, String id) {
        lockedFiles(build.lockFile(), id)
                .keySet()
                .forEach(path -> assertThat(build.outputDir().resolve(path))
                        .as(id + " placed")
                        .doesNotExist());
    }

    @Test
    void aFreshAgentRestoresEverythingFromTheSharedCacheWithoutBuying() {
        MavenBuild ci = savedByCi();
        int providerRequests = fakes.requests();
        MavenBuild agent = freshAgent(ci, "agent");
        String lock = read(agent.lockFile());
        long putsOfCi = puts();

        BuildResult result = agent.run(withCache());

        result.assertSuccess();
        assertThat(result.log()).contains("bought before, not here");
        for (String id : ASSETS) {
            assertThat(result.log()).contains("[" + id + "] restored from the shared cache " + nginx.baseUrl());
        }
        assertThat(fakes.createRequests()).as("creates over both builds").isEqualTo(3);
        assertThat(fakes.requests())
                .as("the shared cache comes before re-collecting from the provider")
                .isEqualTo(providerRequests);
        assertOutputsEqualTheLock(agent, ASSETS);
        assertThat(read(agent.lockFile())).isEqualTo(lock);
        assertThat(puts()).as("a reader never writes").isEqualTo(putsOfCi);
    }

    /** PUT requests the server has seen so far. */
    private long puts() {
        return nginx.requests().stream().filter(line -> line.startsWith("PUT ")).count();
    }

    @Test
    void withTheServerDownNothingTheLockRecordsIsBoughtAndNewAssetsStillGenerate() {
        MavenBuild ci = savedByCi();
        MavenBuild agent = freshAgent(ci, "agent");
        replace(agent.file(SPEC), "output: video/intro.mp4\n", "output: video/intro.mp4\n" + NEW_ASSET);
        nginx.close();
        // the provider no longer holds the jobs either: the shared cache was the only way back
        fakes.reset();

        BuildResult result = agent.run(withCache());

        result.assertFailure();
        assertThat(fakes.useapi.createdPrompts())
                .as("only the asset new to the lock is bought")
                .containsExactly("Gulls over a wooden pier at noon");
        assertPng(agent.outputDir().resolve("banner.png"));
        assertThat(result.log()).contains("shared cache").contains(nginx.baseUrl());
        for (String id : ASSETS) {
            assertThat(result.log()).contains(id);
            assertNoOutputOf(agent, id);
        }
        assertThat(result.stackTraceLines()).isEmpty();
    }

    @Test
    void aFileChangedOnTheServersDiskIsRejectedNeverPlacedAndNothingIsBought() {
        MavenBuild ci = savedByCi();
        String heroSha = lockedFiles(ci.lockFile(), "hero").values().iterator().next();
        Path onDisk = nginx.fileOnDisk("blobs/" + heroSha.substring(0, 2) + "/" + heroSha);
        byte[] tampered = bytes(onDisk);
        // same size, other bytes: a size check alone would take it
        tampered[tampered.length / 2] ^= 0x55;
        writeBytes(onDisk, tampered);
        String tamperedSha = sha256(onDisk);
        MavenBuild agent = freshAgent(ci, "agent");
        fakes.reset();

        BuildResult result = agent.run(withCache());

        result.assertFailure();
        assertThat(fakes.createRequests()).as("creates of the agent").isZero();
        assertNoOutputOf(agent, "hero");
        assertOutputsEqualTheLock(agent, List.of("logo", "intro"));
        assertThat(result.log()).contains(lockKey(agent.lockFile(), "hero"));
        for (Path dir : List.of(agent.outputDir(), agent.cacheDir())) {
            for (String file : filesUnder(dir)) {
                assertThat(sha256(dir.resolve(file)))
                        .as("tampered bytes kept in " + dir.resolve(file))
                        .isNotEqualTo(tamperedSha);
            }
        }
        assertThat(lockedFiles(agent.lockFile(), "hero")).containsValue(heroSha);
        assertThat(result.stackTraceLines()).isEmpty();
    }

    @Test
    void aLockedBuildWithANewAssetAndAChangedPromptFailsBeforeAnyCreateListingBoth() {
        MavenBuild ci = savedByCi();
        MavenBuild agent = freshAgent(ci, "pull-request");
        replace(agent.file(SPEC), "output: video/intro.mp4\n", "output: video/intro.mp4\n" + NEW_ASSET);
        replace(agent.file(SPEC), "A flat vector logo of a paper boat", "A flat vector logo of a sail boat");
        long putsOfCi = puts();

        BuildResult result = agent.run(withCache("-Dassetgen.locked=true"));

        result.assertFailure();
        assertThat(fakes.createRequests()).as("creates over both builds").isEqualTo(3);
        assertThat(result.log()).contains("banner").contains("logo");
        assertThat(agent.outputDir().resolve("banner.png")).doesNotExist();
        assertThat(puts()).as("a pull-request build never writes").isEqualTo(putsOfCi);
        assertThat(result.stackTraceLines()).isEmpty();
    }

    @Test
    void withNoCacheAtAllTheLockedAssetsAreReCollectedFromTheProviderByJobId() {
        MavenBuild ci = prepareAgent("generate", "ci");
        ci.run(fakes.args(GENERATE)).assertSuccess();
        int statusCallsBefore = statusCalls();
        MavenBuild agent = freshAgent(ci, "agent");
        String lock = read(agent.lockFile());

        BuildResult result = agent.run(fakes.args(GENERATE));

        result.assertSuccess();
        assertThat(fakes.createRequests()).as("creates over both builds").isEqualTo(3);
        assertThat(statusCalls()).as("results fetched again by job id").isGreaterThan(statusCallsBefore);
        for (String id : ASSETS) {
            assertThat(result.log()).contains("[" + id + "] re-collected from useapi");
        }
        assertOutputsEqualTheLock(agent, ASSETS);
        assertThat(read(agent.lockFile())).isEqualTo(lock);
    }

    /** GETs of useapi's images/{id} and videos/{id}: polls and re-collects alike. */
    private static int statusCalls() {
        return (int) fakes.useapi.calls().stream()
                .filter(c -> c.method().equals("GET"))
                .filter(c -> c.rawTarget().startsWith("/v1/minimax/images/")
                        || c.rawTarget().startsWith("/v1/minimax/videos/"))
                .count();
    }

    @Test
    void twoAgentsRestoringAtOnceBothGetEveryAssetAndBuyNothing() {
        MavenBuild ci = savedByCi();
        int providerRequests = fakes.requests();
        MavenBuild first = freshAgent(ci, "agent-a");
        MavenBuild second = freshAgent(ci, "agent-b");

        MavenBuild.RunningBuild a = first.start(withCache());
        MavenBuild.RunningBuild b = second.start(withCache());

        a.await(Duration.ofMinutes(3)).assertSuccess();
        b.await(Duration.ofMinutes(3)).assertSuccess();
        assertThat(fakes.createRequests()).as("creates over all builds").isEqualTo(3);
        assertThat(fakes.requests()).isEqualTo(providerRequests);
        assertOutputsEqualTheLock(first, ASSETS);
        assertOutputsEqualTheLock(second, ASSETS);
    }

    @Test
    void theSettingsProxyCarriesTheSharedCacheTrafficExceptToItsNonProxyHosts() {
        try (ForwardProxy proxy = new ForwardProxy()) {
            MavenBuild ci = prepareAgent("generate", "ci")
                    .server("assetgen-cache", WRITER, PASSWORD)
                    .proxy("corporate", proxy.port(), null);

            ci.run(withCache("-Dassetgen.remoteCache.save=true")).assertSuccess();

            String key = lockKey(ci.lockFile(), "hero");
            String manifest = "keys/" + key.substring(0, 2) + "/" + key + ".json";
            assertThat(proxy.requests()).contains("PUT " + nginx.baseUrl() + manifest);
            assertThat(nginx.awaitRequest("PUT /cache/" + manifest + " 201"))
                    .as("the credentials went through the proxy")
                    .contains("PUT /cache/" + manifest + " 201");
            int throughProxy = proxy.requests().size();

            MavenBuild agent = freshAgent(ci, "agent").proxy("corporate", proxy.port(), "localhost|127.0.0.1");
            agent.run(withCache()).assertSuccess();

            assertThat(proxy.requests()).as("requests to a non-proxy host").hasSize(throughProxy);
            assertOutputsEqualTheLock(agent, ASSETS);
            assertThat(fakes.createRequests()).as("creates over both builds").isEqualTo(3);
        }
    }

    @Test
    void aDebugSavingBuildNeverPrintsTheCachePassword() {
        MavenBuild ci = prepareAgent("generate", "ci").server("assetgen-cache", WRITER, PASSWORD);

        BuildResult result = ci.run(withCache("-X", "-Dassetgen.remoteCache.save=true"));

        result.assertSuccess();
        assertThat(result.log()).contains("[DEBUG]").contains(nginx.baseUrl());
        assertThat(result.log()).doesNotContain(PASSWORD).doesNotContain("never-printed");
        String manifest = "/cache/keys/" + lockKey(ci.lockFile(), "hero").substring(0, 2);
        assertThat(nginx.awaitRequest("PUT " + manifest))
                .as("the upload was authorised")
                .anyMatch(line -> line.startsWith("PUT " + manifest) && line.endsWith(" 201"));
    }

    @Test
    void aRefusedUploadIsAWarningAndTheNextSavingBuildUploadsWhatTheServerLacks() {
        MavenBuild ci = prepareAgent("generate", "ci").server("assetgen-cache", WRITER, "wrong-" + PASSWORD);

        BuildResult refused = ci.run(withCache("-Dassetgen.remoteCache.save=true"));

        refused.assertSuccess();
        assertThat(refused.lines()).anyMatch(line -> line.startsWith("[WARNING]") && line.contains("shared cache"));
        assertThat(refused.log()).doesNotContain(PASSWORD);
        assertThat(nginx.requests()).noneMatch(line -> line.startsWith("PUT ") && line.endsWith(" 201"));

        ci.server("assetgen-cache", WRITER, PASSWORD);
        ci.run(withCache("-Dassetgen.remoteCache.save=true")).assertSuccess();

        assertThat(fakes.createRequests()).as("creates over both builds").isEqualTo(3);
        for (String id : ASSETS) {
            String key = lockKey(ci.lockFile(), id);
            String manifest = "PUT /cache/keys/" + key.substring(0, 2) + "/" + key + ".json 201";
            assertThat(nginx.awaitRequest(manifest))
                    .as("manifest of " + id + " uploaded")
                    .contains(manifest);
        }
    }
}
