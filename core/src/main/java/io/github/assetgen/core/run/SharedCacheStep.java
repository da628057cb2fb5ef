package io.github.assetgen.core.run;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.CachedFile;
import io.github.assetgen.core.store.EntryMetadata;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.shared.Manifest;
import io.github.assetgen.core.store.shared.SharedCache;
import io.github.assetgen.core.store.shared.SharedCacheException;
import io.github.assetgen.core.store.shared.SharedCacheVerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The team's shared cache as one build uses it: restores into the local cache, then the outputs,
 * and, in a saving build, uploads what this build made or has and the server lacks. Its own class
 * because every read and write of it runs inside an asset's task, alongside generation, and because
 * nothing it returns is trusted: files are checked against the manifest while they download and
 * against their entry and the lock before they are placed. A failed upload is a warning: the asset
 * is local and locked. Thread-safe.
 */
final class SharedCacheStep {

    private final SharedCache shared;
    private final boolean save;
    private final AssetCache cache;
    private final RestoreStep restore;
    private final Path stagingDirectory;
    private final Path outputDirectory;
    private final RunListener log;
    /** Keys this build restored from the server: uploading them again would only rewrite the manifest. */
    private final Set<String> fromServer = ConcurrentHashMap.newKeySet();

    /**
     * @param shared the shared cache, or null when none is configured
     * @param save whether this build uploads
     */
    SharedCacheStep(
            SharedCache shared,
            boolean save,
            AssetCache cache,
            RestoreStep restore,
            Path stagingDirectory,
            Path outputDirectory,
            RunListener log) {
        this.shared = shared;
        this.save = save && shared != null;
        this.cache = cache;
        this.restore = restore;
        this.stagingDirectory = stagingDirectory;
        this.outputDirectory = outputDirectory;
        this.log = log;
    }

    boolean enabled() {
        return shared != null;
    }

    /** Where the shared cache is, for messages. */
    String location() {
        return shared == null ? "(none)" : shared.location();
    }

    /**
     * Fetches the key's files from the shared cache, stores them in the local cache and places them.
     *
     * @return empty on a miss: no entry, or one whose files are not what its manifest or the lock
     *     records (reported as a warning naming the entry, never placed)
     * @throws SharedCacheException if the cache could not say: down, 5xx, 401/403, a timeout
     */
    Optional<AssetResult> restore(PlannedAsset asset, Instant start)
            throws SharedCacheException, IOException, AssetFailure {
        String key = asset.key();
        Optional<Manifest> found = shared.find(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Manifest manifest = found.get();
        int expected = asset.request().outputs().size();
        if (manifest.files().size() < expected) {
            log.warn("[" + asset.id() + "] the shared cache's entry " + key + " lists "
                    + manifest.files().size() + " file(s) where " + expected + " are expected; it is ignored");
            return Optional.empty();
        }
        Files.createDirectories(stagingDirectory);
        Path staging =
                Files.createTempDirectory(stagingDirectory, AtomicFiles.TEMP_PREFIX + key.substring(0, 12) + "-");
        try {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                Manifest.FileRef file = manifest.files().get(i);
                Path target = staging.resolve((i + 1) + ".fetched");
                try {
                    shared.fetch(key, file, target);
                } catch (SharedCacheVerificationException e) {
                    log.warn("[" + asset.id() + "] the shared cache's entry " + key + " is not what its manifest says ("
                            + e.getMessage() + "); it is treated as missing and nothing of it is placed");
                    return Optional.empty();
                }
                files.add(target);
            }
            CacheEntry entry = cache.store(key, files, metadata(asset, manifest));
            AssetResult result = restore.place(asset, entry, AssetStatus.RESTORED, start);
            fromServer.add(key);
            log.info("[" + asset.id() + "] restored from the shared cache " + shared.location() + "; nothing was"
                    + " bought");
            return Optional.of(result);
        } catch (RestoreStep.Unverified e) {
            // the entry was taken out of the local cache and reported by name
            return Optional.empty();
        } finally {
            try {
                AtomicFiles.deleteRecursively(staging);
            } catch (IOException ignored) {
                // a leftover staging folder is cleaned by a later build
            }
        }
    }

