package io.github.assetgen.core.store.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.assetgen.core.files.MediaFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The wire form of a manifest ({@code keys/ab/<key>.json}) and its one mapper. Thread-safe. */
@JsonPropertyOrder({"formatVersion", "key", "provider", "model", "type", "files", "credits", "jobIds", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ManifestJson(
        int formatVersion,
        String key,
        String provider,
        String model,
        String type,
        List<FileJson> files,
        String credits,
        List<String> jobIds,
        String createdAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            // a newer writer may add fields; this reader uses what it understands
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One file; {@code format} is the lower-case {@link MediaFormat} name, as in a local entry.json. */
    @JsonPropertyOrder({"name", "sha256", "size", "format"})
    record FileJson(String name, String sha256, long size, String format) {}

    static byte[] toBytes(Manifest manifest) throws JsonProcessingException {
        List<FileJson> files = new ArrayList<>();
        for (Manifest.FileRef file : manifest.files()) {
            files.add(new FileJson(
                    file.name(),
                    file.sha256(),
                    file.size(),
                    file.format().name().toLowerCase(Locale.ROOT)));
        }
        ManifestJson json = new ManifestJson(
                Manifest.FORMAT_VERSION,
                manifest.key(),
                manifest.provider(),
                manifest.model(),
                manifest.type(),
                files,
                manifest.credits(),
                manifest.jobIds(),
                manifest.createdAt().toString());
        return (MAPPER.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a manifest fetched for {@code expectedKey}.
     *
     * @throws IOException if the bytes are no manifest of this format, or belong to another key
     */
    static Manifest parse(byte[] bytes, String expectedKey) throws IOException {
        ManifestJson json;
        try {
            json = MAPPER.readValue(bytes, ManifestJson.class);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; a short location is enough
            throw new IOException("not JSON of the expected shape (" + e.getOriginalMessage() + ")");
        }
        if (json == null || json.formatVersion() != Manifest.FORMAT_VERSION) {
            throw new IOException("unknown formatVersion " + (json == null ? "(empty)" : json.formatVersion()));
        }
        if (!expectedKey.equals(json.key())) {
            throw new IOException("it describes key " + json.key() + ", not " + expectedKey);
        }
        if (json.files() == null) {
            throw new IOException("it lists no files");
        }
        try {
            List<Manifest.FileRef> files = new ArrayList<>();
            for (FileJson file : json.files()) {
                files.add(new Manifest.FileRef(file.name(), file.sha256(), file.size(), formatOf(file.format())));
            }
            return new Manifest(
                    json.key(),
                    json.provider(),
                    json.model(),
                    json.type(),
                    files,
                    json.credits(),
                    json.jobIds(),
                    Instant.parse(String.valueOf(json.createdAt())));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** A format this version does not know (a newer writer's) is UNKNOWN, not an error: bytes are checked anyway. */
    private static MediaFormat formatOf(String name) {
        if (name == null) {
            return MediaFormat.UNKNOWN;
        }
        try {
            return MediaFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return MediaFormat.UNKNOWN;
        }
    }
}
