package io.github.assetgen.core.plan;

import io.github.assetgen.core.provider.JobRef;
import java.time.Instant;
import java.util.List;

/**
 * A journal entry left open by an earlier build. Immutable.
 *
 * @param jobs the job ids the provider answered with; empty when the answer was lost
 * @param startedAt when the create request was about to be sent
 * @param expired true when the provider no longer keeps results that old
 */
public record OpenJob(List<JobRef> jobs, Instant startedAt, boolean expired) {

    public OpenJob {
        jobs = List.copyOf(jobs);
    }

    /** True when the provider answered the create request, so the jobs can be polled. */
    public boolean answered() {
        return !jobs.isEmpty();
    }
}
