package io.github.assetgen.core.store;

import io.github.assetgen.core.files.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Small helpers shared by the store tests. */
public final class StoreFixtures {

    private StoreFixtures() {}

    /** A valid cache key derived from a readable seed. */
    static String key(String seed) {
        MessageDigest digest = Hashing.sha256();
        return HexFormat.of().formatHex(digest.digest(seed.getBytes(StandardCharsets.UTF_8)));
    }

    /** Bytes that start like a PNG, followed by {@code body}. */
    public static byte[] png(String body) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] rest = body.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[magic.length + rest.length];
        System.arraycopy(magic, 0, all, 0, magic.length);
        System.arraycopy(rest, 0, all, magic.length, rest.length);
        return all;
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Hashing.sha256().digest(bytes));
    }
}
