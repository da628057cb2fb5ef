package io.github.assetgen.core.store;

import io.github.assetgen.core.provider.Cost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The lock after a build: assets kept, restored or generated are recorded with their files; failed
 * and skipped ones keep what they had; ids no longer in any spec are dropped when the build covered
 * every asset. Stateless.
 */
public final class LockUpdate {

    /** What this build did to an asset, as far as the lock cares. */
    public enum Outcome {
        /** Made by a provider in this build: a new generation. */
        GENERATED,
        /** Written from the cache; the same generation as before when the key did not change. */
        RESTORED,
        /** Only some files of a batch came back: they are recorded, marked partial, for the next build to complete. */
        PARTIAL,
        /** Kept, skipped or failed: the lock keeps what it had. */
        UNCHANGED
    }

    /**
     * One asset of the build, described for the lock. Immutable.
     *
     * @param id the asset id
     * @param outcome what the build did to it
     * @param key the cache key
     * @param provider the provider name
     * @param model the model name as sent
     * @param cost what the files cost (the estimate at submission, or the charge where known);
     *     recorded for a new generation
     * @param partial how many files of the batch came back, for a partial outcome; else null
     * @param files the output files in output order; empty unless generated, partial or restored
     * @param jobIds the provider's job ids
     * @param pick the candidate the asset's file is, when its spec picks one; else null
     */
    public record Asset(
            String id,
            Outcome outcome,
            String key,
            String provider,
            String model,
            Cost cost,
            LockFile.Partial partial,
            List<LockFile.LockedFile> files,
            List<String> jobIds,
            Integer pick) {

        /** An asset that writes every candidate. */
        public Asset(
                String id,
                Outcome outcome,
                String key,
                String provider,
                String model,
                Cost cost,
                LockFile.Partial partial,
                List<LockFile.LockedFile> files,
                List<String> jobIds) {
            this(id, outcome, key, provider, model, cost, partial, files, jobIds, null);
        }

        public Asset {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(outcome, "outcome");
            cost = cost == null ? Cost.unknown() : cost;
            files = List.copyOf(files);
            jobIds = List.copyOf(jobIds);
        }
    }

    private LockUpdate() {}

    /**
     * The lock after this build.
     *
     * @param coversAllAssets the build saw every asset of the project, so ids not among {@code assets}
     *     are gone from the specs
     * @param now when a new generation is recorded as made
     */
    public static LockFile apply(LockFile previous, List<Asset> assets, boolean coversAllAssets, Instant now) {
        // one copy of the lock for the whole build: a cold build of thousands of assets adds thousands
        List<LockFile.Entry> changed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Asset asset : assets) {
            ids.add(asset.id());
            if (asset.outcome() != Outcome.UNCHANGED) {
                Optional<LockFile.Entry> before = previous.find(asset.id());
                // a restore of the same key is the generation the lock already records: keep its date and cost
                boolean sameGeneration = before.isPresent()
                        && before.get().key().equals(asset.key())
                        && asset.outcome() == Outcome.RESTORED;
                String generatedAt = sameGeneration ? before.get().generatedAt() : now.toString();
                Cost cost = sameGeneration ? before.get().cost() : asset.cost();
                changed.add(new LockFile.Entry(
                        asset.id(),
                        asset.key(),
                        asset.provider(),
                        asset.model(),
                        asset.files(),
                        cost,
                        asset.outcome() == Outcome.PARTIAL ? asset.partial() : null,
                        asset.jobIds(),
                        generatedAt,
                        asset.pick()));
            }
        }
        LockFile lock = previous.withAll(changed);
        return coversAllAssets ? lock.retainOnly(ids) : lock;
    }
}
