package io.github.assetgen.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.AtomicFilesTest;
import io.github.assetgen.core.files.Hashing;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build killed with SIGKILL in the middle of storing and restoring leaves nothing half-written. */
class StoreKillTest {

    @TempDir
    Path root;

    @Test
    void aBuildKilledMidWriteLeavesOnlyCompleteEntriesAndOutputs() throws Exception {
        Path cacheDir = root.resolve("cache");
        Path output = root.resolve("out/asset.png");
        Files.createDirectories(root.resolve("work"));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classpath(),
                        StoreKillChild.class.getName(),
                        cacheDir.toString(),
                        output.toString(),
                        root.resolve("work").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");
            assertThat(out.readLine()).isEqualTo("STORED 0");
            assertThat(out.readLine()).isEqualTo("STORED 1");
            // Somewhere inside the next store or restore, which take tens of milliseconds.
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 60));
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<String> warnings = new ArrayList<>();
        AssetCache cache = AssetCache.withDirectory(cacheDir, Clock.systemUTC(), warnings::add);
        List<String> keys;
        try (Stream<Path> shards = Files.list(cacheDir)) {
            keys = shards.filter(p -> p.getFileName().toString().length() == 2)
                    .flatMap(StoreKillTest::children)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toList());
        }
        assertThat(keys).as("the child got some entries stored before it died").isNotEmpty();
        for (String key : keys) {
            assertThat(cache.find(key, Verification.FULL)).as(key).isPresent();
        }
        assertThat(warnings).as("no entry was left damaged").isEmpty();
        // A kill mid-write leaves temporaries, recognisable by name and removed by the cleaners.
        AtomicFiles.cleanStaleTempsUnder(
                output.getParent(), java.time.Instant.now().plusSeconds(60));
        cache.cleanStaleTemps(java.time.Instant.now().plusSeconds(60));
        assertThat(AtomicFilesTest.namesIn(cacheDir.resolve("tmp"))).isEmpty();
        assertThat(AtomicFilesTest.namesIn(output.getParent()))
                .containsAnyOf("asset.png")
                .hasSize(1);
        if (Files.exists(output)) {
            String sha = Hashing.sha256(output);
            assertThat(sha)
                    .isIn(
                            StoreFixtures.sha256(StoreKillChild.content((byte) 'a')),
                            StoreFixtures.sha256(StoreKillChild.content((byte) 'b')));
        }
    }

    private static Stream<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList().stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String classpath() throws Exception {
        Class<?>[] needed = {
            StoreKillChild.class, AssetCache.class, ObjectMapper.class, JsonParser.class, JsonPropertyOrder.class
        };
        StringBuilder cp = new StringBuilder();
        for (Class<?> type : needed) {
            if (cp.length() > 0) {
                cp.append(File.pathSeparator);
            }
            cp.append(Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return cp.toString();
    }
}
