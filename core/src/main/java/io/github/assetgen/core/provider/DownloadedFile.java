package io.github.assetgen.core.provider;

import io.github.assetgen.core.files.MediaFormat;
import java.nio.file.Path;

/**
 * A result stored on disk. Immutable.
 *
 * @param path where it was written
 * @param format the format read from its magic bytes
 * @param size bytes
 * @param sha256 hex SHA-256 of the bytes, computed while streaming
 */
public record DownloadedFile(Path path, MediaFormat format, long size, String sha256) {}
