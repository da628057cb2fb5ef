package io.github.assetgen.core.run;

import io.github.assetgen.core.files.MediaFormat;
import java.nio.file.Path;

/**
 * One file an asset wrote to the output directory. Immutable.
 *
 * @param relativePath path under the output directory, with {@code /} separators
 */
public record OutputFile(String relativePath, Path path, long size, String sha256, MediaFormat format) {}
