package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a provider lets a finished result be fetched again, for free and with the same token,
 * from what the lock records: its job ids. A build that finds an asset the lock says was bought,
 * in no cache, tries this before it gives up. Immutable.
 *
 * @param method how a result is got back
 * @param jobKinds for {@link Method#BY_JOB_ID}: per asset type that can be re-collected, the
 *     {@link JobRef#kind()} its recorded ids are polled as; a type missing here cannot be
 * @param window how long after the generation results stay fetchable, or null when the provider
 *     states no limit
 * @param reason why a type that cannot be re-collected cannot, for messages; null when every type can
 * @param documentation the provider's page that says so
 */
public record Recollection(
        Method method, Map<AssetType, String> jobKinds, Duration window, String reason, String documentation) {

    /** How a provider hands a finished result back. */
    public enum Method {
        /** Not at all. */
        NONE,
        /** By polling the job ids the lock records, then downloading the results. */
        BY_JOB_ID,
        /** By rendering the request again, locally and for free; the same request gives the same bytes. */
        RENDER_AGAIN
    }

    public Recollection {
        Objects.requireNonNull(method, "method");
        jobKinds = Map.copyOf(jobKinds);
    }

    /** Nothing can be fetched again, for the reason given. */
    public static Recollection none(String reason, String documentation) {
        return new Recollection(Method.NONE, Map.of(), null, reason, documentation);
    }

    /**
     * Results fetched again by polling their recorded job ids.
     *
     * @param jobKinds per re-collectable asset type, the job kind its ids are polled as
     * @param window how long results stay fetchable, or null when no limit is stated
     * @param reason why the other types cannot be, or null
     */
    public static Recollection byJobId(
            Map<AssetType, String> jobKinds, Duration window, String reason, String documentation) {
        return new Recollection(Method.BY_JOB_ID, jobKinds, window, reason, documentation);
    }

    /** A local renderer: anything can be made again, free. */
    public static Recollection renderAgain() {
        return new Recollection(Method.RENDER_AGAIN, Map.of(), null, null, null);
    }

    /**
     * Why an asset of {@code type} generated at {@code generatedAt} cannot be re-collected at
     * {@code now}, or empty when it can be tried.
     */
    public Optional<String> unavailable(AssetType type, Instant generatedAt, Instant now) {
        if (method == Method.RENDER_AGAIN) {
            return Optional.empty();
        }
        if (method == Method.NONE || !jobKinds.containsKey(type)) {
            return Optional.of(reason == null ? "the provider offers no way to fetch a result again" : reason);
        }
        if (window != null && generatedAt != null && generatedAt.plus(window).isBefore(now)) {
            return Optional.of("it was generated at " + generatedAt + " and the provider keeps results for "
                    + window.toHours() + " h" + (documentation == null ? "" : " (" + documentation + ")"));
        }
        return Optional.empty();
    }

    /** The job kind recorded ids of {@code type} are polled as, if that type can be re-collected by id. */
    public Optional<String> jobKind(AssetType type) {
        return Optional.ofNullable(jobKinds.get(type));
    }
}
