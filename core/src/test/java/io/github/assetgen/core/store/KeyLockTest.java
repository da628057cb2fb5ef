package io.github.assetgen.core.store;

import static io.github.assetgen.core.store.StoreFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLockTest {

    private static final String KEY = key("hero");

    @TempDir
    Path cacheDir;

    @Test
    void aHeldKeyCannotBeTakenAgainUntilReleased() throws IOException {
        KeyLock locks = KeyLock.withDirectory(cacheDir);
        KeyLock sameDirOtherInstance = KeyLock.withDirectory(cacheDir);

        try (KeyLock.Handle held = locks.tryAcquire(KEY).orElseThrow()) {
            assertThat(held.key()).isEqualTo(KEY);
            assertThat(locks.tryAcquire(KEY)).isEmpty();
            assertThat(sameDirOtherInstance.tryAcquire(KEY)).isEmpty();
            try (KeyLock.Handle other = locks.tryAcquire(key("intro")).orElseThrow()) {
                assertThat(other.key()).isEqualTo(key("intro"));
            }
        }
        try (KeyLock.Handle again = sameDirOtherInstance.tryAcquire(KEY).orElseThrow()) {
            assertThat(again.key()).isEqualTo(KEY);
        }
    }

    @Test
    void acquireGivesUpAfterTheTimeoutAndSucceedsOnceReleased() throws Exception {
        KeyLock locks = KeyLock.withDirectory(cacheDir);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            KeyLock.Handle held = locks.tryAcquire(KEY).orElseThrow();

            assertThat(other.submit(() -> locks.acquire(KEY, Duration.ofMillis(100)))
                            .get())
                    .isEmpty();

            Future<Optional<KeyLock.Handle>> waiting = other.submit(() -> locks.acquire(KEY, Duration.ofSeconds(10)));
            Thread.sleep(100);
            assertThat(waiting).isNotDone();
            held.close();
            Optional<KeyLock.Handle> got = waiting.get(10, TimeUnit.SECONDS);
            assertThat(got).isPresent();
            got.get().close();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void manyThreadsNeverHoldTheSameKeyAtOnce() throws Exception {
        int threads = 6;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        try (KeyLock.Handle h = KeyLock.withDirectory(cacheDir)
                                .acquire(KEY, Duration.ofSeconds(30))
                                .orElseThrow()) {
                            assertThat(h.key()).isEqualTo(KEY);
                            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.sleep(1);
                            inside.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(mostInside.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherProcessCannotTakeAKeyThisProcessHolds() throws Exception {
        try (KeyLock.Handle held =
                KeyLock.withDirectory(cacheDir).tryAcquire(KEY).orElseThrow()) {
            Process child = startChild();
            try {
                assertThat(firstLine(child)).isEqualTo("BUSY");
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(held.key()).isEqualTo(KEY);
        }
    }

    @Test
    void aKeyHeldByAnotherProcessIsFreedWhenThatProcessIsKilled() throws Exception {
        KeyLock locks = KeyLock.withDirectory(cacheDir);
        Process child = startChild();
        try {
            assertThat(firstLine(child)).isEqualTo("LOCKED");
            assertThat(locks.tryAcquire(KEY)).isEmpty();
            assertThat(locks.acquire(KEY, Duration.ofMillis(100))).isEmpty();

            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Optional<KeyLock.Handle> got = locks.acquire(KEY, Duration.ofSeconds(10));
            assertThat(got).isPresent();
            got.get().close();
        } finally {
            child.destroyForcibly();
        }
    }

    private Process startChild() throws Exception {
        // Only the two class directories are needed: KeyLock depends on the JDK alone.
        String classpath = location(KeyLockChild.class) + File.pathSeparator + location(KeyLock.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classpath,
                        KeyLockChild.class.getName(),
                        cacheDir.toString(),
                        KEY)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private static String firstLine(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        return out.readLine();
    }
}
