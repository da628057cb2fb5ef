package io.github.assetgen.core.api;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.FileStamp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The whole-build up-to-date check, as Gradle checks a task's inputs and outputs before running it:
 * a fingerprint of every input of a decision (the stamp of each file of the spec tree, of each
 * reference file, of the lock, of each output, of assetgen's own code, and every setting that
 * affects planning), recorded under the report directory after a decision that proved everything
 * up to date. When the fingerprint taken now is the same line for line, the decision stands and
 * nothing is read, parsed or sent. Two fingerprints: {@link #VALIDATED} after a validation without
 * errors (its warnings kept, to be shown again), {@link #UP_TO_DATE} after a build whose every asset
 * was kept. Anything unexpected (no file, another format, a read error, a file modified within
 * {@link #RACY_MILLIS} of the recording) means no proof, so the full path runs: never a failure.
 */
final class UpToDateCheck {

    /** After a validation without errors: the specs, reference files, lock and validation settings. */
    static final String VALIDATED = "validated.tsv";

    /** After a build whose every asset was kept: everything the validation reads, plus the outputs and settings. */
    static final String UP_TO_DATE = "up-to-date.tsv";

    /**
     * A file modified this close to the recording could be modified again within the same tick of
     * the file system's clock and keep its stamp (git's "racily clean" files): then nothing is recorded.
     */
    static final long RACY_MILLIS = 2_000;

    private static final String HEADER = "assetgen up-to-date 1";

    private final BuildConfig config;
    private final Path lockFile;
    private final Clock clock;

    /** @param lockFile the lock this build reads (placeholder builds keep their own) */
    UpToDateCheck(BuildConfig config, Path lockFile, Clock clock) {
        this.config = config;
        this.lockFile = lockFile;
        this.clock = clock;
    }

    /** What a recorded fingerprint says when it still holds: how many assets, and the warnings to show again. */
    private record Standing(int assets, List<String> warnings) {}

    /** The recorded validation, when nothing it read has changed since: its warnings are logged again. */
    OptionalInt validation(BuildLog log) {
        Optional<Standing> standing = check(VALIDATED, false);
        standing.ifPresent(s -> s.warnings().forEach(log::warn));
        return standing.map(s -> OptionalInt.of(s.assets())).orElse(OptionalInt.empty());
    }

    /**
     * The recorded all-kept build, when nothing it read or wrote has changed since: says so in one
     * line, and repeats its warnings about the output directory (placeholder renders are still there).
     */
    OptionalInt build(BuildLog log) {
        Optional<Standing> standing = eligible() ? check(UP_TO_DATE, true) : Optional.empty();
        standing.ifPresent(s -> {
            log.info("assetgen: nothing changed since the last build: " + s.assets() + " asset(s) kept");
            s.warnings().forEach(log::warn);
        });
        return standing.map(s -> OptionalInt.of(s.assets())).orElse(OptionalInt.empty());
    }

    /** Records the inputs of a validation that found no error. */
    void recordValidation(int assets, Collection<Path> references, List<String> warnings) {
        record(VALIDATED, false, assets, references, warnings);
    }

    /** Records the inputs and outputs of a build whose every asset was kept, and its warnings to repeat. */
    void recordBuild(int assets, Collection<Path> references, List<String> warnings) {
        if (eligible()) {
            record(UP_TO_DATE, true, assets, references, warnings);
        }
    }

    /**
     * Takes a fingerprint away while the reports are rewritten: a build that generates, restores or
     * fails leaves reports that a standing validation must not leave in place as this state's.
     *
     * @return its bytes, to {@link #restore} after an all-kept build; null when there was none
     */
    byte[] withdraw(String name) {
        Path file = config.reportDirectory().resolve(name);
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            forget(name);
            return null;
        }
    }

    /** Puts back a withdrawn fingerprint; its stamps still decide whether it stands. */
    void restore(String name, byte[] bytes) {
        if (bytes != null) {
            try {
                AtomicFiles.write(config.reportDirectory().resolve(name), bytes);
            } catch (IOException e) {
                forget(name);
            }
        }
    }

    /** Drops a fingerprint: a goal took the full path and is about to decide, or write reports, anew. */
    void forget(String name) {
        try {
            Files.deleteIfExists(config.reportDirectory().resolve(name));
        } catch (IOException e) {
            // a file that cannot be deleted is overwritten or found stale by its stamps; nothing relies on it
        }
    }

    /**
     * A forced build regenerates whatever the fingerprint says, and a saving build uploads kept assets
     * the shared cache lacks, which no local file tells: neither is ever taken as unchanged.
     */
    private boolean eligible() {
        return !config.force()
                && (config.sharedCache() == null || !config.sharedCache().save());
    }

    private Optional<Standing> check(String name, boolean outputs) {
        try {
            List<String> recorded = Files.readAllLines(config.reportDirectory().resolve(name), StandardCharsets.UTF_8);
            if (recorded.size() < 2
                    || !recorded.get(0).equals(HEADER)
                    || !recorded.get(1).startsWith("assets\t")) {
                return Optional.empty();
            }
            int assets = Integer.parseInt(recorded.get(1).substring("assets\t".length()));
            List<String> warnings = new ArrayList<>();
            List<Path> references = new ArrayList<>();
            List<String> inputs = new ArrayList<>();
            for (String line : recorded.subList(2, recorded.size())) {
                if (line.startsWith("warning\t")) {
                    warnings.add(line.substring("warning\t".length()));
                } else {
                    if (line.startsWith("reference\t")) {
                        references.add(Path.of(line.substring(line.lastIndexOf('\t') + 1)));
                    }
                    inputs.add(line);
                }
            }
            Optional<List<String>> now = fingerprint(outputs, references, Long.MAX_VALUE);
            return now.isPresent() && now.get().equals(inputs)
                    ? Optional.of(new Standing(assets, List.copyOf(warnings)))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // no fingerprint, a damaged one or one of another version: no proof, the full path decides
            return Optional.empty();
        }
    }

    private void record(String name, boolean outputs, int assets, Collection<Path> references, List<String> warnings) {
        Path file = config.reportDirectory().resolve(name);
        try {
            Optional<List<String>> inputs =
                    fingerprint(outputs, new TreeSet<>(references), clock.millis() - RACY_MILLIS);
            if (inputs.isEmpty() || warnings.stream().anyMatch(w -> w.contains("\n") || w.contains("\r"))) {
                forget(name);
                return;
            }
            StringBuilder text = new StringBuilder(HEADER)
                    .append("\nassets\t")
                    .append(assets)
                    .append('\n');
            warnings.forEach(w -> text.append("warning\t").append(w).append('\n'));
            inputs.get().forEach(line -> text.append(line).append('\n'));
            AtomicFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the next build takes the full path, which is all a fingerprint saves
            forget(name);
        }
    }

    /**
     * The fingerprint as of now, one line per input, or empty when an input cannot be stamped: a
     * name with a tab or a line break, or a file modified at or after {@code trustedBeforeMillis}.
     */
    private Optional<List<String>> fingerprint(boolean outputs, Collection<Path> references, long trustedBeforeMillis)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(setting("code", codeIdentity()));
        lines.add(setting("baseDir", config.projectBaseDir()));
        lines.add(setting("rootDir", config.rootDirectory()));
        lines.add(setting("specDir", config.specDirectory()));
        lines.add(setting("lockFile", lockFile));
        lines.add(setting("placeholders", config.placeholders()));
        if (outputs) {
            lines.add(setting("outputDir", config.outputDirectory()));
            lines.add(setting("cacheDir", config.cacheDirectory()));
            lines.add(setting("only", config.only()));
            lines.add(setting("force", config.force()));
            lines.add(setting("offline", config.offline()));
            lines.add(setting("locked", config.locked()));
            lines.add(setting("maxCredits", config.maxCredits()));
            lines.add(setting("maxUsd", config.maxUsd()));
            // toString masks the credentials. Not the providers' connection settings nor the timeout:
            // the planner decides from files alone (plan-assets has no provider settings), and a
            // kept asset sends nothing
            lines.add(setting("sharedCache", config.sharedCache()));
        }
        boolean trusted = stamp(lines, "lock", lockFile, trustedBeforeMillis)
                && tree(lines, "spec", config.specDirectory(), trustedBeforeMillis);
        for (Path reference : references) {
            trusted &= stamp(lines, "reference", reference, trustedBeforeMillis);
        }
        if (outputs) {
            trusted &= tree(lines, "output", config.outputDirectory(), trustedBeforeMillis);
        }
        return trusted ? Optional.of(lines) : Optional.empty();
    }

    /** Every entry below {@code root} but directories, sorted: a file added, removed or changed shows. */
    private static boolean tree(List<String> lines, String kind, Path root, long trustedBeforeMillis)
            throws IOException {
        if (!Files.isDirectory(root)) {
            lines.add(kind + "\tno directory\t" + root);
            return true;
        }
        List<Path> files = new ArrayList<>();
        // the spec reader follows links, so a spec reached through a linked folder is an input too;
        // the walk's own attributes tell folders apart, without a second stat of every file
        Files.walkFileTree(
                root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (!attributes.isDirectory()) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        boolean trusted = true;
        for (Path file : files) {
            trusted &= stamp(lines, kind, file, trustedBeforeMillis);
        }
        return trusted;
    }

    private static boolean stamp(List<String> lines, String kind, Path file, long trustedBeforeMillis)
            throws IOException {
        String name = file.toString();
        if (name.contains("\t") || name.contains("\n")) {
            return false;
        }
        Optional<FileStamp> stamp = FileStamp.of(file);
        if (stamp.isEmpty()) {
            lines.add(kind + "\tnone\t" + name);
            return true;
        }
        lines.add(kind + "\t" + fields(stamp.get()) + "\t" + name);
        return stamp.get().modifiedNanos() / 1_000_000 < trustedBeforeMillis;
    }

    private static String fields(FileStamp s) {
        return s.size() + "\t" + s.modifiedNanos() + "\t" + s.changedNanos() + "\t" + s.identity();
    }

    private static String setting(String name, Object value) {
        return "setting\t" + name + "="
                + String.valueOf(value).replace('\t', ' ').replace('\n', ' ');
    }

    /**
     * Which assetgen decided: the version, and the stamp of the jar (or folder) core was loaded
     * from, so an upgrade, or a snapshot installed again, never finds an older decision standing.
     */
    private static String codeIdentity() throws IOException {
        String version = UpToDateCheck.class.getPackage().getImplementationVersion();
        CodeSource source = UpToDateCheck.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IOException("no code location");
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            // the stamp's fields, not the record's toString: that one is bootstrapped on first use,
            // which cost a build with nothing to do some 15 ms
            return version + " " + location + " "
                    + FileStamp.of(location).map(UpToDateCheck::fields).orElse("none");
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("code location " + source.getLocation(), e);
        }
    }
}
