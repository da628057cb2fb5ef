package io.github.assetgen.core.api;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.run.OutputFile;
import io.github.assetgen.core.store.KeyLock;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.LockFileException;
import io.github.assetgen.core.store.LockUpdate;
import io.github.assetgen.core.wording.Advice;
import io.github.assetgen.core.wording.Wording;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The lock file as one build uses it: which file, read with a damaged file told as the user's to
 * fix, and the run's results translated to and from its entries. Stateless apart from its config.
 */
final class BuildLock {

    /**
     * Under the report directory: the SHA-256 of the bytes this build directory last wrote (or found)
     * as the lock, and the lock's path. Bytes with that hash are the rendering of their own content,
     * so an unchanged lock read from them needs no rendering to prove the file current.
     */
    static final String WRITTEN_FILE = "lock-written.sha256";

    private final BuildConfig config;

    BuildLock(BuildConfig config) {
        this.config = config;
    }

    /** Placeholder runs keep their own lock under target, so the committed lock only records real assets. */
    Path path() {
        return config.placeholders() ? placeholderLock() : config.lockFile();
    }

    private Path placeholderLock() {
        return config.reportDirectory().resolve("placeholder.lock.json");
    }

    /**
     * The lock this build does not use (the committed one in a placeholder run, else the placeholder
     * run's): it too records files the plugin wrote. Empty when missing or unreadable, since it only
     * helps to recognise them.
     */
    LockFile readOther() {
        try {
            return LockFile.read(config.placeholders() ? config.lockFile() : placeholderLock());
        } catch (IOException | RuntimeException e) {
            return LockFile.empty();
        }
    }

    /**
     * @param context what the build is doing, which starts the message when the lock is damaged
     * @throws LockFileDamagedException when the file is not a valid lock file
     */
    /** How long a build waits for another one writing the same lock file. */
    static final Duration WRITE_WAIT = Duration.ofMinutes(2);

    LockFile read(String context) throws IOException, LockFileDamagedException {
        try {
            return LockFile.read(path());
        } catch (LockFileException e) {
            throw new LockFileDamagedException(context, e);
        }
    }

