package io.github.assetgen.core.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the build knows of the CI server it runs on, read from the environment by the host (core
 * never reads the environment itself). Immutable.
 *
 * @param githubActions running as a GitHub Actions step ({@code GITHUB_ACTIONS=true}): spec problems
 *     are also printed as workflow commands, so GitHub annotates the spec files
 * @param stepSummary the step summary file ({@code GITHUB_STEP_SUMMARY}) the build's table goes to,
 *     or null for none
 * @param workspace the checkout ({@code GITHUB_WORKSPACE}) annotation paths are relative to, or null
 */
public record CiEnvironment(boolean githubActions, Path stepSummary, Path workspace) {

    /** Not on a CI server this build knows. */
    public static final CiEnvironment NONE = new CiEnvironment(false, null, null);

    /** From environment variables as GitHub Actions sets them; anything else is {@link #NONE}. */
    public static CiEnvironment of(Map<String, String> environment) {
        if (!"true".equalsIgnoreCase(environment.get("GITHUB_ACTIONS"))) {
            return NONE;
        }
        return new CiEnvironment(
                true, path(environment.get("GITHUB_STEP_SUMMARY")), path(environment.get("GITHUB_WORKSPACE")));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
