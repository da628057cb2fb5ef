package io.github.assetgen.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue #14, item 4: {@code n} new assets against a fake of short latency with many slots, cold.
 * Prints the ratio to the ideal ceil(n / C) x L (goal: at most 1.2), the heap in use after a
 * collection at each tenth of the run (flat: it does not grow with the assets done, beyond their
 * results) and the most threads alive.
 *
 * <p>Arguments: n (10000), slots (32), latency ms (500), poll interval ms (100), runs (1; with more,
 * the median ratio is printed too).
 */
public final class ScaleRun {

    private ScaleRun() {}

    public static void main(String[] args) throws Exception {
        int n = ColdRun.arg(args, 0, 10_000);
        int slots = ColdRun.arg(args, 1, 32);
        Duration latency = Duration.ofMillis(ColdRun.arg(args, 2, 500));
        Duration interval = Duration.ofMillis(ColdRun.arg(args, 3, 100));
        int runs = ColdRun.arg(args, 4, 1);
        // a short run first, so the long one is not timed while the JIT compiles
        WholeRun.run(Math.min(n, 20 * slots), slots, latency, interval);
        double[] ratios = new double[runs];
        for (int r = 0; r < runs; r++) {
            ratios[r] = timed(n, slots, latency, interval);
        }
        Arrays.sort(ratios);
        if (runs > 1) {
            System.out.printf(
                    "scale %d: median ratio %.3f of %d runs (goal <= 1.2): %s%n",
                    n, ratios[runs / 2], runs, Arrays.toString(ratios));
        }
    }

    /** One run: prints its figures and returns its ratio to the ideal. */
    private static double timed(int n, int slots, Duration latency, Duration interval) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<String> heap = new ArrayList<>();
        int[] nextTenth = {1};
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        WholeRun.Outcome outcome = WholeRun.run(n, slots, latency, interval, fake -> {
            if (fake.downloads() * 10 >= (long) nextTenth[0] * n) {
                memory.gc();
                heap.add(nextTenth[0] * 10 + "%: " + memory.getHeapMemoryUsage().getUsed() / (1 << 20) + " MiB");
                nextTenth[0]++;
            }
        });
        ColdRun.requireNoneFailed(outcome);
        double ideal = WholeRun.idealNanos(n, slots, latency);
        System.out.printf(
                "scale %d: %d slots, latency %d ms, poll every %d ms: %.1f s (ideal %.1f s), ratio %.3f (goal <= 1.2);"
                        + " at once: %d; polls per job: most %d; threads at most %d; failed %d%n",
                n,
                slots,
                latency.toMillis(),
                interval.toMillis(),
                outcome.wallNanos() / 1e9,
                ideal / 1e9,
                outcome.wallNanos() / ideal,
                outcome.provider().mostRunningAtOnce(),
                outcome.provider().mostPollsPerJob(),
                ManagementFactory.getThreadMXBean().getPeakThreadCount(),
                outcome.failed());
        System.out.println("heap in use after a collection, by assets done: " + String.join(", ", heap));
        return outcome.wallNanos() / ideal;
    }
}
