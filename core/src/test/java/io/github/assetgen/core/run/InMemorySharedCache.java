package io.github.assetgen.core.run;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.store.shared.Manifest;
import io.github.assetgen.core.store.shared.SharedCache;
import io.github.assetgen.core.store.shared.SharedCacheException;
import io.github.assetgen.core.store.shared.SharedCacheVerificationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shared cache in memory that keeps the {@link SharedCache} contract (fetch verifies against the
 * manifest, save writes blobs then the manifest) and can be made to fail like a server that is down.
 */
final class InMemorySharedCache implements SharedCache {

    final Map<String, Manifest> manifests = new ConcurrentHashMap<>();
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger saves = new AtomicInteger();
    private volatile SharedCacheException failure;
    private volatile SharedCacheException saveFailure;

    /** Every call fails with {@code e}, as a server that is down, 5xx or refuses the credentials. */
    InMemorySharedCache failWith(SharedCacheException e) {
        this.failure = e;
        return this;
    }

    /** Uploads fail with {@code e}; reads still work. */
    InMemorySharedCache failSavesWith(SharedCacheException e) {
        this.saveFailure = e;
        return this;
    }

    static SharedCacheException down() {
        return new SharedCacheException(
                SharedCacheException.Reason.SERVER_ERROR,
                503,
                "GET http://cache.test/keys/... answered 503 Service Unavailable",
                null);
    }

    @Override
    public String location() {
        return "http://cache.test/";
    }

    @Override
    public Optional<Manifest> find(String key) throws SharedCacheException {
        reads.incrementAndGet();
        failIfDown();
        return Optional.ofNullable(manifests.get(key));
    }

    @Override
    public boolean has(String key) throws SharedCacheException {
        reads.incrementAndGet();
        failIfDown();
        return manifests.containsKey(key);
    }

    @Override
    public void fetch(String key, Manifest.FileRef file, Path target) throws SharedCacheException {
        reads.incrementAndGet();
        failIfDown();
        byte[] bytes = blobs.get(file.sha256());
        if (bytes == null) {
            throw new SharedCacheException(SharedCacheException.Reason.UNEXPECTED_STATUS, 404, "no blob", null);
        }
        if (bytes.length != file.size() || !Hashing.sha256(bytes).equals(file.sha256())) {
            throw new SharedCacheVerificationException(
                    key, file.name(), "blob " + file.sha256() + " was tampered with");
        }
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void save(String key, Manifest manifest, Map<String, Path> files) throws SharedCacheException {
        saves.incrementAndGet();
        failIfDown();
        if (saveFailure != null) {
            throw saveFailure;
        }
        for (Manifest.FileRef file : manifest.files()) {
            Path local = files.get(file.sha256());
            if (!blobs.containsKey(file.sha256())) {
                try {
                    byte[] bytes = Files.readAllBytes(local);
                    if (!Hashing.sha256(bytes).equals(file.sha256())) {
                        throw new SharedCacheException(
                                SharedCacheException.Reason.LOCAL_FILE, 0, local + " is not " + file.sha256(), null);
                    }
                    blobs.put(file.sha256(), bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        manifests.put(key, manifest);
    }

    /** Puts an entry on the "server" as a saving build elsewhere would. */
    void put(String key, Manifest manifest, Map<String, byte[]> bytesBySha) {
        blobs.putAll(bytesBySha);
        manifests.put(key, manifest);
    }

    private void failIfDown() throws SharedCacheException {
        if (failure != null) {
            throw failure;
        }
    }
}
