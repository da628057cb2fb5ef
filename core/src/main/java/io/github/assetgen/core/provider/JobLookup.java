package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetRequest;
import java.time.Instant;
import java.util.List;

/**
 * Finds, in the provider's own lists, the job that a create request made when its answer was lost
 * (an answered 5xx, a timeout after the request was sent, a connection dropped mid-answer). Only
 * providers that keep a reference sent with the create, or list an account's jobs, can offer one:
 * see {@link ProviderDescriptor#canReconcile()}. Implementations are thread-safe.
 */
public interface JobLookup {

    /**
     * Looks once.
     *
     * @param request the asset's request, as sent
     * @param submissionId the unique reference the create carried
     * @param sentAt when the create was about to be sent (the journal's {@code startedAt})
     * @return the jobs the create made, or the jobs that may be them but cannot be told apart from
     *     another's; both empty when the provider's lists show none (yet)
     * @throws ProviderException when the lists cannot be read: then nobody can tell whether the job exists
     */
    Found find(AssetRequest request, String submissionId, Instant sentAt) throws ProviderException;

    /**
     * What one look found.
     *
     * @param jobs the create's jobs, identified (its reference, or its prompt and files); adopt them
     * @param unconfirmed ids of jobs made since the create that may be its own but may as well be
     *     another's (no prompt listed yet, another create of this build still unanswered): neither
     *     adopt them nor send the create again while they are there
     */
    record Found(List<JobRef> jobs, List<String> unconfirmed) {

        public Found {
            jobs = List.copyOf(jobs);
            unconfirmed = List.copyOf(unconfirmed);
        }

        /** Identified jobs only. */
        public static Found jobs(List<JobRef> jobs) {
            return new Found(jobs, List.of());
        }

        /** Nothing that could be the create's job. */
        public static Found nothing() {
            return new Found(List.of(), List.of());
        }

        /** No job that could be the create's: sending it again pays once, not twice. */
        public boolean isNothing() {
            return jobs.isEmpty() && unconfirmed.isEmpty();
        }
    }
}
