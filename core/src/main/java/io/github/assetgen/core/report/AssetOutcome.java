package io.github.assetgen.core.report;

import io.github.assetgen.core.provider.Cost;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What happened to one asset in a build, as the reports show it. Immutable.
 *
 * @param id the asset id
 * @param status {@code kept}, {@code restored}, {@code generated}, {@code partial}, {@code failed},
 *     {@code skipped} or {@code planned}
 * @param provider the provider name, or null when unknown (e.g. a spec error)
 * @param model the model, or null
 * @param type {@code image} or {@code video}, or null
 * @param prompt the prompt, or null
 * @param key the cache key (hex SHA-256), or null
 * @param files the output files, in order; empty when none were written
 * @param cost what the asset's files cost, as the lock records it, or null when unknown to the report
 *     (a spec error)
 * @param spent what this build spent on the asset, or null
 * @param durationMillis how long the asset took in this build
 * @param message the failure (or skip) reason, or null
 * @param placeholder the asset's files in the output directory are placeholder renders, not real assets
 * @param candidates with a {@code pick}: every candidate of the request, in order (number = index + 1),
 *     whether written or not; else empty
 */
public record AssetOutcome(
        String id,
        String status,
        String provider,
        String model,
        String type,
        String prompt,
        String key,
        List<OutcomeFile> files,
        Cost cost,
        Cost spent,
        long durationMillis,
        String message,
        boolean placeholder,
        List<OutcomeFile> candidates) {

    /** An outcome that is no placeholder render and has no candidates to choose from. */
    public AssetOutcome(
            String id,
            String status,
            String provider,
            String model,
            String type,
            String prompt,
            String key,
            List<OutcomeFile> files,
            Cost cost,
            Cost spent,
            long durationMillis,
            String message) {
        this(id, status, provider, model, type, prompt, key, files, cost, spent, durationMillis, message, false, null);
    }

    /** Every status a report knows, in the order summaries list them. */
    public static final List<String> STATUSES =
            List.of("kept", "restored", "generated", "partial", "failed", "skipped", "planned");

    private static final Set<String> KNOWN = Set.copyOf(STATUSES);

    public AssetOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if (!KNOWN.contains(status)) {
            throw new IllegalArgumentException("unknown status '" + status + "' (known: " + STATUSES + ")");
        }
        files = files == null ? List.of() : List.copyOf(files);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