    /**
     * A hit for an asset the lock does not record: restored for free. A cache that fails is only a
     * warning here, since generating an asset new to the lock buys nothing the lock records.
     */
    Optional<AssetResult> restoreNew(PlannedAsset asset, Instant start) throws IOException, AssetFailure {
        try {
            return restore(asset, start);
        } catch (SharedCacheException e) {
            log.warn("[" + asset.id() + "] the shared cache failed (" + e.getMessage() + "); the lock does not record"
                    + " this asset, so it is generated");
            return Optional.empty();
        }
    }

    /**
     * In a saving build, uploads the asset's cache entry after it was generated or restored, unless
     * it came from the server. A restore is uploaded only when the server lacks the key.
     */
    void share(PlannedAsset asset, AssetResult result) {
        if (!save || result.failed() || fromServer.contains(asset.key())) {
            return;
        }
        try {
            if (result.status() != AssetStatus.GENERATED && shared.has(asset.key())) {
                return;
            }
            Optional<CacheEntry> entry = cache.find(asset.key());
            if (entry.isPresent()) {
                upload(asset, fromEntry(entry.get()), paths(entry.get()));
            }
        } catch (SharedCacheException | IOException e) {
            uploadFailed(asset, e);
        }
    }

    /**
     * In a saving build, uploads an up-to-date asset the server lacks, so a later saving build fills
     * the server with what older builds made: from the local cache if it holds the key, else from the
     * outputs, which match the lock.
     */
    void shareKept(PlannedAsset asset) {
        if (!save || asset.recorded() == null) {
            return;
        }
        try {
            if (shared.has(asset.key())) {
                return;
            }
            Optional<CacheEntry> entry = cache.find(asset.key());
            if (entry.isPresent()) {
                upload(asset, fromEntry(entry.get()), paths(entry.get()));
                return;
            }
            LockFile.Entry locked = asset.recorded();
            List<Manifest.FileRef> refs = new ArrayList<>();
            Map<String, Path> files = new HashMap<>();
            for (int i = 0; i < locked.files().size(); i++) {
                LockFile.LockedFile file = locked.files().get(i);
                MediaFormat format = MediaFormat.fromExtension(file.path());
                refs.add(new Manifest.FileRef((i + 1) + "." + format.extension(), file.sha256(), file.size(), format));
                files.put(file.sha256(), outputDirectory.resolve(file.path()));
            }
            Manifest manifest = new Manifest(
                    asset.key(),
                    locked.provider(),
                    locked.model(),
                    asset.request().type().specName(),
                    refs,
                    locked.cost().format(),
                    locked.jobIds(),
                    generatedAt(locked));
            upload(asset, manifest, files);
        } catch (SharedCacheException | IOException | IllegalArgumentException e) {
            uploadFailed(asset, e);
        }
    }

    private void upload(PlannedAsset asset, Manifest manifest, Map<String, Path> files) throws SharedCacheException {
        shared.save(asset.key(), manifest, files);
        log.info("[" + asset.id() + "] uploaded to the shared cache " + shared.location());
    }

    private void uploadFailed(PlannedAsset asset, Exception e) {
        log.warn("[" + asset.id() + "] could not upload to the shared cache " + shared.location() + ": "
                + e.getMessage() + ". The asset is in the local cache and the lock; a later saving build uploads"
                + " what the server lacks.");
    }

    private static EntryMetadata metadata(PlannedAsset asset, Manifest manifest) {
        LockFile.Entry locked = asset.recorded();
        return new EntryMetadata(
                manifest.provider(),
                manifest.model(),
                asset.request().type(),
                locked != null ? locked.cost().format() : manifest.credits(),
                // the lock's record of the purchase stays as it is
                locked != null ? locked.jobIds() : manifest.jobIds(),
                CacheKey.canonicalJson(asset.request()));
    }

    private static Manifest fromEntry(CacheEntry entry) {
        List<Manifest.FileRef> refs = new ArrayList<>();
        for (CachedFile file : entry.files()) {
            refs.add(new Manifest.FileRef(file.name(), file.sha256(), file.size(), file.format()));
        }
        return new Manifest(
                entry.key(),
                entry.provider(),
                entry.model(),
                entry.type().specName(),
                refs,
                entry.credits(),
                entry.jobIds(),
                entry.createdAt());
    }

    private static Map<String, Path> paths(CacheEntry entry) {
        Map<String, Path> paths = new HashMap<>();
        for (CachedFile file : entry.files()) {
            paths.put(file.sha256(), file.path());
        }
        return paths;
    }

    private static Instant generatedAt(LockFile.Entry locked) {
        try {
            return Instant.parse(locked.generatedAt());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
