package io.github.assetgen.core.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One output file of an asset. Immutable.
 *
 * @param path relative to the output directory, with {@code /} separators (as in the spec)
 * @param absolutePath where the file is; null to resolve {@code path} against the output directory
 * @param size bytes
 * @param sha256 hex SHA-256 of the bytes, or null when unknown
 */
public record OutcomeFile(String path, Path absolutePath, long size, String sha256) {

    public OutcomeFile {
        Objects.requireNonNull(path, "path");
    }
}
