package io.github.assetgen.core.plan;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.rules.ModelCatalog;
import io.github.assetgen.core.rules.Pricing;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.wording.Advice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
            planned.add(explain(planOne(request, state, selection, force, offline), state, force));
        }
        return new Plan(planned);
    }

    private PlannedAsset planOne(
            AssetRequest request, AssetState state, Selection selection, boolean force, boolean offline) {
        String key = CacheKey.of(request);
        Cost free = Cost.free();
        if (!selection.selects(request.id())) {
            return new PlannedAsset(
                    request, key, Action.SKIP, free, null, "not selected by " + Advice.parameter("only"));
        }
        LockFile.Entry recorded = state.recorded(request, key).orElse(null);
        if (!force && state.isUpToDate(request, key)) {
            return new PlannedAsset(request, key, Action.KEEP, free, null, null, recorded, null);
        }
        if (!force && state.isCached(key)) {
            return new PlannedAsset(request, key, Action.RESTORE, free, null, null, recorded, null);
        }
        Optional<OpenJob> open = state.openJob(key);
        if (open.isPresent()) {
            OpenJob job = open.get();
            if (job.answered()) {
                if (offline) {
                    return new PlannedAsset(
                            request,
                            key,
                            Action.OFFLINE,
                            free,
                            job,
                            "a job submitted by an earlier build is still open; build online to collect it",
                            recorded,
                            null);
                }
                // paid for already: collect it, even with force, rather than pay twice; the cost is
                // recorded for the lock but not counted against this build's budget
                Optional<PartialBatch> earlier = state.partial(request, key);
                if (earlier.isPresent()) {
                    // the open job buys the missing files of a partial batch: keep the files it has
                    return completing(request, key, earlier.get(), job, Action.RESUME);
                }
                return new PlannedAsset(
                        request,
                        key,
                        Action.RESUME,
                        pricing.estimate(request),
                        job,
                        job.expired()
                                ? "the job is older than the provider keeps results; it will be polled once more"
                                : null,
                        recorded,
                        null);
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
                        recorded,
                        null);
            }
        }
        // a partial batch is completed before anything else: its files are kept, only the rest is bought
        Optional<PartialBatch> partial = force ? Optional.empty() : state.partial(request, key);
        if (partial.isPresent()) {
            PartialBatch batch = partial.get();
            if (offline) {
                return new PlannedAsset(
                        request,
                        key,
                        Action.OFFLINE,
                        free,
                        null,
                        batch.have() + " of " + batch.of() + " files of a partial batch are kept; build online to"
                                + " buy the missing " + batch.missing());
            }
            return completing(request, key, batch, open.orElse(null), Action.GENERATE);
        }
        if (!force && recorded != null) {
            // bought before: what it cost is shown, never counted, because it is never bought again here
            // a lock written before costs were numbers may hold an unreadable cost: show the estimate instead
            Cost paid = recorded.cost().unit() == Cost.Unit.UNKNOWN ? pricing.estimate(request) : recorded.cost();
            if (offline) {
                return new PlannedAsset(
                        request,
                        key,
                        Action.OFFLINE,
                        free,
                        null,
                        "bought before (" + paid.format() + " per the lock) but in no cache, and the build is"
                                + " offline",
                        recorded,
                        null);
            }
            return new PlannedAsset(request, key, Action.RECOVER, paid, null, null, recorded, null);
        }
        // the placeholder renders locally: an offline build can still make it
        if (offline && ProviderRegistry.standard().get(request.provider()).remote()) {
            return new PlannedAsset(
                    request, key, Action.OFFLINE, free, null, "not in the cache, and the build is offline");
        }
        return new PlannedAsset(
                request, key, Action.GENERATE, pricing.estimate(request), open.orElse(null), null, recorded, null);
    }

    /**
     * Adds why the asset is planned so: new, which fields changed since the lock, forced, failed last
     * time (with the provider's reason), or where a restore comes from. What the plan line prints after
     * the state, and what the reports show of a changed request.
     */
    private static PlannedAsset explain(PlannedAsset asset, AssetState state, boolean force) {
        if (asset.action() == Action.SKIP || asset.action() == Action.KEEP) {
            return asset;
        }
        Change change = state.change(asset.request(), asset.key()).orElse(null);
        List<String> parts = new ArrayList<>();
        switch (asset.action()) {
            case GENERATE -> {
                if (force) {
                    parts.add("forced");
                }
                if (change != null) {
                    parts.add(change.describe());
                } else if (!force && asset.partial() == null) {
                    parts.add("new asset");
                }
                state.lastFailure(asset.key()).ifPresent(f -> parts.add("failed last time: " + f.reason()));
            }
            case RESTORE -> {
                if (change != null) {
                    parts.add(change.describe());
                }
                parts.add("from the local cache");
            }
            case RECOVER -> parts.add("not in the local cache: got back from the shared cache or the provider");
            default -> {
                if (change != null) {
                    parts.add(change.describe());
                }
            }
        }
        return asset.explained(parts.isEmpty() ? null : String.join("; ", parts), change);
    }

    /**
     * A GENERATE that buys only the missing files of a partial batch (or a RESUME of the job that buys them): the same request with
     * {@code quantity} set to what is missing and the empty output slots as its outputs. A model that
     * always makes a fixed number (midjourney's 4) is sent as it is and costs a whole batch; the extra
     * files are dropped.
     */
    private PlannedAsset completing(AssetRequest request, String key, PartialBatch batch, OpenJob open, Action action) {
        boolean fixed = ModelCatalog.standard()
                .find(request.provider(), request.model())
                .map(rules -> rules.fixedQuantity() > 0)
                .orElse(false);
        Map<String, Object> parameters = new TreeMap<>(request.parameters());
        if (!fixed && parameters.containsKey("quantity")) {
            parameters.put("quantity", batch.missing());
        }
        AssetRequest remainder = new AssetRequest(
                request.id(),
                request.provider(),
                request.type(),
                request.model(),
                request.prompt(),
                parameters,
                request.references(),
                request.character(),
                request.firstFrame(),
                request.endFrame(),
                request.account(),
                request.outputs().subList(batch.have(), batch.of()),
                request.position());
        Cost cost = fixed ? pricing.estimate(request) : pricing.estimate(remainder);
        return new PlannedAsset(
                request,
                key,
                action,
                cost,
                open,
                "completes a partial batch: " + batch.have() + " of " + batch.of() + " files are kept, buys the"
                        + " missing " + batch.missing(),
                null,
                batch.withRemainder(remainder));
    }
}
