package io.github.assetgen.core.run;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.request.AssetRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * A provider that answers from a script: per asset id, what submit throws before it succeeds, how
 * many polls stay running and how the job ends. Counts every call and the most jobs in flight at
 * the provider: from the create request to the poll that says the job is over.
 */
final class ScriptedClient implements ProviderClient {

    final AtomicInteger submits = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger downloads = new AtomicInteger();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();
    final List<String> submittedIds = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<AssetRequest> submitted = java.util.Collections.synchronizedList(new ArrayList<>());

    private final String name;
    private final Map<String, Deque<ProviderException>> submitFailures = new ConcurrentHashMap<>();
    private final Map<String, JobState> endings = new ConcurrentHashMap<>();
    private final Map<String, JobState> jobEndings = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runningPolls = new ConcurrentHashMap<>();
    private volatile int pollsBeforeDone = 1;
    private volatile java.util.function.IntFunction<Integer> percents = seen -> 50;
    private volatile Function<JobRef, ProviderException> pollFailure = job -> null;
    private final Map<String, Throwable> downloadCrashes = new ConcurrentHashMap<>();
    private volatile String resultQuery = "";
    private volatile Consumer<ResultLocation> onDownload = result -> {};

    ScriptedClient(String name) {
        this.name = name;
    }

    ScriptedClient failSubmit(String assetId, ProviderException... failures) {
        submitFailures.computeIfAbsent(assetId, id -> new ArrayDeque<>()).addAll(List.of(failures));
        return this;
    }

    ScriptedClient endWith(String assetId, JobState ending) {
        endings.put(assetId, ending);
        return this;
    }

    /** How one job of a batch ends (its id ends in {@code -<n>}), before the asset's own ending. */
    ScriptedClient endJobWith(String assetId, int n, JobState ending) {
        jobEndings.put("user:1-minimax:acct-image:" + assetId + "-" + n, ending);
        return this;
    }

    /** Result URLs end with {@code query}, as a CDN's signed URLs do. */
    ScriptedClient resultQuery(String query) {
        this.resultQuery = query;
        return this;
    }

    /** The download of {@code assetId}'s result throws {@code crash} (an Error, RuntimeException or ProviderException). */
    ScriptedClient crashDownload(String assetId, Throwable crash) {
        downloadCrashes.put(assetId, crash);
        return this;
    }

    /** Runs {@code hook} at the start of every download, on the downloading thread. */
    ScriptedClient onDownload(Consumer<ResultLocation> hook) {
        this.onDownload = hook;
        return this;
    }

    ScriptedClient pollsBeforeDone(int polls) {
        this.pollsBeforeDone = polls;
        return this;
    }

    /** The percent a running job reports at its {@code n}-th poll (from 1); 50 unless set. */
    ScriptedClient percents(java.util.function.IntFunction<Integer> percentAtPoll) {
        this.percents = percentAtPoll;
        return this;
    }

    ScriptedClient failPolls(Function<JobRef, ProviderException> failure) {
        this.pollFailure = failure;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SubmitResult submit(AssetRequest request) throws ProviderException {
        submits.incrementAndGet();
        Deque<ProviderException> failures = submitFailures.get(request.id());
        if (failures != null && !failures.isEmpty()) {
            throw failures.poll();
        }
        submittedIds.add(request.id());
        submitted.add(request);
        List<JobRef> jobs = new ArrayList<>();
        for (int i = 1; i <= request.expectedFiles(); i++) {
            jobs.add(new JobRef(name, "image", "user:1-minimax:acct-image:" + request.id() + "-" + i));
        }
        maxActive.accumulateAndGet(active.addAndGet(jobs.size()), Math::max);
        return SubmitResult.ofJobs(jobs);
    }

    @Override
    public JobState poll(JobRef job) throws ProviderException {
        polls.incrementAndGet();
        ProviderException failure = pollFailure.apply(job);
        if (failure != null) {
            throw failure;
        }
        String assetId =
                job.id().substring(job.id().lastIndexOf(':') + 1, job.id().lastIndexOf('-'));
        int seen = runningPolls
                .computeIfAbsent(job.id(), id -> new AtomicInteger())
                .incrementAndGet();
        if (seen < pollsBeforeDone) {
            return new JobState.Running("processing", percents.apply(seen));
        }
        JobState ending = jobEndings.getOrDefault(job.id(), endings.get(assetId));
        if (seen == pollsBeforeDone) {
            // the job is over at the provider: what comes next (a download) holds no job there
            active.decrementAndGet();
        }
        if (ending != null) {
            return ending;
        }
        return new JobState.Succeeded(List.of(ResultLocation.ofUrl("https://cdn.example/" + job.id() + resultQuery)));
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
        downloads.incrementAndGet();
        onDownload.accept(result);
        for (Map.Entry<String, Throwable> crash : downloadCrashes.entrySet()) {
            if (result.url().contains(":" + crash.getKey() + "-")) {
                if (crash.getValue() instanceof Error error) {
                    throw error;
                }
                if (crash.getValue() instanceof ProviderException refused) {
                    throw refused;
                }
                throw (RuntimeException) crash.getValue();
            }
        }
        byte[] png = png(result.url().hashCode());
        try {
            Files.write(target, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DownloadedFile(
                target, MediaFormat.PNG, png.length, HexFormat.of().formatHex(new byte[32]));
    }

    static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, seed & 0xffffff);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
