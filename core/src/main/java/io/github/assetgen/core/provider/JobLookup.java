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
     * @return the jobs the create made; empty when the provider's lists show none (yet)
     * @throws ProviderException when the lists cannot be read: then nobody can tell whether the job exists
     */
    List<JobRef> find(AssetRequest request, String submissionId, Instant sentAt) throws ProviderException;
}
