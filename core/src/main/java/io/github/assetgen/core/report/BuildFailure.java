package io.github.assetgen.core.report;

import io.github.assetgen.core.specfile.Problem;
import java.util.List;
import java.util.Objects;

/**
 * Why a goal stopped before its assets were run (spec errors, budget, token, balance, locked build),
 * for the reports, so CI finds this build's failure rather than no report or an older one. Immutable.
 *
 * @param message the failure as the user read it
 * @param problems the spec problems that stopped the build, one JUnit test case each; empty for the
 *     other failures
 */
public record BuildFailure(String message, List<Problem> problems) {

    public BuildFailure {
        Objects.requireNonNull(message, "message");
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
