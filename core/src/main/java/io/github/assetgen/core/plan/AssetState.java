package io.github.assetgen.core.plan;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.LastFailures;
import io.github.assetgen.core.store.LockFile;
import java.util.Optional;

/**
 * What the planner may know about an asset from files on disk: the lock and outputs, the cache and
 * the job journal. Reads only; never the network.
 */
public interface AssetState {

    /** The outputs exist and match the lock entry of this id, which has this key. */
    boolean isUpToDate(AssetRequest request, String key);

    /** A complete, checksum-valid cache entry exists for the key. */
    boolean isCached(String key);

    /** A job an earlier build started for this key and did not close. */
    Optional<OpenJob> openJob(String key);

    /**
     * The lock's entry for this asset when it records this very key, else the entry of another asset
     * that records it (a renamed asset, two assets with one request): the record that the key was
     * bought, with what it cost, its files' SHA-256 and its job ids. Empty for a key nobody bought.
     */
    default Optional<LockFile.Entry> recorded(AssetRequest request, String key) {
        return Optional.empty();
    }

    /**
     * The files an earlier build got of this asset's batch when only some came back; the
     * {@link PartialBatch#remainder() remainder} is left for the planner. Empty by default.
     */
    default Optional<PartialBatch> partial(AssetRequest request, String key) {
        return Optional.empty();
    }

    /**
     * How the request differs from the one the lock records for this id, when the lock records
     * another key. Empty for a new asset or an unchanged request.
     */
    default Optional<Change> change(AssetRequest request, String key) {
        return Optional.empty();
    }

    /** Why the last generation of this key failed, when an earlier build recorded it. */
    default Optional<LastFailures.LastFailure> lastFailure(String key) {
        return Optional.empty();
    }
}
