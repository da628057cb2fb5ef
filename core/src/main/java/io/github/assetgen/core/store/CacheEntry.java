package io.github.assetgen.core.store;

import io.github.assetgen.core.request.AssetType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A complete entry of the {@link AssetCache}. Immutable; the files it names are never modified in
 * place, only replaced by a whole new entry.
 *
 * @param key the cache key (64 lower-case hex digits)
 * @param directory the entry's directory
 * @param provider the provider that generated it
 * @param model the model name as sent
 * @param type image or video
 * @param files the files in output order
 * @param credits what the generation cost ({@code "0.25 USD"}), or null if unknown
 * @param jobIds the provider's job ids
 * @param createdAt when the entry was stored
 * @param request the canonical request whose SHA-256 is the key, or null (entries written before it was
 *     recorded, or one that does not hash to the key)
 */
public record CacheEntry(
        String key,
        Path directory,
        String provider,
        String model,
        AssetType type,
        List<CachedFile> files,
        String credits,
        List<String> jobIds,
        Instant createdAt,
        String request) {

    public CacheEntry {
        files = List.copyOf(files);
        jobIds = List.copyOf(jobIds);
    }

    /** An entry that does not record its request. */
    public CacheEntry(
            String key,
            Path directory,
            String provider,
            String model,
            AssetType type,
            List<CachedFile> files,
            String credits,
            List<String> jobIds,
            Instant createdAt) {
        this(key, directory, provider, model, type, files, credits, jobIds, createdAt, null);
    }
}
