package io.github.assetgen.bench;

import java.time.Duration;

/**
 * Issue #14, item 3: {@code n} jobs of latency L with C slots at a poll interval, against the
 * physical limit ceil(n / C) x L. Prints the ratio (goal: at most 1.10), the most polls of one job
 * (goal: at most L / interval + 2), the most jobs the provider saw at once (at most C) and the
 * longest time from a job seen done to the create that took its slot.
 *
 * <p>Arguments: n (40), slots (4), latency ms (2000), poll interval ms (200), runs (3).
 */
public final class ColdRun {

    private ColdRun() {}

    public static void main(String[] args) throws Exception {
        int n = arg(args, 0, 40);
        int slots = arg(args, 1, 4);
        Duration latency = Duration.ofMillis(arg(args, 2, 2000));
        Duration interval = Duration.ofMillis(arg(args, 3, 200));
        int runs = arg(args, 4, 3);
        double ideal = WholeRun.idealNanos(n, slots, latency);
        double[] ratios = new double[runs];
        for (int r = 0; r < runs; r++) {
            WholeRun.Outcome outcome = WholeRun.run(n, slots, latency, interval);
            FakeProvider fake = outcome.provider();
            ratios[r] = outcome.wallNanos() / ideal;
            System.out.printf(
                    "cold %d: %d slots, latency %d ms, poll every %d ms: %.2f s (limit %.2f s), ratio %.3f;"
                            + " polls per job: most %d (bound %d), mean %.1f; at once: %d; longest refill %.1f ms;"
                            + " failed %d%n",
                    n,
                    slots,
                    latency.toMillis(),
                    interval.toMillis(),
                    outcome.wallNanos() / 1e9,
                    ideal / 1e9,
                    ratios[r],
                    fake.mostPollsPerJob(),
                    latency.toMillis() / interval.toMillis() + 2,
                    fake.meanPollsPerJob(),
                    fake.mostRunningAtOnce(),
                    fake.longestRefillMillis(slots),
                    outcome.failed());
        }
        java.util.Arrays.sort(ratios);
        System.out.printf(
                "cold %d at the limit: median ratio %.3f of %d runs (goal <= 1.10)%n", n, ratios[runs / 2], runs);
    }

    static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
