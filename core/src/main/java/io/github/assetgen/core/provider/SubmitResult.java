package io.github.assetgen.core.provider;

import java.util.List;

/**
 * What a create request returned: the jobs to poll, and/or results available at once (MiniMax's
 * image endpoint and the placeholder answer synchronously). Immutable.
 */
public record SubmitResult(List<JobRef> jobs, List<ResultLocation> immediateResults) {

    public SubmitResult {
        jobs = List.copyOf(jobs);
        immediateResults = List.copyOf(immediateResults);
    }

    public static SubmitResult ofJobs(List<JobRef> jobs) {
        return new SubmitResult(jobs, List.of());
    }

    public static SubmitResult completed(List<JobRef> jobs, List<ResultLocation> results) {
        return new SubmitResult(jobs, results);
    }

    public boolean isComplete() {
        return !immediateResults.isEmpty();
    }
}
