package io.github.assetgen.core.api;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.report.OutcomeFile;
import io.github.assetgen.core.report.OutputFacts;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.run.OutputPruner;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.CacheEntry;
import io.github.assetgen.core.store.CachedFile;
import io.github.assetgen.core.store.KeyLock;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.OutputManifest;
import io.github.assetgen.core.wording.Advice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The output directory after a build: stale files of renamed and deleted assets removed (see {@link
 * OutputPruner}), the record of what the plugin placed there ({@link OutputManifest}) written, and a
 * warning when it holds placeholder renders, alone or beside real assets. One per build: it keeps
 * the warnings it gave, for a later build that changes nothing to repeat.
 */
final class BuildOutputs {

    /** Two builds of one project must not prune and record at once: one waits this long for the other. */
    private static final Duration WAIT_FOR_OTHER_BUILD = Duration.ofMinutes(2);

    private final BuildConfig config;
    private final BuildLog log;
    private final List<String> warnings = new ArrayList<>();
    /** Whether {@link #settle} pruned the directory and wrote its record; false when it could not. */
    private boolean settled;

    BuildOutputs(BuildConfig config, BuildLog log) {
        this.config = config;
        this.log = log;
    }

    /**
     * Prunes, records and warns. A file that cannot be read or removed is a warning: the assets are
     * built, and the next build tries again.
     *
     * @param plan every asset of the specs
     * @param results this build's result of each of them
     * @param before the lock this build read before it ran ({@code lock} gives the other one)
     * @return what the reports show of the output directory
     */
    OutputFacts settle(Plan plan, List<AssetResult> results, LockFile before, BuildLock lock, Stores stores)
            throws InterruptedException {
        List<AssetRequest> requests =
                plan.assets().stream().map(PlannedAsset::request).toList();
        List<LockFile> locks = List.of(before, lock.readOther());
        AssetCache cache = stores.cache();
        KeyLock keys = stores.locks();
        OutputManifest manifest;
        try {
            manifest = prune(requests, results, locks, keys);
        } catch (IOException e) {
            log.warn("could not remove the stale files of " + shown() + ": " + e.getMessage());
            manifest = OutputManifest.empty();
        }
        Map<Boolean, Set<String>> split = OutputPruner.byPlaceholder(manifest, requests);
        warnAboutPlaceholders(split.get(true), split.get(false));
        Map<String, List<OutcomeFile>> candidates;
        try {
            candidates = candidates(requests, results, cache);
        } catch (IOException e) {
            log.warn("could not read the candidates of the assets with a pick from the cache: " + e.getMessage());
            candidates = Map.of();
        }
        return new OutputFacts(split.get(true), candidates);
    }

    private OutputManifest prune(
            List<AssetRequest> requests, List<AssetResult> results, List<LockFile> locks, KeyLock keys)
            throws IOException, InterruptedException {
        Path manifestFile = config.reportDirectory().resolve(OutputManifest.FILE_NAME);
        // the key of this output directory's lock: a name no cache key can collide with
        String key = Hashing.sha256(
                "outputs:" + config.outputDirectory().toAbsolutePath().normalize());
        Optional<KeyLock.Handle> held = keys.acquire(key, WAIT_FOR_OTHER_BUILD);
        if (held.isEmpty()) {
            log.warn("another build holds " + shown() + "; stale files there are left for the next build to remove");
            return OutputManifest.read(manifestFile);
        }
        try (KeyLock.Handle lock = held.get()) {
            OutputManifest manifest = pruner().prune(OutputManifest.read(manifestFile), locks, requests, results);
            Files.createDirectories(config.reportDirectory());
            manifest.write(manifestFile);
            settled = true;
            return manifest;
        }
    }

    /**
     * The files of the output directory this plan's build would remove (see {@link
     * OutputPruner#preview}), one line each; none when the records cannot be read, since the build
     * itself then says why.
     */
    List<String> removals(Plan plan, List<LockFile> locks) {
        List<AssetRequest> requests = new ArrayList<>();
        Set<String> building = new HashSet<>();
        for (PlannedAsset asset : plan.assets()) {
            requests.add(asset.request());
            if (asset.action().runs()) {
                building.add(asset.id());
            }
        }
        try {
            OutputManifest previous =
                    OutputManifest.read(config.reportDirectory().resolve(OutputManifest.FILE_NAME));
            return pruner().preview(previous, locks, requests, building);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private OutputPruner pruner() {
        return new OutputPruner(
                config.outputDirectory(),
                shown(),
                ProviderRegistry.standard().placeholder().name(),
                log);
    }

    /**
     * The warnings {@link #settle} gave about the output directory: a build that changes nothing
     * repeats them, since the placeholder renders they name are still there.
     */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Whether {@link #settle} pruned the output directory and recorded what it holds: when not (another
     * build held it, or a file could not be removed), no later build may stand on this one's decision.
     */
    boolean settled() {
        return settled;
    }

    private void warn(String warning) {
        warnings.add(warning);
        log.warn(warning);
    }

    private void warnAboutPlaceholders(Set<String> placeholders, Set<String> real) {
        if (placeholders.isEmpty()) {
            return;
        }
        String fix = "build without " + Advice.parameter("placeholders", "true") + " and without "
                + Advice.parameter("only") + ", with the providers' tokens, to make them all real";
        if (real.isEmpty()) {
            warn("the " + count(placeholders.size()) + " in " + shown() + " are placeholder renders, not real"
                    + " assets: a package built from them ships placeholders; " + fix);
        } else {
            warn(shown() + " mixes placeholder renders of " + count(placeholders.size()) + " (" + list(placeholders)
                    + ") with real files of " + count(real.size()) + "; packaged together they ship placeholders"
                    + " as if they were real; " + fix);
        }
    }

    /** Every candidate of each asset that picks one of several, from the cache, for the gallery. */
    private static Map<String, List<OutcomeFile>> candidates(
            List<AssetRequest> requests, List<AssetResult> results, AssetCache cache) throws IOException {
        Map<String, AssetRequest> byId = new HashMap<>();
        requests.forEach(r -> byId.put(r.id(), r));
        Map<String, List<OutcomeFile>> candidates = new HashMap<>();
        for (AssetResult result : results) {
            AssetRequest request = byId.get(result.id());
            if (request == null
                    || request.pick() == null
                    || request.expectedFiles() < 2
                    || result.status() == AssetStatus.SKIPPED) {
                continue;
            }
            Optional<CacheEntry> entry = cache.find(result.planned().key());
            if (entry.isPresent()) {
                List<OutcomeFile> files = new ArrayList<>();
                for (CachedFile file : entry.get().files()) {
                    files.add(new OutcomeFile(file.name(), file.path(), file.size(), file.sha256()));
                }
                candidates.put(result.id(), files);
            }
        }
        return candidates;
    }

    /** The output directory as messages name it: relative to the project when inside it. */
    private String shown() {
        Path base = config.projectBaseDir().toAbsolutePath().normalize();
        Path out = config.outputDirectory().toAbsolutePath().normalize();
        Path shown = out.startsWith(base) ? base.relativize(out) : out;
        return shown.toString().replace('\\', '/');
    }

    private static String count(int assets) {
        return assets + (assets == 1 ? " asset" : " assets");
    }

    private static String list(Set<String> ids) {
        List<String> sorted = ids.stream().sorted().toList();
        return sorted.size() <= 5
                ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, 5)) + " and " + (sorted.size() - 5) + " more";
    }
}
