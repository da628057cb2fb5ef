package io.github.assetgen.core.plan;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.CachedFile;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.LastFailures;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.OutputStamps;
import io.github.assetgen.core.store.PartialBatches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the planner may know, read from the lock, the outputs, the cache and the journal. Reads
 * only; cache and journal errors surface as {@link UncheckedIOException}.
 */
public final class DiskState implements AssetState {

    /**
     * Where a file asked for at {@code asked} ends up given its real format. The runner owns this rule
     * (it writes the files); the up-to-date check must agree with it, so it is handed in.
     */
    @FunctionalInterface
    public interface Placement {

        String placedPath(String asked, MediaFormat format);
    }

    private final LockFile lock;
    private final Path outputDirectory;
    private final AssetCache cache;
    private final Journal journal;
    private final Function<String, Duration> resultRetention;
    private final Placement placement;
    private final Clock clock;
    private final OutputStamps stamps;

    /** Like the full constructor, with no stamps: every output is hashed. */
    public DiskState(
            LockFile lock,
            Path outputDirectory,
            AssetCache cache,
            Journal journal,
            Function<String, Duration> resultRetention,
            Placement placement,
            Clock clock) {
        this(lock, outputDirectory, cache, journal, resultRetention, placement, clock, OutputStamps.none());
    }

    /**
     * @param resultRetention how long each provider (by name) keeps a job's results fetchable
     * @param placement the runner's rule for where an output file lands
     * @param stamps proof of outputs hashed by earlier builds, so an unchanged output is not read again
     */
    public DiskState(
            LockFile lock,
            Path outputDirectory,
            AssetCache cache,
            Journal journal,
            Function<String, Duration> resultRetention,
            Placement placement,
            Clock clock,
            OutputStamps stamps) {
        this.lock = lock;
        this.outputDirectory = outputDirectory;
        this.cache = cache;
        this.journal = journal;
        this.resultRetention = resultRetention;
        this.placement = placement;
        this.clock = clock;
        this.stamps = stamps;
    }

    @Override
    public boolean isUpToDate(AssetRequest request, String key) {
        Optional<LockFile.Entry> entry = lock.find(request.id());
        try {
            return entry.isPresent()
                    && entry.get().key().equals(key)
                    && locksTheOutputsAskedFor(entry.get(), request)
                    && LockFile.upToDate(entry.get(), outputDirectory, stamps);
        } catch (IOException e) {
            // an unreadable output is not up to date; the restore will rewrite it
            return false;
        }
    }

    @Override
    public Optional<LockFile.Entry> recorded(AssetRequest request, String key) {
        Optional<LockFile.Entry> own =
                lock.find(request.id()).filter(entry -> entry.key().equals(key));
        // a key bought under another id is bought all the same: a renamed asset whose lock was not
        // rebuilt, or a second asset with the same request, must not be bought again on another machine
        return own.isPresent() ? own : lock.findByKey(key);
    }

    /**
     * The lock's entry for this id records another key: the previous request and files are read from
     * that key's cache entry, when it is still there.
     */
    @Override
    public Optional<Change> change(AssetRequest request, String key) {
        Optional<LockFile.Entry> entry = lock.find(request.id());
        if (entry.isEmpty() || entry.get().key().equals(key)) {
            return Optional.empty();
        }
        String previousKey = entry.get().key();
        try {
            Optional<CacheEntry> previous =
                    Hashing.isSha256Hex(previousKey) ? cache.find(previousKey) : Optional.empty();
            return Optional.of(Change.between(
                    previousKey,
                    previous.map(CacheEntry::request).orElse(null),
                    request,
                    previous.map(p -> p.files().stream().map(CachedFile::path).toList())
                            .orElse(List.of())));
        } catch (IOException e) {
            // the previous version is a courtesy: an unreadable cache only loses the detail
            return Optional.of(Change.between(previousKey, null, request, List.of()));
        }
    }

    @Override
    public Optional<LastFailures.LastFailure> lastFailure(String key) {
        return journal.failures().find(key);
    }

    @Override
    public boolean isCached(String key) {
        try {
            return cache.find(key).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<OpenJob> openJob(String key) {
        try {
            return journal.find(key)
                    .map(entry -> new OpenJob(
                            entry.jobs(),
                            entry.startedAt(),
                            Journal.isExpired(entry, resultRetention.apply(entry.provider()), clock)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A partial batch kept in the cache, or else one the lock records whose files are on disk as
     * locked (a fresh clone with no cache still never buys them again).
     */
    @Override
    public Optional<PartialBatch> partial(AssetRequest request, String key) {
        int of = request.expectedFiles();
        if (of < 2) {
            return Optional.empty();
        }
        try {
            Optional<CacheEntry> cached = PartialBatches.find(cache, key, of);
            if (cached.isPresent()) {
                CacheEntry entry = cached.get();
                return Optional.of(new PartialBatch(
                        entry.files().stream().map(CachedFile::path).toList(),
                        of,
                        Cost.parse(entry.credits()),
                        entry.jobIds(),
                        null));
            }
            Optional<LockFile.Entry> locked = lock.find(request.id());
            if (locked.isPresent()
                    && locked.get().key().equals(key)
                    && locked.get().partial() != null
                    && locked.get().partial().of() == of
                    && LockFile.upToDate(locked.get(), outputDirectory, stamps)) {
                LockFile.Entry entry = locked.get();
                return Optional.of(new PartialBatch(
                        entry.files().stream()
                                .map(f -> outputDirectory.resolve(f.path()))
                                .toList(),
                        of,
                        entry.cost(),
                        entry.jobIds(),
                        null));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the lock's files are where the spec now asks for them, and the candidate it picks.
     * Neither {@code output} nor {@code pick} is in the cache key, so a renamed output or another
     * pick keeps its key and only this tells that the file must be restored.
     */
    private boolean locksTheOutputsAskedFor(LockFile.Entry entry, AssetRequest request) {
        Integer pick = request.pick() == null ? null : request.pick().candidate();
        if (!Objects.equals(entry.pick(), pick)) {
            return false;
        }
        List<String> asked = request.placedOutputs();
        if (entry.files().size() != asked.size()) {
            return false;
        }
        for (int i = 0; i < asked.size(); i++) {
            String locked = entry.files().get(i).path();
            if (!locked.equals(placement.placedPath(asked.get(i), MediaFormat.fromExtension(locked)))) {
                return false;
            }
        }
        return true;
    }
}
