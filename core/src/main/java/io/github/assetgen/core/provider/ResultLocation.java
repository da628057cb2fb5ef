package io.github.assetgen.core.provider;

import java.nio.file.Path;

/**
 * Where one generated file can be fetched from: an http(s) URL, inline base64 (MiniMax
 * {@code response_format=base64}), or a local file already rendered (placeholder). Exactly one
 * is set. Immutable.
 */
public record ResultLocation(String url, String base64, Path localFile) {

    public ResultLocation {
        int set = (url != null ? 1 : 0) + (base64 != null ? 1 : 0) + (localFile != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of url, base64 and localFile must be set");
        }
    }

    public static ResultLocation ofUrl(String url) {
        return new ResultLocation(url, null, null);
    }

    public static ResultLocation ofBase64(String base64) {
        return new ResultLocation(null, base64, null);
    }

    public static ResultLocation ofLocalFile(Path file) {
        return new ResultLocation(null, null, file);
    }

    @Override
    public String toString() {
        if (url != null) {
            return url;
        }
        return base64 != null ? "<inline base64, " + base64.length() + " chars>" : localFile.toString();
    }
}
