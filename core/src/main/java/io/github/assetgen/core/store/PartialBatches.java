package io.github.assetgen.core.store;

import io.github.assetgen.core.files.Hashing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of partial batches, kept in the {@link AssetCache} beside complete entries: the
 * {@code have} files that came back of an asset's batch are a cache entry of their own, under a key
 * derived from the asset's key and {@code have}. A complete entry under the asset's own key always
 * wins; a partial one only spares the next build from buying again what it already paid for.
 *
 * <p>The count is part of the derived key because cache entries are never replaced: a later partial
 * with more files is a new entry, and the largest one is the one that counts. Stateless.
 */
public final class PartialBatches {

    private PartialBatches() {}

    /** The key under which {@code have} files of the batch of {@code key} are kept. */
    static String keyOf(String key, int have) {
        return Hashing.sha256("assetgen-partial-batch/" + have + "/" + Hashing.requireKey(key));
    }

    /**
     * The partial batch of {@code key} with the most files, if any.
     *
     * @param of how many files the whole batch has
     */
    public static Optional<CacheEntry> find(AssetCache cache, String key, int of) throws IOException {
        for (int have = of - 1; have >= 1; have--) {
            Optional<CacheEntry> entry = cache.find(keyOf(key, have));
            if (entry.isPresent() && entry.get().files().size() == have) {
                return entry;
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps the files that came back of the batch of {@code key}, in output order.
     *
     * @param replacing true for a regeneration the user asked for: an older partial batch of the same
     *     size is replaced, not kept in place of these files
     */
    public static CacheEntry store(
            AssetCache cache, String key, List<Path> files, EntryMetadata metadata, boolean replacing)
            throws IOException {
        String partialKey = keyOf(key, files.size());
        return replacing ? cache.replace(partialKey, files, metadata) : cache.store(partialKey, files, metadata);
    }
}
