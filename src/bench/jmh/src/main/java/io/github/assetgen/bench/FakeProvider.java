package io.github.assetgen.bench;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.request.AssetRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.imageio.ImageIO;

/**
 * A provider in memory: every job takes exactly {@code latencyNanos} from its create request, and
 * every result is the same small PNG; optionally a running job reports a steadily rising percent.
 * Counts what the runner asks, to check it against the limits: jobs running at once, polls per job,
 * and how soon a finished job's slot is used again.
 */
final class FakeProvider implements ProviderClient {

    static final String NAME = "fake";

    private final long latencyNanos;
    private final boolean reportsPercent;
    private final byte[] png = png();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final LongAdder downloads = new LongAdder();
    /** When each create arrived and when each job was seen done, nanoTime. */
    private final List<Long> submits = Collections.synchronizedList(new ArrayList<>());

    private final List<Long> doneSeen = Collections.synchronizedList(new ArrayList<>());

    FakeProvider(long latencyNanos) {
        this(latencyNanos, false);
    }

    /**
     * @param reportsPercent whether a running job tells how far it is, rising steadily from 0 at its
     *     create to 100 at its end, as useapi's {@code percent} does; otherwise only a status word
     */
    FakeProvider(long latencyNanos, boolean reportsPercent) {
        this.latencyNanos = latencyNanos;
        this.reportsPercent = reportsPercent;
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SubmitResult submit(AssetRequest request) {
        long now = System.nanoTime();
        String id = "job-" + ids.incrementAndGet();
        started.put(id, now);
        polls.put(id, new AtomicInteger());
        submits.add(now);
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        return SubmitResult.ofJobs(List.of(new JobRef(NAME, "image", id)));
    }

    @Override
    public JobState poll(JobRef job) {
        long now = System.nanoTime();
        polls.get(job.id()).incrementAndGet();
        long elapsed = now - started.get(job.id());
        if (elapsed < latencyNanos) {
            return new JobState.Running("running", reportsPercent ? (int) (100 * elapsed / latencyNanos) : null);
        }
        if (started.remove(job.id()) != null) {
            running.decrementAndGet();
            doneSeen.add(now);
        }
        return new JobState.Succeeded(List.of(ResultLocation.ofUrl("https://fake.invalid/" + job.id() + ".png")));
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target) {
        try {
            AtomicFiles.Copied written = AtomicFiles.write(target, png);
            downloads.increment();
            return new DownloadedFile(target, MediaFormat.PNG, written.size(), written.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long downloads() {
        return downloads.sum();
    }

    int mostRunningAtOnce() {
        return mostRunning.get();
    }

    int mostPollsPerJob() {
        return polls.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }

    double meanPollsPerJob() {
        return polls.values().stream().mapToInt(AtomicInteger::get).average().orElse(0);
    }

    /**
     * With {@code slots} slots, the create that took the slot of the k-th job seen done is create
     * k + slots: the longest time from a job seen done to the next create, in milliseconds.
     */
    double longestRefillMillis(int slots) {
        List<Long> sent = new ArrayList<>(submits);
        List<Long> done = new ArrayList<>(doneSeen);
        Collections.sort(sent);
        Collections.sort(done);
        long longest = 0;
        for (int k = 0; k + slots < sent.size() && k < done.size(); k++) {
            longest = Math.max(longest, sent.get(k + slots) - done.get(k));
        }
        return longest / 1e6;
    }
}
