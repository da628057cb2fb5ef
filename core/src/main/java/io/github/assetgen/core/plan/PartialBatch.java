package io.github.assetgen.core.plan;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files an earlier build got of an asset's batch when only some came back (the others failed
 * or were moderated). They were paid for: the next build keeps them in the first output slots and
 * buys only the missing ones. Immutable.
 *
 * @param files the files that came back, in output order (a partial cache entry, or the outputs
 *     the lock records)
 * @param of how many files the whole batch has
 * @param charged what the files that came back cost
 * @param jobIds the jobs that made them
 * @param remainder the request that buys only the missing files (its outputs are the empty slots);
 *     null until the planner has made it
 */
public record PartialBatch(List<Path> files, int of, Cost charged, List<String> jobIds, AssetRequest remainder) {

    public PartialBatch {
        files = List.copyOf(files);
        jobIds = List.copyOf(jobIds);
        Objects.requireNonNull(charged, "charged");
        if (files.isEmpty() || files.size() >= of) {
            throw new IllegalArgumentException("a partial batch has 1 to " + (of - 1) + " of " + of + " files");
        }
    }

    /** How many files came back. */
    public int have() {
        return files.size();
    }

    /** How many files are missing. */
    public int missing() {
        return of - files.size();
    }

    PartialBatch withRemainder(AssetRequest request) {
        return new PartialBatch(files, of, charged, jobIds, request);
    }
}
