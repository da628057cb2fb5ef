package io.github.assetgen.core.report;

import io.github.assetgen.core.plan.State;
import io.github.assetgen.core.provider.Cost;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What happened to one asset in a build, as the reports show it. Immutable.
 *
 * @param id the asset id
 * @param status the label of a {@link State} a report shows ({@code kept}, {@code restored}, {@code
 *     generated}, {@code partial}, {@code failed}, {@code skipped} or {@code planned})
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
 * @param change how the request differs from the one the lock recorded, with the previous version; null
 *     when it did not change (or is new)
 * @param placeholder the asset's files in the output directory are placeholder renders, not real assets
 * @param candidates with a {@code pick}: every candidate of the request, in order (number = index + 1),
 *     whether written or not; else empty
 * @param pick the number of the candidate written as the asset's output, or 0 without a {@code pick}
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
        Change change,
        boolean placeholder,
        List<OutcomeFile> candidates,
        int pick) {

    /** Every status a report knows, in the order summaries list them: the labels of {@link State#reported()}. */
    public static final List<String> STATUSES =
            State.reported().stream().map(State::label).toList();

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

    /** An outcome whose request did not change. */
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
        this(id, status, provider, model, type, prompt, key, files, cost, spent, durationMillis, message, null);
    }

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
            String message,
            Change change) {
        this(
                id,
                status,
                provider,
                model,
                type,
                prompt,
                key,
                files,
                cost,
                spent,
                durationMillis,
                message,
                change,
                false,
                null,
                0);
    }

    /** The same outcome with another change record (its previous files copied beside the report). */
    AssetOutcome withChange(Change newChange) {
        return new AssetOutcome(
                id,
                status,
                provider,
                model,
                type,
                prompt,
                key,
                files,
                cost,
                spent,
                durationMillis,
                message,
                newChange,
                placeholder,
                candidates,
                pick);
    }

    /**
     * What changed since the lock, for a reviewer: the fields, the previous prompt and the previous
     * version's files, so the gallery shows the old picture beside the new one. Immutable.
     *
     * @param previousKey the key the lock recorded before
     * @param fields the request fields that changed; empty when not known
     * @param previousPrompt the previous prompt, or null when not known
     * @param previousFiles the previous version's files (in the cache, or copied beside the report); empty
     *     when the cache no longer has them
     */
    public record Change(String previousKey, List<String> fields, String previousPrompt, List<Path> previousFiles) {

        public Change {
            fields = List.copyOf(fields);
            previousFiles = List.copyOf(previousFiles);
        }
    }
}
