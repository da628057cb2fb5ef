package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobLookup;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.http.HttpCaller;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the useapi job of a create whose answer was lost. First {@code GET /scheduler/}, whose
 * executing jobs carry the create's {@code replyRef} (certain, but only while the job runs, and only
 * if useapi learned the job's id: after a 502/504 it may not have). Then the account's own history,
 * {@code GET /images/} or {@code GET /videos/}, which has no {@code replyRef}: an image matches by
 * prompt, model ({@code modelID} or a tag), {@code createTime} after the create was sent and one
 * {@code batchID} for the whole batch; a video, whose documented item has no time, model or batch,
 * by prompt ({@code desc}), the uploaded first frame in {@code originFiles} and list position (the
 * newest match). Jobs this build already holds are never matched twice. Thread-safe.
 */
final class UseapiLookup implements JobLookup {

    /** How far the provider's clock may run behind ours: a job made that long "before" the send still counts. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final HttpCaller caller;
    /** Ids this build created or adopted, guarded by itself. */
    private final Set<String> known;
    /** The file ids each create of this build sent, by submission id; empty for an earlier build's. */
    private final Map<String, List<String>> sentFiles;

    UseapiLookup(HttpCaller caller, Set<String> known, Map<String, List<String>> sentFiles) {
        this.caller = caller;
        this.known = known;
        this.sentFiles = sentFiles;
    }

    @Override
    public List<JobRef> find(AssetRequest request, String submissionId, Instant sentAt) throws ProviderException {
        boolean video = request.type() == AssetType.VIDEO;
        int expected = video ? 1 : Math.max(1, request.expectedFiles());
        List<JobRef> found = new ArrayList<>();
        for (SchedulerEndpoint.Executing executing : caller.call(new SchedulerEndpoint())) {
            if (submissionId.equals(executing.replyRef()) && !found.contains(executing.job())) {
                found.add(executing.job());
            }
        }
        List<JsonNode> items =
                found.size() >= expected ? List.of() : caller.call(new AccountListEndpoint(video, request.account()));
        synchronized (known) {
            if (!items.isEmpty()) {
                List<JobRef> listed = video
                        ? matchVideo(items, request, sentFiles.get(submissionId), sentAt)
                        : matchImages(items, request, sentAt, expected);
                for (JobRef job : listed) {
                    if (!found.contains(job)) {
                        found.add(job);
                    }
                }
            }
            found.forEach(job -> known.add(job.id()));
        }
        return found;
    }

    /** The earliest batch made after the send whose items match prompt and model; at most {@code expected}. */
    private List<JobRef> matchImages(List<JsonNode> items, AssetRequest request, Instant sentAt, int expected) {
        Map<String, List<JsonNode>> batches = new LinkedHashMap<>();
        long earliest = sentAt.minus(CLOCK_SKEW).toEpochMilli();
        for (JsonNode item : items) {
            String id = HttpJson.text(item, "imageId");
            long created = item.path("createTime").asLong(-1);
            if (id == null || known.contains(id) || created < earliest || !sameModel(item, request.model())) {
                continue;
            }
            if (!samePrompt(HttpJson.text(item, "desc"), request)) {
                continue;
            }
            String batch = HttpJson.text(item, "batchID");
            batches.computeIfAbsent(batch == null ? id : batch, b -> new ArrayList<>())
                    .add(item);
        }
        List<JsonNode> chosen = batches.values().stream()
                .min((a, b) -> Long.compare(firstCreated(a), firstCreated(b)))
                .orElse(List.of());
        List<JobRef> jobs = new ArrayList<>();
        for (JsonNode item : chosen) {
            if (jobs.size() < expected) {
                jobs.add(new JobRef(UseapiClient.NAME, UseapiClient.IMAGE, HttpJson.text(item, "imageId")));
            }
        }
        return jobs;
    }

    private static long firstCreated(List<JsonNode> batch) {
        return batch.stream()
                .mapToLong(i -> i.path("createTime").asLong())
                .min()
                .orElse(Long.MAX_VALUE);
    }

    /** The newest video that matches prompt and first frame (and time and model, where the item has them). */
    private List<JobRef> matchVideo(List<JsonNode> items, AssetRequest request, List<String> files, Instant sentAt) {
        long earliest = sentAt.minus(CLOCK_SKEW).toEpochMilli();
        for (JsonNode item : items) {
            String id = HttpJson.text(item, "videoId");
            if (id == null || known.contains(id) || !sameModel(item, request.model())) {
                continue;
            }
            if (item.has("createTime") && item.path("createTime").asLong(-1) < earliest) {
                continue;
            }
            if (!request.prompt().isEmpty() && !samePrompt(HttpJson.text(item, "desc"), request)) {
                continue;
            }
            if (!sameFirstFrame(item, files)) {
                continue;
            }
            return List.of(new JobRef(UseapiClient.NAME, UseapiClient.VIDEO, id));
        }
        return List.of();
    }

    /** The item's uploaded files include the first one this create sent, when both are known. */
    private static boolean sameFirstFrame(JsonNode item, List<String> files) {
        JsonNode origin = item.path("originFiles");
        if (files == null || files.isEmpty() || !origin.isArray() || origin.isEmpty()) {
            return true;
        }
        for (JsonNode file : origin) {
            if (files.get(0).equals(HttpJson.text(file, "id"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * False only when the item names another model: {@code modelID} may be an internal number (useapi's
     * features page lists such ids), so a number or a missing id decides nothing, and a tag naming the
     * model is enough.
     */
    private static boolean sameModel(JsonNode item, String model) {
        String modelId = HttpJson.text(item, "modelID");
        if (modelId == null || modelId.chars().allMatch(Character::isDigit) || modelId.equalsIgnoreCase(model)) {
            return true;
        }
        for (JsonNode tag : item.path("tags")) {
            if (model.equalsIgnoreCase(HttpJson.text(tag, "tagText"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The item's {@code desc} is the prompt (whitespace and case aside, or one within the other). With
     * prompt optimisation on, {@code desc} may be MiniMax's rewrite, so it decides nothing.
     */
    private static boolean samePrompt(String desc, AssetRequest request) {
        boolean optimised = "true"
                .equalsIgnoreCase(request.parameter("promptOptimization")
                        .map(Object::toString)
                        .orElse(""));
        if (desc == null || optimised) {
            return true;
        }
        String listed = normalise(desc);
        String sent = normalise(request.prompt());
        return !sent.isEmpty() && (listed.equals(sent) || listed.contains(sent) || sent.contains(listed));
    }

    private static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
