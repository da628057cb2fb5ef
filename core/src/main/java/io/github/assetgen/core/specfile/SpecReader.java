package io.github.assetgen.core.specfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads every spec file ({@code *.yaml}, {@code *.yml}, {@code *.json}) under a directory into
 * {@link AssetSpec}s, reporting malformed files, wrong shapes, unknown and duplicate keys as
 * {@link Problem}s instead of throwing. Field values are not checked here (that is the rule
 * book's job). Thread-safe.
 *
 * <p>Positions: {@link Position#source()} is the file relative to the project, with {@code /}.
 * A scalar field points at the first character of its value (the opening quote when quoted); a
 * list or mapping field points at its key, and each item of a list at the item's own start
 * ({@link SpecValue#positionOf(int)}). An asset points at where its mapping starts (its first key
 * in block style, the opening brace in flow style or JSON). Unknown and duplicate keys point at
 * the key.
 */
public final class SpecReader {

    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private final SpecFileParser parser = new SpecFileParser();

    /**
     * Reads {@code specDirectory} recursively in the order of the files' relative paths, skipping
     * hidden files and folders. A missing directory gives an empty set. Files are read wherever
     * they resolve; {@link #read(Path, Path, Path)} confines them to the project's root.
     *
     * @param projectBaseDir the folder that positions are shown relative to
     */
    public SpecSet read(Path specDirectory, Path projectBaseDir) {
        return read(specDirectory, projectBaseDir, null);
    }

    /**
     * Like {@link #read(Path, Path)}, but a spec file that resolves (after symbolic links) outside
     * {@code rootDirectory} is not read: a spec arriving in a pull request could otherwise link to a
     * token file and have its first line printed in a parse error.
     *
     * @param rootDirectory the project's root (the reactor's root folder), or null to read every file
     */
    public SpecSet read(Path specDirectory, Path projectBaseDir, Path rootDirectory) {
        Objects.requireNonNull(specDirectory, "specDirectory");
        Objects.requireNonNull(projectBaseDir, "projectBaseDir");
        Path root = specDirectory.toAbsolutePath().normalize();
        Path base = projectBaseDir.toAbsolutePath().normalize();
        List<AssetSpec> assets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (Files.notExists(root)) {
            return new SpecSet(assets, problems);
        }
        if (!Files.isDirectory(root)) {
            problems.add(SpecRuleId.NOT_A_DIRECTORY.error(
                    null,
                    Position.startOf(displayName(root, base)),
                    null,
                    "the spec directory is a file, not a directory"));
            return new SpecSet(assets, problems);
        }
        Path realRoot = rootDirectory == null
                ? null
                : realPath(rootDirectory.toAbsolutePath().normalize());
        List<Path> toRead = new ArrayList<>();
        for (Path file : specFiles(root, base, problems)) {
            if (realRoot == null || inside(file, realRoot, displayName(file, base), problems)) {
                toRead.add(file);
            }
        }
        // files parse independently: on several cores, thousands of specs in many files read in a
        // fraction of the time; each file's assets and problems are collected apart and joined in
        // the walk's order, so the result is the same as reading them one after the other
        List<FileRead> perFile = toRead.parallelStream()
                .map(file -> {
                    FileRead one = new FileRead(new ArrayList<>(), new ArrayList<>());
                    readFile(file, displayName(file, base), one.assets(), one.problems());
                    return one;
                })
                .toList();
        for (FileRead one : perFile) {
            assets.addAll(one.assets());
            problems.addAll(one.problems());
        }
        problems.sort(Problem.BY_POSITION);
        return new SpecSet(assets, problems);
    }

    /** What one file declares and what is wrong with it, before the files are joined. */
    private record FileRead(List<AssetSpec> assets, List<Problem> problems) {}

    /** True when {@code file} resolves inside {@code realRoot}; otherwise reports it. */
    private static boolean inside(Path file, Path realRoot, String source, List<Problem> problems) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            problems.add(SpecRuleId.UNREADABLE.error(
                    null, Position.startOf(source), null, "cannot read the file: " + describe(e)));
            return false;
        }
        if (real.startsWith(realRoot)) {
            return true;
        }
        problems.add(SpecRuleId.OUTSIDE_ROOT.error(
                null,
                Position.startOf(source),
                null,
                "the file resolves to " + slashes(real) + ", outside the project root " + slashes(realRoot)
                        + "; spec files must live inside the project: copy the file in instead of linking to it"));
        return false;
    }

    /** The real path of an existing folder, or the path itself (a missing root confines to its own name). */
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    /** Reads one file's bytes as the directory walk would; for tests (fuzzing) that have no directory. */
    static void readBytes(byte[] bytes, Path file, String source, List<AssetSpec> assets, List<Problem> problems) {
        new SpecReader().readContent(bytes, file, source, assets, problems);
    }

    /** The largest spec file read: thousands of assets fit in a few MB; a data dump left here does not. */
    static final long MAX_FILE_BYTES = 32L << 20;

    private void readFile(Path file, String source, List<AssetSpec> assets, List<Problem> problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(SpecRuleId.UNREADABLE.error(
                        null,
                        Position.startOf(source),
                        null,
                        "the file is " + (size >> 20) + " MB; spec files are read up to " + (MAX_FILE_BYTES >> 20)
                                + " MB: split it, or move what is not a spec out of the spec directory"));
                return;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            problems.add(SpecRuleId.UNREADABLE.error(
                    null, Position.startOf(source), null, "cannot read the file: " + describe(e)));
            return;
        }
        readContent(bytes, file, source, assets, problems);
    }

    private void readContent(byte[] bytes, Path file, String source, List<AssetSpec> assets, List<Problem> problems) {
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            problems.add(SpecRuleId.NOT_UTF8.error(
                    null, Position.startOf(source), null, "the file is not valid UTF-8 text; save it as UTF-8"));
            return;
        }
        boolean yaml = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        SpecFileParser.Parsed parsed = parser.parse(text, yaml, source);
        parsed.problem().ifPresent(problems::add);
        if (parsed.problem().isEmpty() && parsed.root().map(LocatedNode::isNull).orElse(true)) {
            // often a file whose content was lost, or a spec written in the wrong folder
            problems.add(SpecRuleId.EMPTY_FILE.warning(
                    null,
                    Position.startOf(source),
                    null,
                    "the spec file " + source + " is empty; it declares no assets"));
        }
        parsed.root().ifPresent(root -> new AssetCollector(file, assets, problems).collect(root));
    }

    /** Strict UTF-8, so a file saved in another encoding is reported instead of read as garbage. */
    private static String decode(byte[] bytes) throws CharacterCodingException {
        if (isAscii(bytes)) {
            // ASCII is UTF-8 as it is: the JDK's copy is far cheaper than a decoder, most spec files are ASCII
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> specFiles(Path root, Path base, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && isHidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isHidden(file) || !isSpecFile(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isRegularFile()) {
                                files.add(file);
                            } else if (attrs.isSymbolicLink()) {
                                // The walk follows links, so a link reaching here leads nowhere.
                                problems.add(SpecRuleId.UNREADABLE.error(
                                        null,
                                        Position.startOf(displayName(file, base)),
                                        null,
                                        "cannot read: the symbolic link points to a file that does not exist"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!isHidden(file)) {
                                problems.add(SpecRuleId.UNREADABLE.error(
                                        null,
                                        Position.startOf(displayName(file, base)),
                                        null,
                                        "cannot read: " + describe(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(SpecRuleId.UNREADABLE.error(
                    null, Position.startOf(displayName(root, base)), null, "cannot read: " + describe(e)));
        }
        files.sort(Comparator.comparing(file -> slashes(root.relativize(file))));
        return files;
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isSpecFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The path relative to the project when it lies inside it, otherwise absolute; always with '/'. */
    private static String displayName(Path file, Path base) {
        return slashes(file.startsWith(base) ? base.relativize(file) : file);
    }

    private static String slashes(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the file disappeared while reading";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link loops back to a parent folder";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
