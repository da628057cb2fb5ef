package io.github.assetgen.core.run;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.OutputManifest;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * After a build, removes from the output directory the files of assets that are gone from the specs
 * or now write other files, so the directory (a resource directory, packaged into the jar) holds
 * what the specs ask for. Only files the plugin wrote are touched, known from {@link
 * OutputManifest} or a lock, and only while they hold the bytes it wrote: a file someone changed is
 * left with a warning, a file nobody recorded is never looked at. Files of assets that did not
 * complete in this build (failed, skipped by {@code only}, blocked) stay: they may be the only copy
 * the user has. Not thread-safe; one per build, under the output directory's lock.
 */
public final class OutputPruner {

    private final Path outputDirectory;
    private final String shownDirectory;
    private final String placeholderProvider;
    private final RunListener log;

    /**
     * @param shownDirectory the output directory as messages name it (relative to the project)
     * @param placeholderProvider the placeholder provider's name: its files are placeholder renders
     */
    public OutputPruner(Path outputDirectory, String shownDirectory, String placeholderProvider, RunListener log) {
        this.outputDirectory = outputDirectory;
        this.shownDirectory = shownDirectory;
        this.placeholderProvider = placeholderProvider;
        this.log = log;
    }

    /**
     * Removes the stale files and returns the manifest of what the plugin's files in the output
     * directory are now.
     *
     * @param previous the manifest the last build wrote
     * @param locks the locks whose files the plugin wrote (the one this build used, and the other)
     * @param requests every asset of the specs
     * @param results this build's result of every asset of the specs
     */
    public OutputManifest prune(
            OutputManifest previous, List<LockFile> locks, List<AssetRequest> requests, List<AssetResult> results)
            throws IOException {
        Map<String, AssetRequest> assets = new HashMap<>();
        requests.forEach(r -> assets.put(r.id(), r));
        Map<String, AssetResult> settled = new HashMap<>();
        Set<String> written = new HashSet<>();
        Set<String> claimed = new HashSet<>();
        for (AssetResult result : results) {
            if (result.status() != AssetStatus.FAILED && result.status() != AssetStatus.SKIPPED) {
                result.files().forEach(f -> written.add(fold(f.relativePath())));
                settled.put(result.id(), result);
            } else {
                // a skipped asset's files on disk may be an earlier build's (placeholder renders): keep their record
                result.files().forEach(f -> claimed.add(fold(f.relativePath())));
            }
        }
        // an asset that did not run here may still write these: never take them from it
        requests.forEach(r -> r.placedOutputs().forEach(o -> claimed.add(fold(o))));

        Map<String, OutputManifest.Placed> now = new LinkedHashMap<>();
        for (Map.Entry<String, List<OutputManifest.Placed>> known :
                known(previous, locks).entrySet()) {
            String path = known.getKey();
            if (written.contains(fold(path))) {
                continue; // recorded again below from this build's results
            }
            Optional<OutputManifest.Placed> kept = claimed.contains(fold(path))
                    ? unchanged(path, known.getValue())
                    : settle(path, known.getValue(), assets, settled);
            kept.ifPresent(p -> now.put(path, p));
        }
        for (AssetResult result : settled.values()) {
            boolean placeholder =
                    placeholderProvider.equals(result.planned().request().provider());
            for (OutputFile file : result.files()) {
                now.put(
                        file.relativePath(),
                        new OutputManifest.Placed(
                                file.relativePath(), result.id(), file.sha256(), file.size(), placeholder));
            }
        }
        return OutputManifest.of(now.values());
    }

