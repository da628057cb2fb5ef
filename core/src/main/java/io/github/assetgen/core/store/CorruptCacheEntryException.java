package io.github.assetgen.core.store;

import java.io.IOException;

/**
 * A cache entry turned out damaged while it was being restored. The entry has been moved aside and
 * no target was touched, so the caller can treat the asset as a cache miss.
 */
public final class CorruptCacheEntryException extends IOException {

    private static final long serialVersionUID = 1L;

    CorruptCacheEntryException(String message) {
        super(message);
    }
}
