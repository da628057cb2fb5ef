package io.github.assetgen.core.store;

import io.github.assetgen.core.files.MediaFormat;
import java.nio.file.Path;

/**
 * One file of a cache entry. Immutable.
 *
 * @param name the file name inside the entry directory ({@code 1.png}, {@code 2.png}, ...)
 * @param path where it is
 * @param sha256 lower-case hex SHA-256 of its bytes
 * @param size bytes
 * @param format the format read from its magic bytes
 */
public record CachedFile(String name, Path path, String sha256, long size, MediaFormat format) {}
