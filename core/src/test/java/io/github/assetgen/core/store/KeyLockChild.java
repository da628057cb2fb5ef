package io.github.assetgen.core.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A second process for {@link KeyLockTest}: tries the lock of a key, prints LOCKED or BUSY, and when
 * it got the lock holds it until killed.
 */
public final class KeyLockChild {

    private KeyLockChild() {}

    public static void main(String[] args) throws Exception {
        Optional<KeyLock.Handle> handle =
                KeyLock.withDirectory(Path.of(args[0])).tryAcquire(args[1]);
        System.out.println(handle.isPresent() ? "LOCKED" : "BUSY");
        System.out.flush();
        if (handle.isPresent()) {
            Thread.sleep(60_000);
        }
    }
}
