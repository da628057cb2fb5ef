package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.RetryPolicy;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.JournalEntry;
import io.github.assetgen.core.wording.Advice;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends an asset's create request: the one step that spends money. Its own class so that its order
 * can be checked in one place: the journal entry is written before the request, the job ids as soon
 * as the provider answers, and a request that may have reached the provider is never sent again
 * without {@code force}. A build killed at any moment therefore never pays twice. Thread-safe.
 */
final class SubmitStep {

    /** A journal job whose "id" is a result URL the provider already answered with. */
    static final String RESULT_URL = "result-url";

    private final Journal journal;
    private final ProviderGates gates;
    private final Map<String, List<JobRef>> inFlight;
    private final boolean force;
    private final boolean locked;
    private final Sleeper sleeper;
    private final RunListener log;

    /**
     * @param inFlight jobs submitted and not yet stored, by asset id; kept up to date here
     * @param locked a locked build: no create request is ever sent
     */
    SubmitStep(
            Journal journal,
            ProviderGates gates,
            Map<String, List<JobRef>> inFlight,
            boolean force,
            boolean locked,
            Sleeper sleeper,
            RunListener log) {
        this.journal = journal;
        this.gates = gates;
        this.inFlight = inFlight;
        this.force = force;
        this.locked = locked;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * Sends the create request unless an earlier one may have been paid for; answered 429/5xx are
     * retried as {@code retry} says.
     *
     * @param open the asset's journal entry without job ids, if there is one
     */
    SubmitResult submit(PlannedAsset asset, ProviderClient client, Optional<JournalEntry> open, RetryPolicy retry)
            throws AssetFailure, InterruptedException, IOException {
        AssetRequest request = asset.request();
        if (open.isEmpty() && asset.awaitsAnAnswer()) {
            // the build that sent it gave up without a job (rejected, stopped); this plan did
            // not budget for a new create, so none is sent
            throw new AssetFailure("another build was generating this asset and did not finish it;"
                    + " nothing was sent, run the build again");
        }
        if (open.isPresent() && !force) {
            throw new AssetFailure(
                    maybePaidMessage(request.id(), "an earlier build sent its create request and lost the answer"));
        }
        if (locked) {
            // the build checks this before anything is sent; this is the last line of defence
            throw new AssetFailure("a locked build (" + Advice.parameter("locked", "true")
                    + ") sends no create request; nothing was sent");
        }
        if (open.isPresent()) {
            log.warn("[" + request.id() + "] force: sending the create request again although an"
                    + " earlier one may have been paid for");
            journal.close(asset.key());
        }
        String provider = request.provider();
        for (int attempt = 1; ; attempt++) {
            String stopped = gates.stopReason(provider);
            if (stopped != null) {
                throw new AssetFailure("not sent: " + provider + " was stopped earlier in this build: " + stopped);
            }
            journal.begin(asset.key(), provider, request.id(), request.model());
            inFlight.put(request.id(), List.of());
            SubmitResult submitted;
            try {
                log.debug(
                        "[" + request.id() + "] sending create request to " + provider + " (attempt " + attempt + ")");
                submitted = client.submit(request);
            } catch (ProviderException e) {
                switch (e.kind()) {
                    case MAYBE_SUBMITTED -> {
                        // the journal entry stays "submitting": the next build will not pay again blindly
                        throw new AssetFailure(maybePaidMessage(request.id(), e.getMessage()), e);
                    }
                    case PROVIDER_STOP -> {
                        journal.close(asset.key());
                        gates.stop(provider, e.getMessage());
                        throw new AssetFailure(provider + " stopped taking work: " + e.getMessage(), e);
                    }
                    case REJECTED -> {
                        journal.close(asset.key());
                        throw new AssetFailure("rejected by " + provider + ": " + e.getMessage(), e);
                    }
                    default -> {
                        // answered 429/5xx: the provider did not take the job, so trying again is safe
                        journal.close(asset.key());
                        inFlight.remove(request.id());
                        Optional<Duration> wait = retry.next(e, attempt);
                        if (wait.isEmpty()) {
                            throw new AssetFailure(
                                    provider + " kept answering '" + e.getMessage() + "' after " + attempt
                                            + " attempt(s); nothing was created, run the build again later",
                                    e);
                        }
                        log.info("[" + request.id() + "] " + provider + " is busy (" + e.getMessage() + "); waiting "
                                + wait.get().toSeconds() + " s");
                        sleeper.sleep(wait.get());
                        continue;
                    }
                }
            }
            journal.recordSubmitted(asset.key(), submittedRefs(provider, submitted));
            inFlight.put(request.id(), submitted.jobs());
            return submitted;
        }
    }

    /**
     * What the journal keeps of a submission. A synchronous answer's result URLs are kept too, as
     * jobs of kind {@value #RESULT_URL}, so a build killed before the download can still collect them.
     */
    private static List<JobRef> submittedRefs(String provider, SubmitResult submitted) {
        List<JobRef> refs = new ArrayList<>(submitted.jobs());
        for (ResultLocation result : submitted.immediateResults()) {
            if (result.url() != null) {
                refs.add(new JobRef(provider, RESULT_URL, result.url()));
            }
        }
        return refs;
    }

    private static String maybePaidMessage(String id, String cause) {
        return "the create request may have reached the provider but no answer came back (" + cause + "). It may"
                + " already be paid for, so it is not sent again automatically. Check the provider's dashboard; to"
                + " generate it again on purpose run with " + Advice.parameter("force", "true") + " "
                + Advice.parameter("only", id);
    }
}
