package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.CallDeadline;
import io.github.assetgen.core.provider.http.Downloader;
import io.github.assetgen.core.provider.http.RetryPolicy;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.JournalEntry;
import io.github.assetgen.core.store.KeyLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs the restore, recover, resume and generate actions of a plan, in parallel up to each
 * provider's jobs in flight. One asset's failure never stops the others. The journal is written
 * before every create request, so a build killed at any moment never pays twice: the next build
 * resumes. Thread-safe for one {@link #run} at a time.
 *
 * <p>This class holds the order of the steps; {@link RunPool} holds the threads and the shutdown
 * hook, and each step is its own class: {@link RestoreStep}, {@link SubmitStep}, {@link PollStep},
 * {@link DownloadStep}, and for what was bought before, {@link RecoverStep} with {@link
 * SharedCacheStep} and {@link RecollectStep}. How long to wait after a failure is one {@link
 * RetryPolicy} per asset, which knows the asset's deadline.
 */
public final class AssetRunner {

    private final Map<String, ProviderClient> clients;
    private final Map<String, ProviderSettings> settings;
    private final Journal journal;
    private final KeyLock locks;
    private final Duration assetTimeout;
    private final boolean force;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;
    private final RunListener log;
    private final ProviderGates gates;
    private final RunProgress progress;
    /** Jobs submitted and not yet stored, by asset id: what a Ctrl-C leaves behind. */
    private final Map<String, List<JobRef>> inFlight = new ConcurrentHashMap<>();
    /** The keys this build regenerated because of force: each is bought once, however many assets share it. */
    private final Set<String> regenerated = ConcurrentHashMap.newKeySet();

    private final InFlightReport inFlightReport = new InFlightReport(inFlight, AssetRunner::shown);

    private final RestoreStep restore;
    private final OutputPlacer placer;
    private final SubmitStep submit;
    private final PollStep poll;
    private final DownloadStep download;
    private final SharedCacheStep shared;
    private final RecoverStep recover;

    /**
     * @param clients one client per provider name that appears in the plan, and per provider an
     *     asset may be re-collected from when its token is configured
     * @param stagingDirectory where downloads land before they enter the cache (same file system
     *     as the cache, so the move is atomic)
     * @param force regenerate even when another build cached the key meanwhile
     * @param random the jitter of retry delays
     * @param policy the shared cache, locked mode and how providers give results back
     */
    public AssetRunner(
            Map<String, ProviderClient> clients,
            Map<String, ProviderSettings> settings,
            AssetCache cache,
            Journal journal,
            KeyLock locks,
            Path outputDirectory,
            Path stagingDirectory,
            Duration assetTimeout,
            boolean force,
            Clock clock,
            Sleeper sleeper,
            Random random,
            RunListener log,
            RunPolicy policy) {
        this.clients = Map.copyOf(clients);
        this.settings = Map.copyOf(settings);
        this.journal = journal;
        this.locks = locks;
        this.assetTimeout = assetTimeout;
        this.force = force;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.log = log;
        this.gates = new ProviderGates(settings.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().maxJobs())));
        this.progress = new RunProgress(log, clock);
        this.placer = new OutputPlacer(outputDirectory);
        this.restore = new RestoreStep(cache, journal, locks, placer, clock, log);
        this.submit = new SubmitStep(
                journal,
                gates,
                inFlight,
                force,
                policy.locked(),
                sleeper,
                log,
                new ReconcileStep(this.settings, clock, sleeper, log));
        RefusedJobs refused = new RefusedJobs(journal, force);
        this.poll = new PollStep(this.settings, journal, gates, assetTimeout, sleeper, clock, log, progress, refused);
        this.download = new DownloadStep(cache, journal, stagingDirectory, sleeper, log, refused);
        this.shared = new SharedCacheStep(
                policy.sharedCache(), policy.save(), cache, restore, stagingDirectory, outputDirectory, log);
        this.recover = new RecoverStep(
                cache,
                restore,
                shared,
                new RecollectStep(this.clients, policy.recollections(), download, restore, clock, sleeper, log),
                log);
    }

    /**
     * Records the files an up-to-date asset keeps, so that an asset of this build whose file would
     * land on one of them fails instead of overwriting it. Call before {@link #run}.
     *
     * @param writtenPaths the kept files, relative to the output directory, as the lock lists them
     */
    public void keep(String assetId, List<String> writtenPaths) {
        writtenPaths.forEach(path -> placer.reserve(path, assetId));
    }

    /**
     * No create request goes to {@code provider} in this run, as after a refused create; jobs it
     * already has are still collected. For a token the provider refused before anything was sent.
     */
    public void stop(String provider, String reason) {
        gates.stop(provider, reason);
    }

    /**
     * Runs every RESTORE, RECOVER, RESUME and GENERATE asset, and every BLOCKED one that {@link
     * PlannedAsset#awaitsAnAnswer() awaits an answer}; other actions are the caller's. A KEEP asset
     * given here is only uploaded to a saving shared cache that lacks it, and has no result here.
     */
    public List<AssetResult> run(List<PlannedAsset> work) throws InterruptedException {
        if (work.isEmpty()) {
            return List.of();
        }
        return RunPool.runAll(work, this::runOne, inFlightReport::print);
    }

    private AssetResult runOne(PlannedAsset asset) {
        if (asset.action() == Action.KEEP) {
            shared.shareKept(asset);
            return null;
        }
        AssetResult result = attempt(asset);
        shared.share(asset, result);
        return result;
    }

    private AssetResult attempt(PlannedAsset asset) {
        Instant start = clock.instant();
        List<JobRef> jobs = new ArrayList<>();
        try {
            if (asset.action() == Action.RESTORE) {
                Optional<AssetResult> restored = restore.restore(asset, start);
                // vanished or failed verification: fetched back for free if it can be, never bought
                return restored.isPresent()
                        ? restored.get()
                        : CallDeadline.within(assetTimeout, () -> recover(asset, start));
            }
            if (asset.action() == Action.RECOVER) {
                // a re-collect calls the provider: it ends by the asset's deadline like a generation
                return CallDeadline.within(assetTimeout, () -> recover(asset, start));
            }
            if (asset.action() == Action.RESUME || asset.action() == Action.GENERATE || asset.awaitsAnAnswer()) {
                // an unanswered submission is decided under the key's lock: see produce. Every HTTP
                // call and wait inside the provider client ends by the asset's deadline.
                return CallDeadline.within(assetTimeout, () -> produce(asset, start, jobs));
            }
            throw new IllegalArgumentException("the runner does not handle " + asset.action());
        } catch (AssetFailure failure) {
            if (asset.action() == Action.GENERATE || asset.action() == Action.RESUME) {
                // the next plan says so before it buys the same request again
                journal.failures().record(asset.key(), asset.id(), failure.getMessage());
            }
            return failed(asset, jobs, start, failure.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(
                    asset,
                    jobs,
                    start,
                    "interrupted; any submitted job is recorded and the next build resumes it",
                    false);
        } catch (IOException | UncheckedIOException e) {
            return failed(asset, jobs, start, "I/O error: " + e.getMessage(), true);
        } catch (Exception | Error e) {
            // One bad answer fails one asset: a decoder's OutOfMemoryError or arithmetic on an absurd
            // header must not stop the other assets, nor keep the lock and reports from being written.
            String message = "unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage()))
                    + "; any submitted job is recorded and the next build resumes it";
            return failed(asset, jobs, start, message, true);
        } finally {
            inFlight.remove(asset.id());
        }
    }

    /**
     * The order of a generation, under the key's lock: the cache first (another build may have made it
     * meanwhile), then the open job's ids or a new create, the polls, the download, and only then the
     * journal entry closes.
     */
    private AssetResult produce(PlannedAsset asset, Instant start, List<JobRef> jobs)
            throws AssetFailure, IOException, InterruptedException {
        String key = asset.key();
        String provider = asset.request().provider();
        try (KeyLock.Handle held = holdKey(key)) {
            // force regenerates a key once per build: another asset of the same key restores that
            boolean regenerating = force && asset.action() == Action.GENERATE && !regenerated.contains(key);
            if (!regenerating) {
                // what this build bought anew replaces the lock's record: it is not held to the old hashes
                PlannedAsset restoring = regenerated.contains(key) ? asset.withoutRecord() : asset;
                Optional<AssetResult> madeMeanwhile = restore.restoreIfCachedMeanwhile(restoring, start);
                if (madeMeanwhile.isPresent()) {
                    return madeMeanwhile.get();
                }
            }
            if (!force && asset.action() == Action.GENERATE && shared.enabled()) {
                Optional<AssetResult> fromShared = shared.restoreNew(asset, start);
                if (fromShared.isPresent()) {
                    return fromShared.get();
                }
            }
            ProviderClient client = clientFor(provider);
            RetryPolicy retry =
                    RetryPolicy.forAsset(retryDelay(provider), random, clock, start.plus(assetTimeout), sleeper);
            Optional<JournalEntry> open = submit.collectable(asset, client, journal.find(key));
            gates.enter(provider);
            boolean holdingSlot = true;
            try {
                // a partial batch sends only its missing files, under the same key and journal entry
                PlannedAsset sending = asset.sending();
                PollStep.Collected collected;
                if (open.isPresent() && !open.get().jobs().isEmpty()) {
                    jobs.addAll(open.get().jobs());
                    inFlight.put(asset.id(), List.copyOf(jobs));
                    progress.resumed(asset, jobs);
                    collected = poll.collect(sending, client, jobs, retry);
                } else {
                    SubmitResult submitted = submit.submit(sending, client, open, retry);
                    jobs.addAll(submitted.jobs());
                    progress.submitted(sending, submitted.jobs());
                    collected = submitted.isComplete()
                            ? PollStep.Collected.of(submitted.immediateResults())
                            : poll.collect(sending, client, jobs, retry);
                }
                // the provider's jobs are over: the slot goes to the next asset now, not after the download
                gates.leave(provider);
                holdingSlot = false;
                DownloadStep.Stored stored =
                        download.store(asset, sending, client, jobs, collected.results(), retry, regenerating);
                if (regenerating && !stored.partial()) {
                    // a partial batch is kept under its own key: the complete entry under this one is still
                    // the old one, which another asset of the key must not take for this build's purchase
                    regenerated.add(key);
                }
                if (stored.partial()) {
                    // the paid files are safe in the cache: the jobs are collected, whatever placing them
                    // does; left open, the next build would poll them again and add their files twice
                    journal.close(key);
                    AssetResult partial = restore.placePartial(asset, stored, collected.failures(), start);
                    progress.partial(partial);
                    return partial;
                }
                // placed before the journal closes: files that fail their check leave the job to collect again
                AssetResult result = restore.placeGenerated(asset, stored.entry(), AssetStatus.GENERATED, start)
                        .withCost(stored.cost(), asset.action() == Action.GENERATE ? stored.spent() : Cost.free());
                journal.close(key);
                progress.generated(result);
                return result;
            } finally {
                if (holdingSlot) {
                    gates.leave(provider);
                }
            }
        }
    }

    /** The recover chain under the key's lock, so two builds after the same key fetch it once. */
    private AssetResult recover(PlannedAsset asset, Instant start)
            throws AssetFailure, IOException, InterruptedException {
        String provider = asset.request().provider();
        try (KeyLock.Handle held = holdKey(asset.key())) {
            RetryPolicy retry =
                    RetryPolicy.forAsset(retryDelay(provider), random, clock, start.plus(assetTimeout), sleeper);
            return recover.recover(asset, start, retry);
        }
    }

    /** The key's lock: a second build (or module) after the same key waits here, then finds it cached. */
    private KeyLock.Handle holdKey(String key) throws AssetFailure, IOException, InterruptedException {
        Optional<KeyLock.Handle> lock = locks.acquire(key, assetTimeout);
        if (lock.isEmpty()) {
            throw new AssetFailure("another build held the lock on this asset for longer than the timeout ("
                    + DurationText.of(assetTimeout) + "); run again when it has finished");
        }
        return lock.get();
    }

    private AssetResult failed(PlannedAsset asset, List<JobRef> jobs, Instant start, String message, boolean logged) {
        AssetResult result = new AssetResult(asset, AssetStatus.FAILED, List.of(), ids(jobs), since(start), message);
        if (logged) {
            progress.failed(asset, result.took(), result.spent(), message);
        }
        return result;
    }

    private ProviderClient clientFor(String provider) throws AssetFailure {
        ProviderClient client = clients.get(provider);
        if (client == null) {
            throw new AssetFailure("no client is configured for provider '" + provider + "'");
        }
        return client;
    }

    /** The provider's configured base delay for retries (10 s when it has no settings). */
    private Duration retryDelay(String provider) {
        ProviderSettings providerSettings = settings.get(provider);
        return providerSettings == null ? Duration.ofSeconds(10) : providerSettings.retryDelay();
    }

    private static List<String> ids(List<JobRef> jobs) {
        return jobs.stream().map(AssetRunner::shown).toList();
    }

    /** A job id as it may be logged: a result URL without its query (a signature). */
    static String shown(JobRef job) {
        return JournalRecorder.RESULT_URL.equals(job.kind()) ? Downloader.withoutQuery(job.id()) : job.id();
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
