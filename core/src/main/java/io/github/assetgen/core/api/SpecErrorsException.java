package io.github.assetgen.core.api;

import io.github.assetgen.core.specfile.Problem;
import java.util.List;

/** Some spec has errors; they were printed one per line before this was thrown. Nothing was sent. */
public final class SpecErrorsException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** @param problems every problem found, warnings included, in the order they were printed */
    SpecErrorsException(List<Problem> problems) {
        super(
                problems.stream().filter(Problem::isError).count()
                        + " error(s) in the asset specs, listed above. Nothing was sent.",
                null);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, warnings included. */
    public List<Problem> problems() {
        return problems;
    }

    /** The problems that stop the build. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
