package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/** Base of the scenario ITs: fakes shared by the class and reset before each test, a work directory per test. */
abstract class ItSupport {

    static final String GENERATE = "generate-assets";
    static final String VALIDATE = "validate-assets";

    protected static FakeProviders fakes;

    private String testName;

    @BeforeAll
    static void startFakes() {
        fakes = new FakeProviders();
    }

    @AfterAll
    static void stopFakes() {
        fakes.close();
    }

    @BeforeEach
    void resetFakes(TestInfo info) {
        fakes.reset();
        testName = getClass().getSimpleName() + "-"
                + info.getTestMethod().orElseThrow().getName();
    }

    /** A fresh copy of a template for this test, with every fake's token in its environment. */
    MavenBuild prepare(String template) {
        return fakes.withTokens(MavenBuild.prepare(template, testName));
    }

    /**
     * Another machine's fresh copy of a template for this test (its own work directory and local cache), with every
     * fake's token in its environment: a CI agent or a teammate.
     */
    MavenBuild prepareAgent(String template, String agent) {
        return fakes.withTokens(MavenBuild.prepare(template, testName + "-" + agent));
    }

    /** A fresh copy of a template for this test, with no token at all. */
    MavenBuild prepareWithoutTokens(String template) {
        return MavenBuild.prepare(template, testName);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeBytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one exact text in a file, failing when it is not there. */
    static void replace(Path file, String from, String to) {
        String content = read(file);
        assertThat(content).as("text to replace in " + file).contains(from);
        write(file, content.replace(from, to));
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file under a directory, relative, sorted; empty when it does not exist. */
    static List<String> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lock entry of one asset. The contract fixes its content (key, provider, model, files…) but not the
     * nesting, so this accepts {@code {"assets":{id:…}}}, {@code {"assets":[{"id":id,…}]}} and {@code {id:…}}.
     */
    static JsonNode lockEntry(Path lockFile, String id) {
        JsonNode root = json(lockFile);
        JsonNode assets = root.has("assets") ? root.get("assets") : root;
        if (assets.isArray()) {
            for (JsonNode entry : assets) {
                if (id.equals(entry.path("id").asText())) {
                    return entry;
                }
            }
            throw new AssertionError("no lock entry for " + id + " in " + root);
        }
        JsonNode entry = assets.get(id);
        if (entry == null) {
            throw new AssertionError("no lock entry for " + id + " in " + root);
        }
        return entry;
    }

    /** The cache key the lock records for an asset. */
    static String lockKey(Path lockFile, String id) {
        String key = lockEntry(lockFile, id).path("key").asText();
        assertThat(key).as("lock key of " + id).matches("[0-9a-f]{64}");
        return key;
    }

    /** Asserts a file exists and is a real PNG. */
    static void assertPng(Path file) {
        assertThat(file).isRegularFile();
        assertThat(TestMedia.isPng(bytes(file))).as(file + " is a PNG").isTrue();
    }

    /** Asserts a file exists and is a real MP4. */
    static void assertMp4(Path file) {
        assertThat(file).isRegularFile();
        assertThat(TestMedia.isMp4(bytes(file))).as(file + " is an MP4").isTrue();
    }
}
