package io.github.assetgen.core.store;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Why the last generation of a key failed, beside the journal ({@code <cacheDir>/journal/<key>.failed}),
 * so that the next plan can say "failed last time" with the provider's reason before it buys the same
 * request again. Keyed like the journal because a failure belongs to one request: a changed prompt is
 * a new request with no such past. Forgotten when the key's result reaches the cache. Best effort: a
 * record that cannot be written or read is as if there were none. Thread-safe.
 */
public final class LastFailures {

    private static final String SUFFIX = ".failed";
    /** Long enough for a provider's sentence, short enough for a plan line. */
    private static final int MAX_REASON = 300;

    private final Path directory;
    private final Clock clock;

    LastFailures(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The last failure of a key.
     *
     * @param reason why it failed, in the provider's words where it gave any
     * @param at when it failed
     */
    public record LastFailure(String reason, Instant at) {}

    /** Records why the generation of {@code key} failed; a record that cannot be written is dropped. */
    public void record(String key, String assetId, String reason) {
        String shortened = reason == null ? "no reason given" : reason.strip();
        if (shortened.length() > MAX_REASON) {
            shortened = shortened.substring(0, MAX_REASON - 1) + "…";
        }
        try {
            AtomicFiles.write(
                    fileOf(key),
                    StoreJson.toBytes(
                            new FailureJson(1, key, assetId, clock.instant().toString(), shortened)));
        } catch (IOException | RuntimeException e) {
            // a memory of the past, not a record of money: losing it costs a note in the next plan
        }
    }

    /** The last failure of {@code key}, if one is recorded and readable. */
    public Optional<LastFailure> find(String key) {
        try {
            FailureJson json = StoreJson.MAPPER.readValue(Files.readAllBytes(fileOf(key)), FailureJson.class);
            if (json == null || !key.equals(json.key()) || json.reason() == null || json.failedAt() == null) {
                return Optional.empty();
            }
            return Optional.of(new LastFailure(json.reason(), Instant.parse(json.failedAt())));
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            // none recorded (NoSuchFileException), or unreadable: as if there were none
            return Optional.empty();
        }
    }

    /** Forgets the failure of {@code key}: its result is in the cache now. */
    public void forget(String key) throws IOException {
        Files.deleteIfExists(fileOf(key));
    }

    private Path fileOf(String key) {
        return directory.resolve(Hashing.requireKey(key) + SUFFIX);
    }

    /** The wire form of a record. */
    record FailureJson(int formatVersion, String key, String assetId, String failedAt, String reason) {}
}
