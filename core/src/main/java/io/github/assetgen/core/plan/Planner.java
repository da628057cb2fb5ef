package io.github.assetgen.core.plan;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.rules.Pricing;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.wording.Advice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, without the network, what each asset needs: keep, restore, resume, recover, generate,
 * skip or blocked, with the cost of what will be generated. Stateless apart from its inputs.
 */
public final class Planner {

    private final Pricing pricing;

    public Planner(Pricing pricing) {
        this.pricing = pricing;
    }

    /**
     * Plans every request. An asset the lock records with its current key, found in no cache and not
     * in the outputs, is RECOVER: fetched back for free or failed, never generated without force.
     *
     * @param force regenerate even what is up to date, cached or recorded in the lock; an answered
     *     open job is still resumed rather than paid for again
     * @param offline nothing may be sent: what needs the network is blocked
     */
    public Plan plan(
            List<AssetRequest> requests, AssetState state, Selection selection, boolean force, boolean offline) {
        List<PlannedAsset> planned = new ArrayList<>();
        for (AssetRequest request : requests) {
            planned.add(planOne(request, state, selection, force, offline));
        }
        return new Plan(planned);
    }

    private PlannedAsset planOne(
            AssetRequest request, AssetState state, Selection selection, boolean force, boolean offline) {
        String key = CacheKey.of(request);
        Cost free = Cost.free();
        if (!selection.selects(request.id())) {
            return new PlannedAsset(request, key, Action.SKIP, free, null, "not selected by assetgen.only");
        }
        LockFile.Entry recorded = state.recorded(request, key).orElse(null);
        if (!force && state.isUpToDate(request, key)) {
            return new PlannedAsset(request, key, Action.KEEP, free, null, null, recorded);
        }
        if (!force && state.isCached(key)) {
            return new PlannedAsset(request, key, Action.RESTORE, free, null, null, recorded);
        }
        Optional<OpenJob> open = state.openJob(key);
        if (open.isPresent()) {
            OpenJob job = open.get();
            if (job.answered()) {
                if (offline) {
                    return new PlannedAsset(
                            request,
                            key,
                            Action.BLOCKED,
                            free,
                            job,
                            "a job submitted by an earlier build is still open; build online to collect it",
                            recorded);
                }
                // paid for already: collect it, even with force, rather than pay twice; the cost is
                // recorded for the lock but not counted against this build's budget
                return new PlannedAsset(
                        request,
                        key,
                        Action.RESUME,
                        pricing.estimate(request),
                        job,
                        job.expired()
                                ? "the job is older than the provider keeps results; it will be polled once more"
                                : null,
                        recorded);
            }
            if (!force) {
                return new PlannedAsset(
                        request,
                        key,
                        Action.BLOCKED,
                        free,
                        job,
                        "a create request was sent at " + job.startedAt() + " and no answer is recorded."
                                + " If another build is still running it, this build waits for it; if not, the"
                                + " answer was lost and it may already be paid for. Check the provider's"
                                + " dashboard; to generate it again on purpose run with "
                                + Advice.parameter("force", "true") + " " + Advice.parameter("only", request.id()),
                        recorded);
            }
        }
        if (!force && recorded != null) {
            // bought before: what it cost is shown, never counted, because it is never bought again here
            Cost paid = Cost.parse(recorded.credits()).orElseGet(() -> pricing.estimate(request));
            if (offline) {
                return new PlannedAsset(
                        request,
                        key,
                        Action.BLOCKED,
                        free,
                        null,
                        "bought before (" + paid.format() + " per the lock) but in no cache, and the build is"
                                + " offline",
                        recorded);
            }
            return new PlannedAsset(request, key, Action.RECOVER, paid, null, null, recorded);
        }
        if (offline) {
            return new PlannedAsset(
                    request, key, Action.BLOCKED, free, null, "not in the cache, and the build is offline");
        }
        return new PlannedAsset(
                request, key, Action.GENERATE, pricing.estimate(request), open.orElse(null), null, recorded);
    }
}
