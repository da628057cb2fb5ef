package io.github.assetgen.core.store;

import io.github.assetgen.core.provider.JobRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One open job of the {@link Journal}. Immutable.
 *
 * @param key the cache key the job produces
 * @param state how far the submission got
 * @param provider the provider name
 * @param assetId the asset that asked for it, for messages
 * @param model the model name as sent
 * @param startedAt when the create request was about to be sent
 * @param jobs the provider's job references; empty while SUBMITTING
 * @param submittedAt when the provider acknowledged the job; null while SUBMITTING
 * @param submissionId the unique reference sent with the create request (useapi's {@code replyRef}),
 *     by which the job can be looked for if the answer is lost; null when the provider takes none
 */
public record JournalEntry(
        String key,
        State state,
        String provider,
        String assetId,
        String model,
        Instant startedAt,
        List<JobRef> jobs,
        Instant submittedAt,
        String submissionId) {

    /** How far a submission got before the build stopped. */
    public enum State {
        /**
         * The create request was about to be sent, or was sent without an answer: the provider may
         * or may not have a job (and may charge for it).
         */
        SUBMITTING,
        /** The provider answered with job ids; poll them, never submit again. */
        SUBMITTED
    }

    public JournalEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(startedAt, "startedAt");
        jobs = List.copyOf(jobs);
    }

    /** An entry without a submission id (providers that take no client reference). */
    public JournalEntry(
            String key,
            State state,
            String provider,
            String assetId,
            String model,
            Instant startedAt,
            List<JobRef> jobs,
            Instant submittedAt) {
        this(key, state, provider, assetId, model, startedAt, jobs, submittedAt, null);
    }

    /**
     * How long ago the job was submitted (or, if never acknowledged, started), by {@code clock}.
     *
     * @param clock the current time
     * @return the age; negative only if the clock went backwards
     */
    public Duration age(Clock clock) {
        return Duration.between(submittedAt != null ? submittedAt : startedAt, clock.instant());
    }
}
