package io.github.assetgen.core.provider;

import java.util.Optional;

/**
 * Remembers which provider file id an uploaded file got, by the SHA-256 of its bytes and the
 * account it was uploaded to, so the same bytes are uploaded once (per build, and across builds
 * through the cache). Implementations are thread-safe.
 */
public interface FileIdMemory {

    Optional<String> find(String provider, String account, String sha256);

    void remember(String provider, String account, String sha256, String fileId);

    /**
     * Forgets the file id remembered for these bytes, but only while it is still {@code fileId}:
     * another asset or build may have uploaded the bytes again meanwhile, and its fresh id must stay.
     * Nothing happens if nothing, or another id, is remembered.
     */
    void forget(String provider, String account, String sha256, String fileId);

    /** A memory that forgets everything; for tests and one-off use. */
    static FileIdMemory inMemory() {
        java.util.concurrent.ConcurrentHashMap<String, String> map = new java.util.concurrent.ConcurrentHashMap<>();
        return new FileIdMemory() {
            @Override
            public Optional<String> find(String provider, String account, String sha256) {
                return Optional.ofNullable(map.get(provider + "|" + account + "|" + sha256));
            }

            @Override
            public void remember(String provider, String account, String sha256, String fileId) {
                map.put(provider + "|" + account + "|" + sha256, fileId);
            }

            @Override
            public void forget(String provider, String account, String sha256, String fileId) {
                map.remove(provider + "|" + account + "|" + sha256, fileId);
            }
        };
    }
}
