package io.github.assetgen.core.rules;

import java.nio.file.Path;

/**
 * What validation needs besides the specs.
 *
 * @param projectBaseDir the project folder; file paths in messages are shown relative to it (spec
 *     files resolve their references against their own folder)
 * @param placeholders true when every asset will render with the placeholder provider: the named
 *     provider and model are still checked in full, but the transport rules (a URL given to useapi,
 *     a local file given to APIXO, MiniMax's 10 MB data-URL limit) are skipped, since nothing is sent
 * @param rootDirectory the project's root (the reactor's root folder): a local input that resolves
 *     outside it, after symbolic links, is refused; null checks nothing
 */
public record ValidationContext(Path projectBaseDir, boolean placeholders, Path rootDirectory) {

    /** A context that does not confine input files (tests, tools). */
    public ValidationContext(Path projectBaseDir, boolean placeholders) {
        this(projectBaseDir, placeholders, null);
    }
}
