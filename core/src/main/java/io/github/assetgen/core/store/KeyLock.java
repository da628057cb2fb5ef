package io.github.assetgen.core.store;

import io.github.assetgen.core.files.Hashing;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Exclusive locks per cache key, across threads and processes: {@code <cacheDir>/locks/<key>.lock}
 * held with {@link FileChannel#tryLock()}. The operating system releases a process's file locks when
 * it dies, even by {@code kill -9}, so a crashed build never leaves a key locked. Thread-safe; the
 * locks are not reentrant.
 */
public final class KeyLock {

    static final String DIRECTORY = "locks";

    private static final long POLL_MILLIS = 25;

    /**
     * File locks belong to the whole JVM: a second lock on the same file from this process throws
     * OverlappingFileLockException rather than waiting. So threads first take a permit per lock
     * file, shared by every KeyLock instance of this JVM (parallel Maven modules each make one).
     */
    private static final ConcurrentMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path directory;

    private KeyLock(Path directory) {
        this.directory = directory;
    }

    /**
     * Locks under {@code <cacheDir>/locks/}.
     *
     * @param cacheDir the cache directory
     * @return the locks
     */
    public static KeyLock withDirectory(Path cacheDir) {
        return new KeyLock(cacheDir.toAbsolutePath().normalize().resolve(DIRECTORY));
    }

    /** A held lock; closing it releases the lock. Close it once, from any thread. */
    public static final class Handle implements AutoCloseable {

        private final String key;
        private final FileChannel channel;
        private final FileLock lock;
        private final Semaphore permit;
        private boolean closed;

        private Handle(String key, FileChannel channel, FileLock lock, Semaphore permit) {
            this.key = key;
            this.channel = channel;
            this.lock = lock;
            this.permit = permit;
        }

        /** The locked key. */
        public String key() {
            return key;
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                // Closing the channel releases the file lock too; release first to be explicit.
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    permit.release();
                }
            }
        }
    }

    /**
     * Takes the lock of {@code key} if nobody holds it.
     *
     * @param key the cache key
     * @return the held lock, or empty if another thread or process holds it
     * @throws IOException if the lock file cannot be opened
     */
    public Optional<Handle> tryAcquire(String key) throws IOException {
        Path file = fileOf(key);
        Semaphore permit = permitOf(file);
        if (!permit.tryAcquire()) {
            return Optional.empty();
        }
        try {
            return lockFile(key, file, permit, false, 0);
        } catch (InterruptedException e) {
            throw new AssertionError("a single try does not wait", e);
        }
    }

    /**
     * Takes the lock of {@code key}, waiting up to {@code timeout} for another thread or process to release it.
     *
     * @param key the cache key
     * @param timeout how long to wait
     * @return the held lock, or empty if it was still held by someone else after {@code timeout}
     * @throws IOException if the lock file cannot be opened
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public Optional<Handle> acquire(String key, Duration timeout) throws IOException, InterruptedException {
        Path file = fileOf(key);
        Semaphore permit = permitOf(file);
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!permit.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        return lockFile(key, file, permit, true, deadline);
    }

    /**
     * Takes the file lock, polling until {@code deadline} if {@code wait}. Owns {@code permit}: hands
     * it to the returned handle, or releases it.
     */
    private Optional<Handle> lockFile(String key, Path file, Semaphore permit, boolean wait, long deadline)
            throws IOException, InterruptedException {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            // The file is never deleted: a deleted lock file lets two processes lock two different inodes.
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException samePath) {
                    // this JVM holds it through another spelling of the path (a symlink); same as busy
                    lock = null;
                }
                if (lock != null) {
                    Handle handle = new Handle(key, channel, lock, permit);
                    channel = null;
                    permit = null;
                    return Optional.of(handle);
                }
                long left = deadline - System.nanoTime();
                if (!wait || left <= 0) {
                    return Optional.empty();
                }
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        } finally {
            try {
                if (channel != null) {
                    channel.close();
                }
            } finally {
                if (permit != null) {
                    permit.release();
                }
            }
        }
    }

    private Path fileOf(String key) {
        return directory.resolve(Hashing.requireKey(key) + ".lock");
    }

    private static Semaphore permitOf(Path file) {
        return IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
    }
}
