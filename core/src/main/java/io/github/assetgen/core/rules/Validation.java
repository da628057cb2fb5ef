package io.github.assetgen.core.rules;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.specfile.Problem;
import java.util.List;

/**
 * What checking all assets of a project found: every problem (errors and warnings, ordered by
 * position) and the resolved request of every asset that has no error.
 */
public record Validation(List<Problem> problems, List<AssetRequest> requests) {

    public Validation {
        problems = problems.stream().sorted(Problem.BY_POSITION).toList();
        requests = List.copyOf(requests);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Only the errors, in order. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
