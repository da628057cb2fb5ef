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
        Instant createdAt) {

    public CacheEntry {
        files = List.copyOf(files);
        jobIds = List.copyOf(jobIds);
    }
}
