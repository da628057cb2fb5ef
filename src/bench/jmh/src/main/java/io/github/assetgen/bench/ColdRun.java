package io.github.assetgen.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * Issue #14, item 3: {@code n} jobs of latency L with C slots at a poll interval, against the
 * physical limit ceil(n / C) x L. Prints the ratio (goal: at most 1.10), the most polls of one job
 * (goal: at most L / interval + 2), the most jobs the provider saw at once (at most C) and the
 * longest time from a job seen done to the create that took its slot.
 *
 * <p>Arguments: n (40), slots (4), latency ms (2000), poll interval ms (200), runs (3). With
 * {@code progress} first, each run is made twice, alternating: once with a fake that reports only a
 * status word, once with one whose percent rises steadily to 100 at the job's end; the medians of
 * both are printed side by side (same machine, same minutes).
 */
public final class ColdRun {

    private ColdRun() {}

    public static void main(String[] args) throws Exception {
        boolean progress = args.length > 0 && args[0].equals("progress");
        if (progress) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        int n = arg(args, 0, 40);
        int slots = arg(args, 1, 4);
        Duration latency = Duration.ofMillis(arg(args, 2, 2000));
        Duration interval = Duration.ofMillis(arg(args, 3, 200));
        int runs = arg(args, 4, 3);
        boolean[] variants = progress ? new boolean[] {false, true} : new boolean[] {false};
        double[][] ratios = new double[variants.length][runs];
        double[][] meanPolls = new double[variants.length][runs];
        // a short run of each first, so no timed run pays for the JIT's start
        for (boolean variant : variants) {
            WholeRun.run(Math.min(n, 2 * slots), slots, latency, interval, variant, fake -> {});
        }
        for (int r = 0; r < runs; r++) {
            for (int step = 0; step < variants.length; step++) {
                // alternate which goes first, so neither always runs right after the other
                int v = (step + r) % variants.length;
                WholeRun.Outcome outcome = WholeRun.run(n, slots, latency, interval, variants[v], fake -> {});
                requireNoneFailed(outcome);
                FakeProvider fake = outcome.provider();
                double ideal = WholeRun.idealNanos(n, slots, latency);
                ratios[v][r] = outcome.wallNanos() / ideal;
                meanPolls[v][r] = fake.meanPollsPerJob();
                System.out.printf(
                        "%s %d: %d slots, latency %d ms, poll every %d ms: %.2f s (limit %.2f s), ratio %.3f;"
                                + " polls per job: most %d (bound %d), mean %.1f; at once: %d;"
                                + " longest refill %.1f ms; failed %d%n",
                        label(variants[v]),
                        n,
                        slots,
                        latency.toMillis(),
                        interval.toMillis(),
                        outcome.wallNanos() / 1e9,
                        ideal / 1e9,
                        ratios[v][r],
                        fake.mostPollsPerJob(),
                        latency.toMillis() / interval.toMillis() + 2,
                        meanPolls[v][r],
                        fake.mostRunningAtOnce(),
                        fake.longestRefillMillis(slots),
                        outcome.failed());
            }
        }
        for (int v = 0; v < variants.length; v++) {
            System.out.printf(
                    "%s %d at the limit: median ratio %.3f of %d runs (goal <= 1.10), median polls per job %.1f%n",
                    label(variants[v]), n, median(ratios[v]), runs, median(meanPolls[v]));
        }
    }

    /** A run in which assets failed ends sooner and would flatter the ratio: it stops the benchmark. */
    static void requireNoneFailed(WholeRun.Outcome outcome) {
        if (outcome.failed() > 0) {
            throw new IllegalStateException(outcome.failed() + " asset(s) failed: the run is not a measurement");
        }
    }

    private static String label(boolean progress) {
        return progress ? "cold-progress" : "cold";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
