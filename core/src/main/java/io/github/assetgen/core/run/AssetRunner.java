package io.github.assetgen.core.run;

import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.api.BuildLog;
import io.github.assetgen.core.api.Durations;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.EntryMetadata;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.JournalEntry;
import io.github.assetgen.core.store.CachedFile;
import io.github.assetgen.core.store.KeyLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs the restore, resume and generate actions of a plan, in parallel up to each provider's jobs
 * in flight. One asset's failure never stops the others. The journal is written before every
 * create request, so a build killed at any moment never pays twice: the next build resumes.
 * Thread-safe for one {@link #run} at a time.
 */
public final class AssetRunner {

    /** A journal job whose "id" is a result URL the provider already answered with. */
    static final String RESULT_URL = "result-url";

    /**
     * How often an answered 502/503/504 to a create request (or a failed download) is retried before
     * the asset fails. A rate limit (429, MiniMax 1002) is not counted: it means the account's slots
     * are busy with this build's other jobs, so it is waited out until the asset's timeout.
     */
    private static final int MAX_CREATE_ATTEMPTS = 6;

    private final Map<String, ProviderClient> clients;
    private final Map<String, ProviderSettings> settings;
    private final AssetCache cache;
    private final Journal journal;
    private final KeyLock locks;
    private final OutputPlacer placer;
    private final Path stagingDirectory;
    private final Duration assetTimeout;
    private final boolean force;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;
    private final BuildLog log;
    private final ProviderGates gates;
    /** Jobs submitted and not yet stored, by asset id: what a Ctrl-C leaves behind. */
    private final Map<String, List<JobRef>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param clients one client per provider name that appears in the plan
     * @param stagingDirectory where downloads land before they enter the cache (same file system
     *     as the cache, so the move is atomic)
     * @param force regenerate even when another build cached the key meanwhile
     */
    public AssetRunner(Map<String, ProviderClient> clients, Map<String, ProviderSettings> settings, AssetCache cache,
            Journal journal, KeyLock locks, Path outputDirectory, Path stagingDirectory, Duration assetTimeout,
            boolean force, Clock clock, Sleeper sleeper, Random random, BuildLog log) {
        this.clients = Map.copyOf(clients);
        this.settings = Map.copyOf(settings);
        this.cache = cache;
        this.journal = journal;
        this.locks = locks;
        this.placer = new OutputPlacer(outputDirectory);
        this.stagingDirectory = stagingDirectory;
        this.assetTimeout = assetTimeout;
        this.force = force;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.log = log;
        this.gates = new ProviderGates(settings.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().maxJobs())));
    }

    /**
     * Runs every RESTORE, RESUME and GENERATE asset, and every BLOCKED one that {@link
     * PlannedAsset#awaitsAnAnswer() awaits an answer}; other actions are the caller's.
     */
    public List<AssetResult> run(List<PlannedAsset> work) throws InterruptedException {
        if (work.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(64, work.size()));
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "assetgen-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Thread reporter = new Thread(this::reportInFlight, "assetgen-shutdown");
        Runtime.getRuntime().addShutdownHook(reporter);
        try {
            List<Future<AssetResult>> futures = new ArrayList<>();
            for (PlannedAsset asset : work) {
                futures.add(pool.submit(() -> runOne(asset)));
            }
            List<AssetResult> results = new ArrayList<>();
            for (Future<AssetResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    // runOne catches everything it expects; this is a bug, kept visible
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

    private void reportInFlight() {
        if (inFlight.isEmpty()) {
            return;
        }
        // Maven's logger may already be gone during shutdown: stderr is what is left
        StringBuilder text = new StringBuilder("[assetgen] Build stopped with ")
                .append(inFlight.size()).append(" asset(s) in flight:\n");
        inFlight.forEach((id, jobs) -> text.append("[assetgen]   ").append(id).append(": ")
                .append(jobs.isEmpty() ? "create request sent, no answer yet"
                        : jobs.stream().map(JobRef::id).collect(Collectors.joining(", ")))
                .append('\n'));
        text.append("[assetgen] They are recorded in the journal; the next build resumes them without paying again.");
        System.err.println(text);
    }

    private AssetResult runOne(PlannedAsset asset) {
        Instant start = clock.instant();
        List<JobRef> jobs = new ArrayList<>();
        try {
            if (asset.action() == Action.RESTORE) {
                return restore(asset, start, AssetStatus.RESTORED);
            }
            if (asset.action() == Action.RESUME || asset.action() == Action.GENERATE || asset.awaitsAnAnswer()) {
                // an unanswered submission is decided under the key's lock: see produce
                return produce(asset, start, jobs);
            }
            throw new IllegalArgumentException("the runner does not handle " + asset.action());
        } catch (AssetFailure failure) {
            log.error("[" + asset.id() + "] " + failure.getMessage());
            return new AssetResult(asset, AssetStatus.FAILED, List.of(), ids(jobs), since(start), failure.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AssetResult(asset, AssetStatus.FAILED, List.of(), ids(jobs), since(start),
                    "interrupted; any submitted job is recorded and the next build resumes it");
        } catch (IOException | UncheckedIOException e) {
            String message = "I/O error: " + e.getMessage();
            log.error("[" + asset.id() + "] " + message);
            return new AssetResult(asset, AssetStatus.FAILED, List.of(), ids(jobs), since(start), message);
        } finally {
            inFlight.remove(asset.id());
        }
    }

    private AssetResult restore(PlannedAsset asset, Instant start, AssetStatus status)
            throws AssetFailure, IOException, InterruptedException {
        CacheEntry entry = cache.find(asset.key())
                .orElseThrow(() -> new AssetFailure("the cache entry " + asset.key() + " vanished or is corrupt;"
                        + " run the build again to generate it"));
        closeJobOfCachedAsset(asset);
        return placeAll(asset, entry, status, start, null);
    }

    /**
     * A build killed between storing a result and closing its journal entry leaves the entry open.
     * The cache holds the work, so the job is done; left open it would make a later forced build
     * collect the old job instead of generating anew. Closed under the key's lock so a forced build
     * submitting this key right now keeps its own entry.
     */
    private void closeJobOfCachedAsset(PlannedAsset asset) throws IOException, InterruptedException {
        if (journal.find(asset.key()).isEmpty()) {
            return;
        }
        Optional<KeyLock.Handle> lock = locks.acquire(asset.key(), Duration.ZERO);
        if (lock.isPresent()) {
            try (KeyLock.Handle held = lock.get()) {
                if (cache.find(asset.key()).isPresent()) {
                    journal.close(asset.key());
                    log.debug("[" + asset.id() + "] closed the job an interrupted build left open; its result is"
                            + " in the cache");
                }
            }
        }
    }

    private AssetResult placeAll(PlannedAsset asset, CacheEntry entry, AssetStatus status, Instant start,
            String note) throws IOException, AssetFailure {
        List<String> outputs = asset.request().outputs();
        List<CachedFile> files = entry.files();
        if (files.size() < outputs.size()) {
            throw new AssetFailure("the cache entry holds " + files.size() + " file(s) but " + outputs.size()
                    + " are expected");
        }
        List<OutputFile> written = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            OutputFile placed = placer.place(files.get(i).path(), files.get(i).format(), outputs.get(i));
            if (!placed.relativePath().equals(outputs.get(i))) {
                log.warn("[" + asset.id() + "] the provider returned " + placed.format() + ", written as "
                        + placed.relativePath() + " so that the extension matches the content");
            }
            written.add(placed);
        }
        return new AssetResult(asset, status, written, entry.jobIds(), since(start), note);
    }

    private AssetResult produce(PlannedAsset asset, Instant start, List<JobRef> jobs)
            throws AssetFailure, IOException, InterruptedException {
        AssetRequest request = asset.request();
        String key = asset.key();
        Instant deadline = start.plus(assetTimeout);
        // a second build (or module) after the same key waits here, then finds it cached
        Optional<KeyLock.Handle> lock = locks.acquire(key, assetTimeout);
        if (lock.isEmpty()) {
            throw new AssetFailure("another build held the lock on this asset for longer than the timeout ("
                    + Durations.format(assetTimeout) + "); run again when it has finished");
        }
        try (KeyLock.Handle held = lock.get()) {
            if (!force || asset.action() == Action.RESUME) {
                Optional<CacheEntry> cached = cache.find(key);
                if (cached.isPresent()) {
                    log.info("[" + asset.id() + "] made by another build meanwhile; restoring it from the cache");
                    journal.close(key);
                    return placeAll(asset, cached.get(), AssetStatus.RESTORED, start, null);
                }
            }
            ProviderClient client = clientFor(request.provider());
            String provider = request.provider();
            Optional<JournalEntry> open = journal.find(key);
            gates.enter(provider);
            try {
                List<ResultLocation> results;
                if (open.isPresent() && !open.get().jobs().isEmpty()) {
                    jobs.addAll(open.get().jobs());
                    inFlight.put(asset.id(), List.copyOf(jobs));
                    log.info("[" + asset.id() + "] resuming " + describe(jobs) + " submitted by an earlier build");
                    results = collect(asset, client, jobs, deadline);
                } else {
                    if (open.isEmpty() && asset.awaitsAnAnswer()) {
                        // the build that sent it gave up without a job (rejected, stopped); this plan did
                        // not budget for a new create, so none is sent
                        throw new AssetFailure("another build was generating this asset and did not finish it;"
                                + " nothing was sent, run the build again");
                    }
                    if (open.isPresent()) {
                        if (!force) {
                            throw new AssetFailure(maybePaidMessage(request.id(),
                                    "an earlier build sent its create request and lost the answer"));
                        }
                        log.warn("[" + request.id() + "] force: sending the create request again although an"
                                + " earlier one may have been paid for");
                        journal.close(key);
                    }
                    SubmitResult submitted = submit(asset, client, deadline);
                    jobs.addAll(submitted.jobs());
                    results = submitted.isComplete() ? submitted.immediateResults()
                            : collect(asset, client, jobs, deadline);
                }
                CacheEntry entry = store(asset, client, jobs, results, deadline);
                journal.close(key);
                AssetResult result = placeAll(asset, entry, AssetStatus.GENERATED, start, null);
                log.info("[" + asset.id() + "] generated " + result.files().stream()
                        .map(OutputFile::relativePath).collect(Collectors.joining(", ")) + " ("
                        + asset.cost().format() + ", " + since(start).toSeconds() + " s)");
                return result;
            } finally {
                gates.leave(provider);
            }
        }
    }

    private ProviderClient clientFor(String provider) throws AssetFailure {
        ProviderClient client = clients.get(provider);
        if (client == null) {
            throw new AssetFailure("no client is configured for provider '" + provider + "'");
        }
        return client;
    }

    /** Sends the create request, writing the journal first; answered 429/5xx are retried. */
    private SubmitResult submit(PlannedAsset asset, ProviderClient client, Instant deadline)
            throws AssetFailure, InterruptedException, IOException {
        AssetRequest request = asset.request();
        String provider = request.provider();
        for (int attempt = 1; ; attempt++) {
            String stopped = gates.stopReason(provider);
            if (stopped != null) {
                throw new AssetFailure("not sent: " + provider + " was stopped earlier in this build: " + stopped);
            }
            journal.begin(asset.key(), provider, request.id(), request.model());
            inFlight.put(request.id(), List.of());
            SubmitResult submitted;
            try {
                log.debug("[" + request.id() + "] sending create request to " + provider + " (attempt " + attempt + ")");
                submitted = client.submit(request);
            } catch (ProviderException e) {
                switch (e.kind()) {
                    case MAYBE_SUBMITTED -> {
                        // the journal entry stays "submitting": the next build will not pay again blindly
                        throw new AssetFailure(maybePaidMessage(request.id(), e.getMessage()), e);
                    }
                    case PROVIDER_STOP -> {
                        journal.close(asset.key());
                        gates.stop(provider, e.getMessage());
                        throw new AssetFailure(provider + " stopped taking work: " + e.getMessage(), e);
                    }
                    case REJECTED -> {
                        journal.close(asset.key());
                        throw new AssetFailure("rejected by " + provider + ": " + e.getMessage(), e);
                    }
                    default -> {
                        // answered 429/5xx: the provider did not take the job, so trying again is safe
                        journal.close(asset.key());
                        inFlight.remove(request.id());
                        Duration wait = delayFor(e, provider);
                        boolean attemptsLeft = e.kind() == ProviderException.Kind.RATE_LIMITED
                                || attempt < MAX_CREATE_ATTEMPTS;
                        if (!attemptsLeft || clock.instant().plus(wait).isAfter(deadline)) {
                            throw new AssetFailure(provider + " kept answering '" + e.getMessage() + "' after "
                                    + attempt + " attempt(s); nothing was created, run the build again later", e);
                        }
                        log.info("[" + request.id() + "] " + provider + " is busy (" + e.getMessage() + "); waiting "
                                + wait.toSeconds() + " s");
                        sleeper.sleep(wait);
                        continue;
                    }
                }
            }
            journal.recordSubmitted(asset.key(), submittedRefs(provider, submitted));
            inFlight.put(request.id(), submitted.jobs());
            return submitted;
        }
    }

    /**
     * What the journal keeps of a submission. A synchronous answer's result URLs are kept too, as
     * jobs of kind {@code result-url}, so a build killed before the download can still collect them.
     */
    private static List<JobRef> submittedRefs(String provider, SubmitResult submitted) {
        List<JobRef> refs = new ArrayList<>(submitted.jobs());
        for (ResultLocation result : submitted.immediateResults()) {
            if (result.url() != null) {
                refs.add(new JobRef(provider, RESULT_URL, result.url()));
            }
        }
        return refs;
    }

    /** Polls every job until it ends, then returns their results in job order. */
    private List<ResultLocation> collect(PlannedAsset asset, ProviderClient client, List<JobRef> jobs,
            Instant deadline) throws AssetFailure, InterruptedException {
        ProviderSettings providerSettings = settings.get(asset.request().provider());
        List<ResultLocation> results = new ArrayList<>();
        boolean first = true;
        for (JobRef job : jobs) {
            if (RESULT_URL.equals(job.kind())) {
                results.add(ResultLocation.ofUrl(job.id()));
                continue;
            }
            if (first && providerSettings != null) {
                sleeper.sleep(providerSettings.firstPollDelay());
                first = false;
            }
            results.addAll(pollUntilDone(asset, client, job, providerSettings, deadline));
        }
        return results;
    }

    private List<ResultLocation> pollUntilDone(PlannedAsset asset, ProviderClient client, JobRef job,
            ProviderSettings providerSettings, Instant deadline) throws AssetFailure, InterruptedException {
        String id = asset.id();
        Duration interval = providerSettings == null ? Duration.ofSeconds(5) : providerSettings.pollInterval();
        String lastLabel = null;
        while (true) {
            Duration wait = interval;
            try {
                JobState state = client.poll(job);
                if (state instanceof JobState.Succeeded succeeded) {
                    return succeeded.results();
                }
                if (state instanceof JobState.Failed failed) {
                    // the job is over: nothing to resume, so the journal entry closes
                    journal.close(asset.key());
                    throw new AssetFailure((failed.moderated() ? "moderated by " : "failed at ")
                            + asset.request().provider() + ": " + failed.message());
                }
                JobState.Running running = (JobState.Running) state;
                if (running.label() != null && !running.label().equals(lastLabel)) {
                    log.debug("[" + id + "] " + job.id() + ": " + running.label()
                            + (running.percent() == null ? "" : " " + running.percent() + "%"));
                    lastLabel = running.label();
                }
            } catch (ProviderException e) {
                switch (e.kind()) {
                    case RATE_LIMITED, RETRYABLE -> wait = delayFor(e, asset.request().provider());
                    case PROVIDER_STOP -> {
                        gates.stop(asset.request().provider(), e.getMessage());
                        throw new AssetFailure("could not poll " + job.id() + ": " + e.getMessage()
                                + ". The job stays recorded; the next build resumes it.", e);
                    }
                    default -> throw new AssetFailure("could not poll " + job.id() + ": " + e.getMessage()
                            + ". The job stays recorded; the next build tries again.", e);
                }
            } catch (IOException e) {
                wait = interval;
            }
            if (clock.instant().plus(wait).isAfter(deadline)) {
                throw new AssetFailure("still running at " + asset.request().provider() + " after " + Durations.format(assetTimeout)
                        + " (job " + job.id() + "). It stays recorded; the next build resumes it without paying again"
                        + " (or raise -Dassetgen.timeout).");
            }
            sleeper.sleep(wait);
        }
    }

    /** Downloads every result into a staging folder and moves the set into the cache. */
    private CacheEntry store(PlannedAsset asset, ProviderClient client, List<JobRef> jobs,
            List<ResultLocation> results, Instant deadline) throws AssetFailure, IOException, InterruptedException {
        int expected = asset.request().expectedFiles();
        if (results.size() < expected) {
            journal.close(asset.key());
            throw new AssetFailure(asset.request().provider() + " returned " + results.size() + " file(s) where "
                    + expected + " were requested");
        }
        if (results.size() > expected) {
            log.warn("[" + asset.id() + "] " + asset.request().provider() + " returned " + results.size()
                    + " files; keeping the first " + expected);
        }
        Files.createDirectories(stagingDirectory);
        Path staging = Files.createTempDirectory(stagingDirectory,
                AtomicFiles.TEMP_PREFIX + asset.key().substring(0, 12) + "-");
        try {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                DownloadedFile file = download(asset, client, results.get(i), staging.resolve((i + 1) + ".download"),
                        deadline);
                files.add(file.path());
            }
            return cache.store(asset.key(), files, new EntryMetadata(asset.request().provider(),
                    asset.request().model(), asset.request().type(), asset.cost().format(),
                    jobs.stream().map(JobRef::id).toList()));
        } finally {
            deleteRecursively(staging);
        }
    }

    private DownloadedFile download(PlannedAsset asset, ProviderClient client, ResultLocation result, Path target,
            Instant deadline) throws AssetFailure, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.download(result, target);
            } catch (ProviderException e) {
                Duration wait = delayFor(e, asset.request().provider());
                boolean retryable = e.kind() == ProviderException.Kind.RETRYABLE
                        || e.kind() == ProviderException.Kind.RATE_LIMITED;
                if (!retryable || attempt >= MAX_CREATE_ATTEMPTS || clock.instant().plus(wait).isAfter(deadline)) {
                    throw new AssetFailure("could not download " + result + ": " + e.getMessage()
                            + ". The job stays recorded; the next build downloads it again.", e);
                }
                sleeper.sleep(wait);
            }
        }
    }

    /** The provider's own delay, else the configured base times 1 to 3 (10–30 s by default). */
    private Duration delayFor(ProviderException e, String provider) {
        if (e.retryAfter() != null) {
            return e.retryAfter();
        }
        ProviderSettings providerSettings = settings.get(provider);
        Duration base = providerSettings == null ? Duration.ofSeconds(10) : providerSettings.retryDelay();
        double factor = e.kind() == ProviderException.Kind.RATE_LIMITED ? 1 + 2 * random.nextDouble()
                : 1 + random.nextDouble();
        return Duration.ofMillis((long) (base.toMillis() * factor));
    }

    static String maybePaidMessage(String id, String cause) {
        return "the create request may have reached the provider but no answer came back (" + cause + "). It may"
                + " already be paid for, so it is not sent again automatically. Check the provider's dashboard; to"
                + " generate it again on purpose run with -Dassetgen.force=true -Dassetgen.only=" + id;
    }

    private static List<String> ids(List<JobRef> jobs) {
        return jobs.stream().map(JobRef::id).toList();
    }

    private static String describe(List<JobRef> jobs) {
        return jobs.size() == 1 ? "job " + jobs.get(0).id() : jobs.size() + " jobs";
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }

    private static void deleteRecursively(Path dir) {
        try {
            AtomicFiles.deleteRecursively(dir);
        } catch (IOException ignored) {
            // a leftover staging folder is harmless: it is not a cache entry and is cleaned later
        }
    }
}
