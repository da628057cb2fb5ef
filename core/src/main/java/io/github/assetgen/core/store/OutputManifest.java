package io.github.assetgen.core.store;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.assetgen.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code target/assetgen/outputs.json}: every file the plugin placed in the output directory, with
 * the asset that wrote it, its SHA-256 and size, and whether it is a placeholder render. It is what
 * lets a build remove the files of renamed and deleted assets (only files it wrote, and only while
 * they hold what it wrote) and tell placeholder renders from real assets. Immutable.
 */
public final class OutputManifest {

    /** The manifest's name in the report directory. */
    public static final String FILE_NAME = "outputs.json";

    private static final int VERSION = 1;

    private static final OutputManifest EMPTY = new OutputManifest(List.of());

    private final List<Placed> files;

    private OutputManifest(List<Placed> files) {
        this.files = files.stream().sorted(Comparator.comparing(Placed::path)).toList();
    }

    /**
     * One file the plugin placed. Immutable.
     *
     * @param path relative to the output directory, with {@code /} separators
     * @param asset the id of the asset that wrote it
     * @param placeholder true for a render of the placeholder provider
     */
    public record Placed(String path, String asset, String sha256, long size, boolean placeholder) {

        public Placed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(asset, "asset");
            // the lock's rules: a relative path inside the output directory, a hex SHA-256, a size
            new LockFile.LockedFile(path, sha256, size);
        }
    }

    /** A manifest of nothing. */
    public static OutputManifest empty() {
        return EMPTY;
    }

    /** A manifest of these files; a path listed twice keeps its last record. */
    public static OutputManifest of(Collection<Placed> files) {
        java.util.Map<String, Placed> byPath = new java.util.LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        return new OutputManifest(List.copyOf(byPath.values()));
    }

    /**
     * Reads the manifest.
     *
     * @return its records; empty when the file is missing (a first build, after {@code clean}) or
     *     not a manifest this version understands: it is only a record, the lock is the other one
     * @throws IOException if the file exists but cannot be read
     */
    public static OutputManifest read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return EMPTY;
        }
        try {
            Json json = StoreJson.MAPPER.readValue(bytes, Json.class);
            if (json == null || json.files() == null) {
                return EMPTY;
            }
            List<Placed> placed = new ArrayList<>();
            for (FileJson f : json.files()) {
                placed.add(new Placed(f.path(), f.asset(), f.sha256(), f.size(), f.placeholder()));
            }
            return of(placed);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            return EMPTY;
        }
    }

    /** The files, sorted by path. */
    public List<Placed> files() {
        return files;
    }

    /** The record of a path, if there is one. */
    public Optional<Placed> find(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** Writes the manifest atomically (a temporary file beside it, moved into place). */
    public void write(Path file) throws IOException {
        List<FileJson> json = files.stream()
                .map(f -> new FileJson(f.path(), f.asset(), f.sha256(), f.size(), f.placeholder()))
                .toList();
        AtomicFiles.write(file, StoreJson.toBytes(new Json(VERSION, json)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputManifest that && files.equals(that.files);
    }

    @Override
    public int hashCode() {
        return files.hashCode();
    }

    @Override
    public String toString() {
        return "OutputManifest" + files;
    }

    @JsonPropertyOrder({"version", "files"})
    record Json(int version, List<FileJson> files) {}

    @JsonPropertyOrder({"path", "asset", "sha256", "size", "placeholder"})
    record FileJson(String path, String asset, String sha256, long size, boolean placeholder) {}
}
