package io.github.assetgen.core.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last lock parsed from each file, so a build that reads the same bytes again (plan-assets,
 * then generate-assets) parses them once. Found by content, never by time: any other byte is a
 * new parse. A few entries at most (one per project of a reactor), cleared when it grows.
 */
final class LastReadLocks {

    private static final Map<Path, LockFile> LAST_READ = new ConcurrentHashMap<>();

    private static final int LAST_READ_LIMIT = 64;

    private LastReadLocks() {}

    /** The lock last read from {@code where} if it was read from bytes of this SHA-256, else null. */
    static LockFile find(Path where, String sha256) {
        LockFile known = LAST_READ.get(where);
        return known != null && known.sourceSha256().filter(sha256::equals).isPresent() ? known : null;
    }

    static void remember(Path where, LockFile parsed) {
        if (LAST_READ.size() >= LAST_READ_LIMIT) {
            LAST_READ.clear();
        }
        LAST_READ.put(where, parsed);
    }
}