    /**
     * The key the lock records for each asset id, for validation to tell an original asset from a
     * duplicate just added; empty when the lock cannot be read (planning reports that).
     */
    Map<String, String> keys() {
        try {
            return LockFile.read(path()).entries().stream()
                    .collect(Collectors.toMap(LockFile.Entry::id, LockFile.Entry::key, (a, b) -> a));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * Writes the lock after this build (see {@link LockUpdate}).
     *
     * @return the lock as written
     */
    LockFile write(LockFile previous, List<AssetResult> results, boolean coversAllAssets, Instant now, KeyLock locks)
            throws IOException {
        List<LockUpdate.Asset> assets = results.stream().map(BuildLock::record).toList();
        String lockKey = Hashing.sha256("lock file\t" + path().toAbsolutePath().normalize());
        Optional<KeyLock.Handle> held;
        try {
            held = locks.acquire(lockKey, WRITE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for another build to write " + path());
        }
        // held while the lock is read again, merged and written: two builds of one project (two terminals,
        // the IDE and a terminal) must not drop each other's purchases from it
        try (KeyLock.Handle writing = held.orElse(null)) {
            return writeMerged(previous, assets, coversAllAssets, now);
        }
    }

    private LockFile writeMerged(LockFile read, List<LockUpdate.Asset> assets, boolean coversAllAssets, Instant now)
            throws IOException {
        LockFile previous = read;
        try {
            LockFile current = LockFile.read(path());
            if (!current.sourceSha256().equals(read.sourceSha256())) {
                // another build wrote it since this one read it: its entries stay, this build's changes apply
                previous = current;
            }
        } catch (LockFileException damagedSince) {
            // made unreadable meanwhile (by hand): this build's view is written, as it always was
        }
        LockFile updated = LockUpdate.apply(previous, assets, coversAllAssets, now);
        Path written = config.reportDirectory().resolve(WRITTEN_FILE);
        String mark = path().toAbsolutePath().normalize().toString();
        if (updated.equals(previous) && previous.sourceSha256().isPresent()) {
            String record = previous.sourceSha256().get() + "\t" + mark;
            if (record.equals(readQuietly(written))) {
                // the file holds the very bytes an earlier build wrote for this content: nothing to render
                return updated;
            }
        }
        updated.write(path(), config.reportDirectory());
        String record = Hashing.sha256(updated.toBytes()) + "\t" + mark;
        if (!record.equals(readQuietly(written))) {
            AtomicFiles.write(written, record.getBytes(StandardCharsets.UTF_8));
        }
        return updated;
    }

    /** The file's text, or null when it cannot be read: a missing record only costs a rendering. */
    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A result as the lock sees it: only generated and restored assets change their entry. A partial
     * batch of an asset with a pick is not recorded: the lock lists a partial batch's candidates, and
     * such an asset writes at most one (the cache keeps them; the next build completes the batch).
     */
    private static LockUpdate.Asset record(AssetResult result) {
        AssetRequest request = result.planned().request();
        LockUpdate.Outcome outcome = switch (result.status()) {
            case GENERATED -> LockUpdate.Outcome.GENERATED;
            case RESTORED -> LockUpdate.Outcome.RESTORED;
            case PARTIAL -> request.pick() == null ? LockUpdate.Outcome.PARTIAL : LockUpdate.Outcome.UNCHANGED;
            default -> LockUpdate.Outcome.UNCHANGED;
        };
        List<LockFile.LockedFile> files = outcome == LockUpdate.Outcome.UNCHANGED
                ? List.of()
                : result.files().stream()
                        .map(f -> new LockFile.LockedFile(f.relativePath(), f.sha256(), f.size()))
                        .toList();
        return new LockUpdate.Asset(
                result.id(),
                outcome,
                result.planned().key(),
                request.provider(),
                request.model(),
                result.cost(),
                result.partial(),
                files,
                result.jobIds(),
                request.pick() == null ? null : request.pick().candidate());
    }

    /**
     * Fails a locked build, before anything is sent, when any asset could only be got by a create
     * request: a new asset, a changed request, a forced one, or an open job of a request the lock
     * does not record (collecting it would record a generation the lock has not seen).
     */
    static void requireNothingToBuy(Plan plan, LockFile lock, Wording wording) throws LockedBuildException {
        Map<String, String> reasons = new TreeMap<>();
        for (PlannedAsset asset : plan.assets()) {
            Optional<LockFile.Entry> entry = lock.find(asset.id());
            if (asset.action() == Action.GENERATE) {
                reasons.put(
                        asset.id(),
                        entry.isEmpty()
                                ? "new: " + LockFile.FILE_NAME + " does not record it"
                                : !entry.get().key().equals(asset.key())
                                        ? "its request changed since " + LockFile.FILE_NAME + " was written"
                                                + changedFields(asset)
                                        : Advice.parameter("force", "true") + " asks to buy it again");
            } else if (asset.action() == Action.RESUME && asset.recorded() == null) {
                reasons.put(
                        asset.id(),
                        "an earlier build's job for a request " + LockFile.FILE_NAME + " does not record is still"
                                + " open; collect it in a build without " + Advice.parameter("locked", "true"));
            }
        }
        if (!reasons.isEmpty()) {
            throw new LockedBuildException(reasons, wording);
        }
    }

    /** The fields that changed, as the plan names them ({@code " (prompt)"}), or nothing when not known. */
    private static String changedFields(PlannedAsset asset) {
        return asset.change() == null || !asset.change().fieldsKnown()
                ? ""
                : " (" + String.join(", ", asset.change().fields()) + ")";
    }

    /** The result of an up-to-date asset, described from its lock entry (no file is read again). */
    AssetResult keptResult(PlannedAsset asset, LockFile lock) {
        LockFile.Entry entry = lock.find(asset.id()).orElseThrow();
        List<OutputFile> files = entry.files().stream()
                .map(f -> new OutputFile(
                        f.path(),
                        config.outputDirectory().resolve(f.path()),
                        f.size(),
                        f.sha256(),
                        MediaFormat.fromExtension(f.path())))
                .toList();
        return new AssetResult(
                asset, AssetStatus.KEPT, files, entry.jobIds(), Duration.ZERO, null, entry.cost(), Cost.free(), null);
    }

    /**
     * The result of an asset this build skipped: its files as the lock records them, those still on
     * disk only, so the gallery shows what the output directory holds for it. Nothing is spent.
     */
    AssetResult skippedResult(PlannedAsset asset, LockFile lock, String note) {
        List<OutputFile> files = lock.find(asset.id()).stream()
                .flatMap(entry -> entry.files().stream())
                .map(f -> new OutputFile(
                        f.path(),
                        config.outputDirectory().resolve(f.path()),
                        f.size(),
                        f.sha256(),
                        MediaFormat.fromExtension(f.path())))
                .filter(f -> Files.isRegularFile(f.path()))
                .toList();
        return new AssetResult(
                asset, AssetStatus.SKIPPED, files, List.of(), Duration.ZERO, note, asset.cost(), Cost.free(), null);
    }
}
