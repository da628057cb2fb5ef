package io.github.assetgen.core.store.shared;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;

/** Bytes, keys and manifests the shared cache tests share. */
final class SharedCacheFixtures {

    static final String KEY = "ab" + "0123456789abcdef".repeat(3) + "0123456789abcd";
    static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    private SharedCacheFixtures() {}

    /** A PNG-looking file of {@code size} bytes whose content depends on {@code seed}. */
    static byte[] png(int size, int seed) {
        byte[] bytes = new byte[size];
        System.arraycopy(PNG_HEAD, 0, bytes, 0, Math.min(size, PNG_HEAD.length));
        for (int i = PNG_HEAD.length; i < size; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        MessageDigest digest = Hashing.sha256();
        digest.update(bytes);
        return Hashing.hex(digest);
    }

    static Manifest.FileRef ref(String name, byte[] bytes) {
        return new Manifest.FileRef(name, sha256(bytes), bytes.length, MediaFormat.PNG);
    }

    static Manifest manifest(String key, Manifest.FileRef... files) {
        return new Manifest(
                key,
                "useapi",
                "minimax-image-01",
                "image",
                List.of(files),
                "0.25 USD",
                List.of("job-1"),
                Instant.parse("2026-11-25T12:00:00Z"));
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    static MockResponse body(byte[] bytes) {
        return new MockResponse.Builder().body(new Buffer().write(bytes)).build();
    }

    static MockResponse manifestBody(Manifest manifest) {
        try {
            return body(ManifestJson.toBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SharedCacheConfig fastConfig(String baseUrl) {
        return SharedCacheConfig.of(baseUrl)
                .withTimeouts(
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static List<String> namesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
