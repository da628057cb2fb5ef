package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The threads of one {@link AssetRunner#run}: one task per asset (up to 64 threads, daemons so a
 * stuck call never keeps the JVM alive), and a shutdown hook for the while they run, so a Ctrl-C
 * prints the jobs in flight.
 */
final class RunPool {

    private RunPool() {}

    /**
     * Runs {@code task} on every asset and gathers its results sorted by id; a null result (an
     * asset only shared) is left out.
     *
     * @param onShutdown what the JVM runs if it is shut down meanwhile
     */
    static List<AssetResult> runAll(
            List<PlannedAsset> work, Function<PlannedAsset, AssetResult> task, Runnable onShutdown)
            throws InterruptedException {
        int threads = Math.max(1, Math.min(64, work.size()));
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "assetgen-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Thread reporter = new Thread(onShutdown, "assetgen-shutdown");
        Runtime.getRuntime().addShutdownHook(reporter);
        try {
            List<Future<AssetResult>> futures = new ArrayList<>();
            for (PlannedAsset asset : work) {
                futures.add(pool.submit(() -> task.apply(asset)));
            }
            List<AssetResult> results = new ArrayList<>();
            for (Future<AssetResult> future : futures) {
                try {
                    AssetResult result = future.get();
                    if (result != null) {
                        results.add(result);
                    }
                } catch (ExecutionException e) {
                    // the task catches everything it expects; this is a bug, kept visible
                    throw new IllegalStateException("asset task failed unexpectedly", e.getCause());
                }
            }
            results.sort(Comparator.comparing(AssetResult::id));
            return results;
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(reporter);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing to undo
            }
        }
    }
}
