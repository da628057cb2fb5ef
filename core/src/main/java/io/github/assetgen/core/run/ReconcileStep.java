package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.JobLookup;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.http.RetryPolicy;
import io.github.assetgen.core.provider.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Looks for the job a create request made when its answer was lost, in the provider's own lists,
 * before anything is sent again. Its own class because it decides between the two ways to lose
 * money: paying twice (resending a create the provider took) and paying for nothing (failing an
 * asset whose job exists). A job appears in the lists a little after its create, so the lists are
 * read every poll interval for a grace period counted from the moment the create was sent; only
 * when they show no such job after it is a resend safe. Lists that cannot be read decide nothing:
 * the asset fails as "may already be paid". Thread-safe.
 */
final class ReconcileStep {

    /** How long after a create its job may take to show in the provider's lists. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private final Map<String, ProviderSettings> settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RunListener log;

    ReconcileStep(Map<String, ProviderSettings> settings, Clock clock, Sleeper sleeper, RunListener log) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * The jobs the create with {@code submissionId} made, as soon as the lists show them; once {@link
     * #GRACE} has passed since {@code sentAt} without them, the jobs the last look could not tell
     * apart from this create's, if any.
     *
     * @param cause why the answer is missing, for messages
     * @throws AssetFailure "may already be paid" when the lists cannot be read, or the asset's deadline
     *     comes first
     */
    JobLookup.Found find(
            PlannedAsset asset, JobLookup lookup, String submissionId, Instant sentAt, String cause, RetryPolicy retry)
            throws AssetFailure, InterruptedException {
        String id = asset.id();
        String provider = asset.request().provider();
        ProviderSettings providerSettings = settings.get(provider);
        Duration interval = providerSettings == null ? Duration.ofSeconds(5) : providerSettings.pollInterval();
        Instant until = sentAt.plus(GRACE);
        log.info("[" + id + "] " + cause + "; looking for the job (replyRef " + submissionId + ") in " + provider
                + "'s lists before anything is sent again");
        while (true) {
            JobLookup.Found look;
            try {
                look = lookup.find(asset.request(), submissionId, sentAt);
            } catch (ProviderException e) {
                throw new AssetFailure(
                        SubmitStep.maybePaidMessage(
                                id, cause + "; and " + provider + "'s lists could not be read: " + e.getMessage()),
                        e);
            }
            List<JobRef> found = look.jobs();
            if (!found.isEmpty()) {
                log.info("[" + id + "] found " + found.stream().map(JobRef::id).collect(Collectors.joining(", "))
                        + " made by the create with replyRef " + submissionId + "; collecting it");
                return look;
            }
            Instant now = clock.instant();
            if (!now.isBefore(until)) {
                return look; // nothing found: only what may be it
            }
            Duration wait = Duration.between(now, until);
            wait = wait.compareTo(interval) < 0 ? wait : interval;
            if (!retry.fits(wait)) {
                throw new AssetFailure(SubmitStep.maybePaidMessage(
                        id, cause + "; the asset's time ran out before " + provider + "'s lists could confirm it"));
            }
            sleeper.sleep(wait);
        }
    }
}
