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
 * {@code GET /images/} or {@code GET /videos/}, which has no {@code replyRef} and also lists jobs
 * started elsewhere (hailuoai.com, another build): an image by model ({@code modelID} or a tag),
 * {@code createTime} after the create was sent and one {@code batchID} for the whole batch; a video,
 * whose documented item has no time, model or batch, by the uploaded first frame in {@code
 * originFiles} and list position (the newest). A job is identified by its prompt ({@code desc}) or,
 * for a video without one, by its first frame. A job that passes every other test but shows no
 * prompt to compare (a video still processing lists {@code "desc": ""}; with {@code
 * promptOptimization} the listed prompt is MiniMax's rewrite) is only taken when it is the one such
 * job and no other create of this build is still unanswered, whose job it could as well be; otherwise
 * it is reported unconfirmed, so that nothing is adopted and nothing sent again on a guess. Jobs
 * this build already holds are never matched twice. Thread-safe.
 */
final class UseapiLookup implements JobLookup {

    /** How far the provider's clock may run behind ours: a job made that long "before" the send still counts. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** How many pages of images are read at most looking back to a send: 300 images. */
    static final int MAX_PAGES = 10;

    private final HttpCaller caller;
    /** Ids this build created, adopted or polled, guarded by itself. */
    private final Set<String> known;
    /** The file ids each create of this build sent, by submission id; empty for an earlier build's. */
    private final Map<String, List<String>> sentFiles;
    /** The creates of this build still waiting for their answer, by submission id. */
    private final Set<String> unanswered;

    UseapiLookup(HttpCaller caller, Set<String> known, Map<String, List<String>> sentFiles, Set<String> unanswered) {
        this.caller = caller;
        this.known = known;
        this.sentFiles = sentFiles;
        this.unanswered = unanswered;
    }

    @Override
    public Found find(AssetRequest request, String submissionId, Instant sentAt) throws ProviderException {
        boolean video = request.type() == AssetType.VIDEO;
        int expected = video ? 1 : Math.max(1, request.expectedFiles());
        List<JobRef> found = new ArrayList<>();
        for (SchedulerEndpoint.Executing executing : caller.call(new SchedulerEndpoint())) {
            if (submissionId.equals(executing.replyRef()) && !found.contains(executing.job())) {
                found.add(executing.job());
            }
        }
        Listed listed =
                found.size() >= expected ? new Listed(List.of(), true) : listedSince(video, request.account(), sentAt);
        List<JsonNode> items = listed.items();
        List<String> unconfirmed = new ArrayList<>();
        synchronized (known) {
            if (!items.isEmpty()) {
                Match match = video
                        ? matchVideo(items, request, sentFiles.get(submissionId), sentAt)
                        : matchImages(items, request, sentAt, expected);
                List<JobRef> taken = match.identified();
                if (taken.isEmpty() && found.isEmpty() && !match.guesses().isEmpty()) {
                    boolean othersWaiting = unanswered.stream().anyMatch(other -> !other.equals(submissionId));
                    if (match.guessGroups() == 1 && !othersWaiting) {
                        taken = match.guesses(); // the one job made since that could be it, and nobody else's
                    } else {
                        match.guesses().forEach(job -> unconfirmed.add(job.id()));
                    }
                }
                for (JobRef job : taken) {
                    if (!found.contains(job)) {
                        found.add(job);
                    }
                }
            }
            found.forEach(job -> known.add(job.id()));
        }
        if (found.isEmpty() && unconfirmed.isEmpty() && !listed.complete()) {
            // nothing in what was read, but the list goes on: the create's job may be further down,
            // so sending the create again could pay twice
            throw caller.exception(
                    ProviderException.Kind.REJECTED,
                    0,
                    video
                            ? "its list of videos is a full page of " + items.size() + ", none of them this create's,"
                                    + " and it has no further page and no dates, so it cannot show that the create"
                                    + " made none"
                            : "the " + items.size() + " newest images it lists, none of them this create's, were all"
                                    + " made after the create was sent and no further page could be read, so they"
                                    + " cannot show that the create made none");
        }
        return new Found(found, unconfirmed); // guesses are kept only while nothing was found
    }

    /**
     * What the account's list showed.
     *
     * @param complete whether it reaches back to the send or ends: a job it lacks was not made
     */
    private record Listed(List<JsonNode> items, boolean complete) {}

    /**
     * The account's list back to the moment the create was sent: page after page (images; videos
     * have no documented paging) until the list ends or holds a job made before the send, at most
     * {@value #MAX_PAGES} pages. What a list cut off before that lacks proves nothing.
     */
    private Listed listedSince(boolean video, String account, Instant sentAt) throws ProviderException {
        long earliest = sentAt.minus(CLOCK_SKEW).toEpochMilli();
        List<JsonNode> items = new ArrayList<>();
        String lastImageId = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            AccountListEndpoint.Page read = caller.call(new AccountListEndpoint(video, account, lastImageId));
            items.addAll(read.items());
            if (read.isLast() || reachesBefore(read.items(), earliest)) {
                return new Listed(items, true);
            }
            String last = video || read.items().isEmpty()
                    ? null
                    : HttpJson.text(read.items().get(read.items().size() - 1), "imageId");
            if (last == null || last.equals(lastImageId)) {
                break; // no way to the next page
            }
            lastImageId = last;
        }
        return new Listed(items, false);
    }

    /** Whether a listed job was made before {@code earliest}: the list then reaches back past the send. */
    private static boolean reachesBefore(List<JsonNode> items, long earliest) {
        for (JsonNode item : items) {
            long created = item.path("createTime").asLong(-1);
            if (created >= 0 && created < earliest) {
                return true;
            }
        }
        return false;
    }

    /**
     * The jobs a list holds for a create: those identified, and those that may be it.
     *
     * @param guessGroups how many different jobs (an image batch counts once) the guesses are
     */
    private record Match(List<JobRef> identified, List<JobRef> guesses, int guessGroups) {}

    /** The earliest batch made after the send whose items match prompt and model; at most {@code expected}. */
    private Match matchImages(List<JsonNode> items, AssetRequest request, Instant sentAt, int expected) {
        Map<String, List<JsonNode>> identified = new LinkedHashMap<>();
        Map<String, List<JsonNode>> guessed = new LinkedHashMap<>();
        SentPrompt sent = SentPrompt.of(request);
        long earliest = sentAt.minus(CLOCK_SKEW).toEpochMilli();
        for (JsonNode item : items) {
            String id = HttpJson.text(item, "imageId");
            long created = item.path("createTime").asLong(-1);
            if (id == null || known.contains(id) || created < earliest || !sameModel(item, request.model())) {
                continue;
            }
            Boolean prompt = sent.match(HttpJson.text(item, "desc"));
            if (Boolean.FALSE.equals(prompt)) {
                continue;
            }
            String batch = HttpJson.text(item, "batchID");
            (prompt == null ? guessed : identified)
                    .computeIfAbsent(batch == null ? id : batch, b -> new ArrayList<>())
                    .add(item);
        }
        List<JobRef> guesses = guessed.size() == 1
                ? imageJobs(guessed.values().iterator().next(), expected)
                : guessed.values().stream()
                        .flatMap(List::stream)
                        .map(UseapiLookup::imageJob)
                        .toList();
        return new Match(imageJobs(earliest(identified), expected), guesses, guessed.size());
    }

    private static List<JsonNode> earliest(Map<String, List<JsonNode>> batches) {
        return batches.values().stream()
                .min((a, b) -> Long.compare(firstCreated(a), firstCreated(b)))
                .orElse(List.of());
    }

    private static List<JobRef> imageJobs(List<JsonNode> batch, int expected) {
        List<JobRef> jobs = new ArrayList<>();
        for (JsonNode item : batch) {
            if (jobs.size() < expected) {
                jobs.add(imageJob(item));
            }
        }
        return jobs;
    }

    private static JobRef imageJob(JsonNode item) {
        return new JobRef(UseapiClient.NAME, UseapiClient.IMAGE, HttpJson.text(item, "imageId"));
    }

    private static long firstCreated(List<JsonNode> batch) {
        return batch.stream()
                .mapToLong(i -> i.path("createTime").asLong())
                .min()
                .orElse(Long.MAX_VALUE);
    }

    /**
     * The newest video identified by its prompt (or, without a prompt, by its first frame), and the
     * videos that pass every other test but show nothing to identify them by.
     */
    private Match matchVideo(List<JsonNode> items, AssetRequest request, List<String> files, Instant sentAt) {
        long earliest = sentAt.minus(CLOCK_SKEW).toEpochMilli();
        SentPrompt sent = SentPrompt.of(request);
        List<JobRef> guesses = new ArrayList<>();
        for (JsonNode item : items) {
            String id = HttpJson.text(item, "videoId");
            if (id == null || known.contains(id) || !sameModel(item, request.model())) {
                continue;
            }
            if (item.has("createTime") && item.path("createTime").asLong(-1) < earliest) {
                continue;
            }
            if (!sameFirstFrame(item, files)) {
                continue;
            }
            JobRef job = new JobRef(UseapiClient.NAME, UseapiClient.VIDEO, id);
            Boolean prompt = request.prompt().isEmpty()
                    ? (showsFirstFrame(item, files) ? Boolean.TRUE : null)
                    : sent.match(HttpJson.text(item, "desc"));
            if (Boolean.TRUE.equals(prompt)) {
                if (guesses.isEmpty()) {
                    return new Match(List.of(job), List.of(), 0);
                }
                // a newer video that shows no prompt yet may be this create's, the older match an
                // earlier generation of the same prompt: no telling which
                guesses.add(job);
                return new Match(List.of(), guesses, guesses.size());
            }
            if (prompt == null) {
                guesses.add(job);
            }
        }
        return new Match(List.of(), guesses, guesses.size());
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
     * The item lists uploaded files and this create's first one is known: with {@link
     * #sameFirstFrame} passed, that identifies it.
     */
    private static boolean showsFirstFrame(JsonNode item, List<String> files) {
        JsonNode origin = item.path("originFiles");
        return files != null && !files.isEmpty() && origin.isArray() && !origin.isEmpty();
    }

    /** The prompt this create sent, normalised once for every listed item it is compared with. */
    private record SentPrompt(String normalised, boolean optimised) {

        static SentPrompt of(AssetRequest request) {
            boolean optimised = "true"
                    .equalsIgnoreCase(request.parameter("promptOptimization")
                            .map(Object::toString)
                            .orElse(""));
            return new SentPrompt(normalise(request.prompt()), optimised);
        }

        /**
         * Whether the item's {@code desc} is the prompt (whitespace and case aside, or one within
         * the other): true, false, or null when it cannot tell: no {@code desc} listed (a video
         * still processing lists an empty one), or another one under prompt optimisation, where
         * {@code desc} may be MiniMax's rewrite.
         */
        Boolean match(String desc) {
            if (desc == null) {
                return null;
            }
            String listed = normalise(desc);
            if (!normalised.isEmpty()
                    && (listed.equals(normalised) || listed.contains(normalised) || normalised.contains(listed))) {
                return Boolean.TRUE;
            }
            return optimised ? null : Boolean.FALSE;
        }
    }

    private static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
