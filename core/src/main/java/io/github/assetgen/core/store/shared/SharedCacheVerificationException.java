package io.github.assetgen.core.store.shared;

/**
 * A file fetched from the shared cache was not the file its manifest names: other bytes, or more or
 * fewer of them. Nothing was placed; the entry should be treated as a miss and reported.
 */
public final class SharedCacheVerificationException extends SharedCacheException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String fileName;

    public SharedCacheVerificationException(String key, String fileName, String message) {
        super(Reason.VERIFICATION, 200, message, null);
        this.key = key;
        this.fileName = fileName;
    }

    /** The cache key of the entry whose file failed. */
    public String key() {
        return key;
    }

    /** The file's name in the manifest. */
    public String fileName() {
        return fileName;
    }
}
