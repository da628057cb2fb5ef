package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The body of a request: bytes already in memory (JSON) or a local file streamed from disk
 * (uploads). Exactly one of {@code bytes} and {@code file} is set. Immutable by convention: the
 * array is not copied, do not change it after handing it over.
 *
 * @param mediaType the Content-Type to send, e.g. {@code application/json} or {@code image/png}
 * @param bytes the body, or null for a file
 * @param file the file to stream, or null for bytes
 */
public record HttpBody(String mediaType, byte[] bytes, Path file) {

    public HttpBody {
        Objects.requireNonNull(mediaType, "mediaType");
        if ((bytes == null) == (file == null)) {
            throw new IllegalArgumentException("exactly one of bytes and file must be set");
        }
    }

    /** A JSON body serialised with the shared mapper (null fields are left out). */
    public static HttpBody json(Object value) {
        try {
            return new HttpBody("application/json", HttpJson.mapper().writeValueAsBytes(value), null);
        } catch (JsonProcessingException e) {
            // Only our own wire DTOs and JsonNodes come here; failing to write one is a programming error.
            throw new UncheckedIOException(e);
        }
    }

    /** A file sent as the raw body. */
    public static HttpBody file(Path file, String mediaType) {
        return new HttpBody(mediaType, null, file);
    }

    /** Raw bytes. */
    public static HttpBody bytes(byte[] bytes, String mediaType) {
        return new HttpBody(mediaType, bytes, null);
    }

    @Override
    public String toString() {
        return "HttpBody[" + mediaType + ", " + (file != null ? file : bytes.length + " bytes") + "]";
    }
}
