package io.github.assetgen.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The wire form of a cache entry's {@code entry.json}. */
@JsonPropertyOrder({
    "formatVersion",
    "key",
    "provider",
    "model",
    "type",
    "files",
    "credits",
    "jobIds",
    "createdAt",
    "request"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
record EntryJson(
        int formatVersion,
        String key,
        String provider,
        String model,
        String type,
        List<FileJson> files,
        String credits,
        List<String> jobIds,
        String createdAt,
        String request) {

    static final int FORMAT_VERSION = 1;

    /** One file of the entry. */
    @JsonPropertyOrder({"name", "sha256", "size", "format"})
    record FileJson(String name, String sha256, long size, String format) {}
}
