package io.github.assetgen.core.rules;

import java.nio.file.Path;
import java.util.Map;

/**
 * What validation needs besides the specs.
 *
 * @param projectBaseDir the project folder; file paths in messages are shown relative to it (spec
 *     files resolve their references against their own folder)
 * @param placeholders true when every asset will render with the placeholder provider: the named
 *     provider and model are checked in full all the same (inputs, formats, sizes, counts, options),
 *     so a placeholder build that validates means the real one will; it only adds the placeholder's
 *     own output rule (a {@code .webp} output is written as PNG, so it may collide with a {@code .png})
 * @param rootDirectory the project's root (the reactor's root folder): a local input that resolves
 *     outside it, after symbolic links, is refused; null checks nothing
 * @param lockedKeys the cache key the lock records for each asset id: of two assets with one id,
 *     the one the lock knows is the original, and the other is reported (empty: the later one)
 */
public record ValidationContext(
        Path projectBaseDir, boolean placeholders, Path rootDirectory, Map<String, String> lockedKeys) {

    public ValidationContext {
        lockedKeys = lockedKeys == null ? Map.of() : Map.copyOf(lockedKeys);
    }

    /** A context without a lock. */
    public ValidationContext(Path projectBaseDir, boolean placeholders, Path rootDirectory) {
        this(projectBaseDir, placeholders, rootDirectory, Map.of());
    }

    /** A context that does not confine input files (tests, tools). */
    public ValidationContext(Path projectBaseDir, boolean placeholders) {
        this(projectBaseDir, placeholders, null);
    }
}
