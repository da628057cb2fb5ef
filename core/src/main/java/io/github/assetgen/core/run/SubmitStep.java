package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.JobLookup;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.RetryPolicy;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.JournalEntry;
import io.github.assetgen.core.wording.Advice;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Sends an asset's create request: the one step that spends money. Its own class so that its order
 * can be checked in one place: the journal entry (with the request's unique submission id) is
 * written before the request, the job ids as soon as the provider answers, and a request that may
 * have reached the provider is looked up at the provider ({@link ReconcileStep}) where it keeps a
 * list, and otherwise never sent again without {@code force}. A build killed at any moment therefore
 * never pays twice. Thread-safe.
 */
final class SubmitStep {

    private final Journal journal;
    private final ProviderGates gates;
    private final Map<String, List<JobRef>> inFlight;
    private final boolean force;
    private final boolean locked;
    private final Sleeper sleeper;
    private final RunListener log;
    private final ReconcileStep reconcile;
    private final JournalRecorder recorder;

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
            RunListener log,
            ReconcileStep reconcile) {
        this.journal = journal;
        this.gates = gates;
        this.inFlight = inFlight;
        this.force = force;
        this.locked = locked;
        this.sleeper = sleeper;
        this.log = log;
        this.reconcile = reconcile;
        this.recorder = new JournalRecorder(journal, sleeper, log);
    }

    /**
     * Sends the create request unless an earlier one may have been paid for; answered 429s and
     * connections that failed before sending are retried as {@code retry} says, and a create without
     * a clear answer is looked up before it is ever sent again.
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
        if (open.isPresent()) {
            // a lost answer is looked up where the provider can tell; else it fails unless forced
            Optional<SubmitResult> adopted = settleLostAnswer(asset, client, open.get(), retry);
            if (adopted.isPresent()) {
                return adopted.get();
            }
        }
        if (locked) {
            // the build checks this before anything is sent; this is the last line of defence
            throw new AssetFailure("a locked build (" + Advice.parameter("locked", "true")
                    + ") sends no create request; nothing was sent");
        }
        Optional<JobLookup> lookup = client.jobLookup();
        String provider = request.provider();
        for (int attempt = 1; ; attempt++) {
            String stopped = gates.stopReason(provider, request.account());
            if (stopped != null) {
                throw new AssetFailure("not sent: " + provider + " was stopped earlier in this build: " + stopped);
            }
            String submissionId = newSubmissionId(request.id());
            JournalEntry begun = journal.begin(
                    asset.key(), provider, request.id(), request.model(), lookup.isPresent() ? submissionId : null);
            inFlight.put(request.id(), List.of());
            SubmitResult submitted;
            try {
                log.debug(
                        "[" + request.id() + "] sending create request to " + provider + " (attempt " + attempt + ")");
                submitted = client.submit(request, submissionId);
            } catch (ProviderException e) {
                switch (e.kind()) {
                    case MAYBE_SUBMITTED -> {
                        if (lookup.isEmpty()) {
                            // the journal entry stays "submitting": the next build will not pay again blindly
                            throw new AssetFailure(maybePaidMessage(request.id(), e.getMessage()), e);
                        }
                        String cause = "the create request got no clear answer (" + withoutAdvice(e.getMessage()) + ")";
                        JobLookup.Found found =
                                reconcile.find(asset, lookup.get(), submissionId, begun.startedAt(), cause, retry);
                        if (!found.jobs().isEmpty()) {
                            return adopt(asset, found.jobs());
                        }
                        if (!found.isNothing()) {
                            // the journal entry stays "submitting": the next build looks again, never pays blindly
                            throw new AssetFailure(
                                    maybePaidMessage(request.id(), unconfirmed(cause, provider, found)), e);
                        }
                        journal.close(asset.key());
                        inFlight.remove(request.id());
                        if (attempt >= RetryPolicy.ASSET_ATTEMPTS) {
                            throw new AssetFailure(
                                    provider + " answered " + attempt + " create request(s) without a clear answer"
                                            + " and its lists show no job for any of them; nothing was created, run"
                                            + " the build again later",
                                    e);
                        }
                        log.warn("[" + request.id() + "] no job with replyRef " + submissionId + " at " + provider
                                + " after " + ReconcileStep.GRACE.toMinutes() + " min; sending again");
                        continue;
                    }
                    case PROVIDER_STOP -> {
                        journal.close(asset.key());
                        // credits and holds belong to one account: the provider's other accounts go on
                        if (gates.stop(provider, request.account(), e)) {
                            throw new AssetFailure(
                                    "account " + request.account() + " of " + provider
                                            + (e.httpStatus() == 412 ? " has no credits left: " : " is on hold: ")
                                            + e.getMessage() + "; assets on other accounts go on",
                                    e);
                        }
                        throw new AssetFailure(provider + " stopped taking work: " + e.getMessage(), e);
                    }
                    case REJECTED -> {
                        journal.close(asset.key());
                        throw new AssetFailure("rejected by " + provider + ": " + e.getMessage(), e);
                    }
                    default -> {
                        // an answered 429, or nothing was sent: the provider did not take the job, so trying again is
                        // safe
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
            // in memory first: a Ctrl-C during a slow journal write still prints the paid ids
            inFlight.put(request.id(), submitted.jobs());
            recorder.record(asset, recorder.refsOf(asset, submitted));
            return submitted;
        }
    }

    /** Why a create whose job cannot be told apart from another's is neither adopted nor sent again. */
    private static String unconfirmed(String cause, String provider, JobLookup.Found found) {
        return cause + "; " + provider + "'s lists show " + String.join(", ", found.unconfirmed())
                + " made since, which may be its job but cannot be told apart from another's"
                + " (no prompt listed yet, or another create still unanswered), so it is neither collected nor sent"
                + " again";
    }

    /**
     * An earlier create of this key has no recorded answer. Where the provider keeps lists, the job is
     * looked up and adopted; where it does not, the asset fails as "may already be paid" unless
     * {@code force} asks to send it again. Returns empty when a new create is to be sent.
     */
    private Optional<SubmitResult> settleLostAnswer(
            PlannedAsset asset, ProviderClient client, JournalEntry entry, RetryPolicy retry)
            throws AssetFailure, InterruptedException, IOException {
        String id = asset.id();
        String provider = asset.request().provider();
        Optional<JobLookup> lookup = client.jobLookup();
        if (lookup.isPresent() && entry.submissionId() != null) {
            String cause = "an earlier build sent its create request at " + entry.startedAt() + " and lost the answer";
            JobLookup.Found found =
                    reconcile.find(asset, lookup.get(), entry.submissionId(), entry.startedAt(), cause, retry);
            if (!found.jobs().isEmpty()) {
                return Optional.of(adopt(asset, found.jobs()));
            }
            if (!found.isNothing() && !force) {
                // the entry stays open: a later build, or the user with force, decides
                throw new AssetFailure(maybePaidMessage(id, unconfirmed(cause, provider, found)));
            }
            if (!force) {
                // the provider's lists show no such job: the entry is closed, so the next build plans
                // (and budgets) a new create; this one did not count it and sends none
                journal.close(asset.key());
                throw new AssetFailure("an earlier build sent its create request at " + entry.startedAt()
                        + " and lost the answer, and " + provider + "'s lists show no job with replyRef "
                        + entry.submissionId() + "; nothing was sent now: run the build again to generate it");
            }
            log.warn("[" + id + "] force: no job with replyRef " + entry.submissionId() + " at " + provider
                    + "; sending the create request again");
        } else if (!force) {
            throw new AssetFailure(
                    maybePaidMessage(id, "an earlier build sent its create request and lost the answer"));
        } else {
            log.warn("[" + id + "] force: sending the create request again although an"
                    + " earlier one may have been paid for");
        }
        journal.close(asset.key());
        return Optional.empty();
    }

    /**
     * The open entry if its jobs can still be collected. A job only the create answer held (a MiniMax
     * image) can be collected only from the results kept with it; when none are, or {@code force}
     * finds them unusable, {@code force} closes the entry so that a new create is sent, and without
     * it the asset fails naming {@code force}. A job this plan was to resume whose entry another build
     * has closed since fails the asset: the plan counted no create.
     */
    Optional<JournalEntry> collectable(PlannedAsset asset, ProviderClient client, Optional<JournalEntry> open)
            throws AssetFailure, IOException {
        if (open.isEmpty() && asset.action() == Action.RESUME) {
            // another build took the job this plan was to collect and closed its entry without leaving
            // the files in the cache (the job failed or was rejected there); this plan counted no new
            // create, so none is sent: the next build plans, estimates and budgets one
            throw new AssetFailure("the job "
                    + asset.openJob().jobs().stream().map(JobRef::id).collect(Collectors.joining(", "))
                    + " this build was to collect was closed since it was planned, without a result (by another"
                    + " build, or another asset with the same request); nothing was sent, run the build again");
        }
        if (open.isEmpty() || open.get().jobs().isEmpty()) {
            return open;
        }
        List<JobRef> jobs = open.get().jobs();
        List<JobRef> results = jobs.stream().filter(JournalRecorder::isResult).toList();
        if (results.isEmpty() && jobs.stream().allMatch(client::canPoll)) {
            return open;
        }
        boolean usable = !results.isEmpty()
                && results.stream().allMatch(r -> !r.kind().equals(JournalRecorder.RESULT_FILE) || kept(asset, r))
                && (asset.openJob() == null || !asset.openJob().expired());
        if (usable || (!results.isEmpty() && !force)) {
            return open;
        }
        String what = jobs.stream()
                .filter(j -> !JournalRecorder.isResult(j))
                .map(JobRef::id)
                .collect(Collectors.joining(", "));
        if (!force) {
            throw new AssetFailure("the job " + what + " submitted by an earlier build cannot be collected: "
                    + asset.request().provider() + " returned its results only in the create answer, and they"
                    + " were not kept. It is paid for; to generate it again on purpose run with"
                    + " " + Advice.parameter("force", "true") + " " + Advice.parameter("only", asset.id()));
        }
        log.warn("[" + asset.id() + "] force: closing the journal entry of " + what + ", whose results can no"
                + " longer be collected, and generating it anew (this pays again)");
        journal.close(asset.key());
        return Optional.empty();
    }

    /** Whether the journal still holds this kept result. */
    private boolean kept(PlannedAsset asset, JobRef result) {
        try {
            return Files.isRegularFile(journal.keptResult(asset.key(), result.id()));
        } catch (IllegalArgumentException notAKeptResult) {
            return false;
        }
    }

    private SubmitResult adopt(PlannedAsset asset, List<JobRef> jobs) throws InterruptedException {
        inFlight.put(asset.id(), List.copyOf(jobs));
        recorder.record(asset, jobs);
        return SubmitResult.ofJobs(jobs);
    }

    /** The failure without its "may already be paid, run with force" advice, which a found job makes moot. */
    private static String withoutAdvice(String message) {
        int advice = message.indexOf("; the asset may already be paid for");
        return advice < 0 ? message : message.substring(0, advice);
    }

    /**
     * A reference unique to one create request: the asset id (so a person can match provider jobs to
     * assets) and 12 random hex digits; under useapi's 1024-character limit for {@code replyRef}.
     */
    static String newSubmissionId(String assetId) {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        String id = assetId.length() > 200 ? assetId.substring(0, 200) : assetId;
        return id + "#" + HexFormat.of().formatHex(random);
    }

    static String maybePaidMessage(String id, String cause) {
        return "the create request may have reached the provider but no clear answer came back (" + cause + "). It may"
                + " already be paid for, so it is not sent again automatically. Check the provider's dashboard; to"
                + " generate it again on purpose run with " + Advice.parameter("force", "true") + " "
                + Advice.parameter("only", id);
    }
}
