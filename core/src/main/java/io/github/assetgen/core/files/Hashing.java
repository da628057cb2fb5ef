package io.github.assetgen.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one place SHA-256 is set up: digests and lower-case hex for cache keys, the lock file, copied
 * files, input files and render ids.
 */
public final class Hashing {

    public static final int BUFFER_SIZE = 64 * 1024;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Hashing() {}

    /** A new SHA-256 digest, for hashing while streaming. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Completes {@code digest} and returns it as lower-case hex. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The lower-case hex SHA-256 of {@code text} in UTF-8. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case hex SHA-256 of a file's bytes, read in 64 KB steps. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest);
    }

    public static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }

    /** Keys become directory names, so anything but 64 lower-case hex digits is refused. */
    public static String requireKey(String key) {
        if (!isSha256Hex(key)) {
            throw new IllegalArgumentException("a cache key is 64 lower-case hex digits, got: " + key);
        }
        return key;
    }
}
