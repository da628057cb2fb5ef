package io.github.assetgen.core.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a build found in the output directory, for the reports: which assets' files there are
 * placeholder renders, and the candidates of each asset with a {@code pick}. Immutable.
 *
 * @param placeholders ids of the assets whose files in the output directory are placeholder renders
 * @param candidates per asset id with a pick, every candidate of its request in order (files in
 *     the cache, named by their number)
 */
public record OutputFacts(Set<String> placeholders, Map<String, List<OutcomeFile>> candidates) {

    public OutputFacts {
        placeholders = Set.copyOf(placeholders);
        candidates = Map.copyOf(candidates);
    }

    /** Nothing known: no placeholder, no candidates. */
    public static OutputFacts none() {
        return new OutputFacts(Set.of(), Map.of());
    }
}
