package io.github.assetgen.core.request;

import java.nio.file.Path;

/**
 * A file an asset sends to its provider: an https URL, or a local file whose bytes were hashed.
 * Exactly one of {@code url} and {@code path} is set. Immutable.
 *
 * @param url the https URL as written, or null for a local file
 * @param path the absolute local path, or null for a URL
 * @param sha256 hex SHA-256 of the local file's bytes; null for a URL
 * @param mediaType {@code image/png}, {@code image/jpeg} or {@code image/webp} for local files;
 *     null for a URL
 */
public record InputFile(String url, Path path, String sha256, String mediaType) {

    public InputFile {
        if ((url == null) == (path == null)) {
            throw new IllegalArgumentException("exactly one of url and path must be set");
        }
    }

    public static InputFile ofUrl(String url) {
        return new InputFile(url, null, null, null);
    }

    public static InputFile ofLocal(Path path, String sha256, String mediaType) {
        return new InputFile(null, path, sha256, mediaType);
    }

    public boolean isLocal() {
        return path != null;
    }

    /** What identifies the content in a cache key: the bytes' hash, or the URL. */
    public String identity() {
        return isLocal() ? "sha256:" + sha256 : url;
    }
}
