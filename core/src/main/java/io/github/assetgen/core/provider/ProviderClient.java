package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The conversation with one provider: submit a create request, poll its jobs, download results.
 * One instance per provider per build; implementations are thread-safe.
 *
 * <p>Money rule: {@link #submit} sends at most one create request whose body may reach the server.
 * If the body may have been sent and no answer came back, it throws a {@link ProviderException}
 * of kind {@link ProviderException.Kind#MAYBE_SUBMITTED} and never retries by itself; so does an
 * answered 5xx (useapi documents MiniMax answering 502/504 "while still accepting jobs into the
 * internal queue"). An answered 429, or a connection that failed before anything was sent, is
 * surfaced as {@code RATE_LIMITED}/{@code RETRYABLE} for the caller to retry.
 */
public interface ProviderClient {

    /** The provider's name as used in specs ({@code useapi}, {@code minimax}, ...). */
    String name();

    /**
     * Uploads local inputs if the provider needs them (re-using remembered file ids), then sends the
     * create request.
     *
     * @return the provider's job ids, and results when the provider answers synchronously
     * @throws ProviderException classified failure
     */
    SubmitResult submit(AssetRequest request) throws ProviderException;

    /**
     * Like {@link #submit(AssetRequest)}, sending {@code submissionId} with the request where the
     * provider stores a client reference (useapi's {@code replyRef}), so that {@link #jobLookup()}
     * can find the job if the answer is lost. Providers that take none ignore it.
     */
    default SubmitResult submit(AssetRequest request, String submissionId) throws ProviderException {
        return submit(request);
    }

    /** How to find the job of a create whose answer was lost; empty when the provider offers no way. */
    default Optional<JobLookup> jobLookup() {
        return Optional.empty();
    }

    /**
     * Whether {@link #poll} can still answer for this job. False for a job that exists only in the
     * create answer (a MiniMax image): once that answer's results are gone, the job cannot be collected.
     */
    default boolean canPoll(JobRef job) {
        return true;
    }

    /**
     * Asks once for the state of a job. GETs that fail with a retryable fault are retried inside,
     * up to the configured limit.
     */
    JobState poll(JobRef job) throws ProviderException;

    /**
     * Streams one result into {@code target}: a temporary file beside it first, moved into place
     * only when complete. A truncated body is an error and leaves no file.
     *
     * @return what was written, with the format read from the file's magic bytes
     */
    DownloadedFile download(ResultLocation result, Path target) throws ProviderException;

    /**
     * What the account can still spend, where the provider tells it; empty where it does not. One
     * read, asked once per build before anything is created; the caller treats a failure as a
     * balance it does not know, never as a reason to stop.
     *
     * @param account the account the assets name (useapi's credits are per account), or null for
     *     the token's own
     */
    default Optional<Cost> balance(String account) throws ProviderException {
        return Optional.empty();
    }

    /**
     * Like {@link #download(ResultLocation, Path)}, but fails (REJECTED, leaving no file) unless what
     * arrives is media of {@code expected} type within the provider's download limits. Clients that
     * fetch over HTTP override this; the default trusts a client that makes its own files.
     */
    default DownloadedFile download(ResultLocation result, Path target, AssetType expected) throws ProviderException {
        return download(result, target);
    }
}