    /**
     * What {@link #prune} would remove after a build that completes the assets in {@code building}, for
     * the plan to say before anything is deleted: the files of assets no longer in the specs, and the
     * files an asset no longer writes, while they hold the bytes assetgen wrote. It errs on the side of
     * listing less: a file whose name without its extension any asset still asks for is not listed,
     * since the format a provider answers in decides the extension, and a renamed output's old file
     * goes only once its asset is built.
     *
     * @param previous the manifest the last build wrote
     * @param locks the locks whose files the plugin wrote
     * @param requests every asset of the specs
     * @param building the ids of the assets the build will run (not skipped by {@code only})
     * @return one line per file, sorted by path
     */
    public List<String> preview(
            OutputManifest previous, List<LockFile> locks, List<AssetRequest> requests, Set<String> building)
            throws IOException {
        Map<String, AssetRequest> assets = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        for (AssetRequest request : requests) {
            assets.put(request.id(), request);
            for (String output : request.placedOutputs()) {
                wanted.add(stem(fold(output)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<OutputManifest.Placed>> known : new TreeMap<>(known(previous, locks)).entrySet()) {
            String path = known.getKey();
            Path file = outputDirectory.resolve(path);
            if (wanted.contains(stem(fold(path)))
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !insideOutputDirectory(file)) {
                continue;
            }
            String sha256 = Hashing.sha256(file);
            for (OutputManifest.Placed record : known.getValue()) {
                if (!record.sha256().equals(sha256)) {
                    continue; // changed since it was written: the build leaves it, with a warning
                }
                AssetRequest asset = assets.get(record.asset());
                if (asset == null) {
                    lines.add("remove " + shown(path) + ": asset '" + record.asset() + "' is no longer in the specs");
                } else if (building.contains(asset.id())) {
                    lines.add("remove " + shown(path) + " once '" + asset.id() + "' is built: it now writes "
                            + String.join(", ", asset.placedOutputs()));
                }
                break;
            }
        }
        return lines;
    }

    /** The path without its file's extension. */
    private static String stem(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }

    /**
     * Removes one recorded file if the asset that wrote it is gone or settled elsewhere and it still
     * holds what was written; returns the record to keep, if any.
     */
    private Optional<OutputManifest.Placed> settle(
            String path,
            List<OutputManifest.Placed> records,
            Map<String, AssetRequest> assets,
            Map<String, AssetResult> settled)
            throws IOException {
        Path file = outputDirectory.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !insideOutputDirectory(file)) {
            return Optional.empty(); // gone, or not a plain file of ours to judge: forget it
        }
        List<OutputManifest.Placed> stale = new ArrayList<>();
        for (OutputManifest.Placed record : records) {
            if (reason(record, assets, settled) != null) {
                stale.add(record);
            }
        }
        if (stale.isEmpty()) {
            return unchanged(path, records); // its asset did not complete in this build: its file stays
        }
        String sha256 = Hashing.sha256(file);
        Optional<OutputManifest.Placed> written =
                records.stream().filter(r -> r.sha256().equals(sha256)).findFirst();
        if (written.isEmpty()) {
            log.warn("left " + shown(path) + " in place: assetgen wrote it for asset '"
                    + stale.get(0).asset()
                    + "', which " + reason(stale.get(0), assets, settled) + ", but it has changed since; delete it"
                    + " if it is not needed, or move it out of the output directory to keep it");
            return Optional.of(stale.get(0));
        }
        String why = reason(written.get(), assets, settled);
        if (why == null) {
            return written; // the bytes are those of an asset that still wants them
        }
        Files.delete(file);
        removeEmptyParents(file.getParent());
        log.info("removed " + shown(path) + " (asset '" + written.get().asset() + "' " + why + ")");
        return Optional.empty();
    }

    /**
     * The record of a file that stays, while it is there with a recorded size (a cheap check: nothing
     * is removed on its word); empty once it is gone or someone else's.
     */
    private Optional<OutputManifest.Placed> unchanged(String path, List<OutputManifest.Placed> records)
            throws IOException {
        Path file = outputDirectory.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        long size = Files.size(file);
        return records.stream().filter(r -> r.size() == size).findFirst();
    }

    /** Why a recorded file is stale, or null when its asset may still want it. */
    private static String reason(
            OutputManifest.Placed record, Map<String, AssetRequest> assets, Map<String, AssetResult> settled) {
        if (!assets.containsKey(record.asset())) {
            return "no longer in the specs";
        }
        AssetResult result = settled.get(record.asset());
        if (result == null) {
            return null;
        }
        List<String> files =
                result.files().stream().map(OutputFile::relativePath).toList();
        return files.isEmpty() ? null : "now writes " + String.join(", ", files);
    }

    /**
     * Every path the plugin recorded writing, with each record of it: the manifest's first, then
     * the locks' (a first build of this version has no manifest yet; the lock knows).
     */
    private Map<String, List<OutputManifest.Placed>> known(OutputManifest previous, List<LockFile> locks) {
        Map<String, List<OutputManifest.Placed>> known = new LinkedHashMap<>();
        for (OutputManifest.Placed placed : previous.files()) {
            known.computeIfAbsent(placed.path(), p -> new ArrayList<>()).add(placed);
        }
        for (LockFile lock : locks) {
            for (LockFile.Entry entry : lock.entries()) {
                for (LockFile.LockedFile file : entry.files()) {
                    known.computeIfAbsent(file.path(), p -> new ArrayList<>())
                            .add(new OutputManifest.Placed(
                                    file.path(),
                                    entry.id(),
                                    file.sha256(),
                                    file.size(),
                                    placeholderProvider.equals(entry.provider())));
                }
            }
        }
        return known;
    }

    /** A path through a symbolic link that leads out of the output directory is never deleted. */
    private boolean insideOutputDirectory(Path file) throws IOException {
        return file.toRealPath().startsWith(outputDirectory.toRealPath());
    }

    /** Folders the removal emptied would still be packaged; the output directory itself stays. */
    private void removeEmptyParents(Path folder) throws IOException {
        Path root = outputDirectory.toAbsolutePath().normalize();
        Path current = folder.toAbsolutePath().normalize();
        while (current != null && current.startsWith(root) && !current.equals(root)) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
            current = current.getParent();
        }
    }

    private String shown(String path) {
        return shownDirectory + "/" + path;
    }

    /** macOS and Windows ignore case: a file asked for as Hero.png is the one at hero.png. */
    private static String fold(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    /** The ids of the assets whose files in the manifest are placeholder renders, and of those that are real. */
    public static Map<Boolean, Set<String>> byPlaceholder(OutputManifest manifest, List<AssetRequest> requests) {
        Set<String> ids = requests.stream().map(AssetRequest::id).collect(Collectors.toSet());
        Map<String, Boolean> placeholder = new HashMap<>();
        for (OutputManifest.Placed placed : manifest.files()) {
            if (ids.contains(placed.asset())) {
                placeholder.merge(placed.asset(), placed.placeholder(), Boolean::logicalOr);
            }
        }
        return placeholder.entrySet().stream()
                .collect(Collectors.partitioningBy(
                        Map.Entry::getValue,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toCollection(java.util.TreeSet::new))));
    }
}
