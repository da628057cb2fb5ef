package io.github.assetgen.core.store.shared;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A cache shared by a team's machines: finished generations stored under their cache key so that a
 * fresh CI agent or a new teammate restores instead of paying again. Nothing read from it is
 * trusted: every fetched file is checked against its manifest before it is placed. Implementations
 * are thread-safe.
 */
public interface SharedCache {

    /** Where the cache is, for messages: never credentials or a query. */
    String location();

    /**
     * The manifest stored for {@code key}.
     *
     * @return empty if the cache has no (complete) entry for the key
     * @throws SharedCacheException if the cache could not say (down, 5xx, 401/403, timeout, a
     *     manifest that cannot be read); that is not a miss
     */
    Optional<Manifest> find(String key) throws SharedCacheException;

    /**
     * Whether the cache has a complete entry for {@code key}, without downloading it: a saving build
     * uploads what the server lacks.
     */
    boolean has(String key) throws SharedCacheException;

    /**
     * Downloads one file of the entry {@code key} into {@code target}, replacing it only once the
     * bytes are known to match {@code file}'s size and SHA-256.
     *
     * @throws SharedCacheVerificationException if the bytes differ or are too many or too few;
     *     nothing is placed and no temporary file is left
     * @throws SharedCacheException if the download fails or the target cannot be written
     */
    void fetch(String key, Manifest.FileRef file, Path target) throws SharedCacheException;

    /**
     * Stores an entry: the files the server lacks first, the manifest last, so a reader never sees a
     * manifest whose files are not all there.
     *
     * @param key the cache key
     * @param manifest the entry; its key must be {@code key}
     * @param files local files by lower-case hex SHA-256; each must hold the bytes its hash names.
     *     A file the manifest names that is missing here must already be on the server
     * @throws SharedCacheException if an upload fails, or a local file is not what its hash says
     */
    void save(String key, Manifest manifest, Map<String, Path> files) throws SharedCacheException;
}
