package io.github.assetgen.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * useapi.net's MiniMax proxy ({@code /v1/minimax/...}): raw file upload, images/create with one id per image,
 * videos/create, and the two status endpoints, whose ids contain ':' and must arrive unencoded in the path.
 */
public final class FakeUseapi extends FakeProvider {

    /** A token in useapi's format; obviously not a real one. */
    public static final String TOKEN = "user:1-fake-test-token";

    public static final String IMAGES_CREATE = "images/create";
    public static final String VIDEOS_CREATE = "videos/create";

    private static final String PREFIX = "/v1/minimax/";
    private static final String USER = "user:1234-minimax:";
    private static final String DEFAULT_ACCOUNT = "100001";
    private static final Set<String> UPLOAD_TYPES =
            Set.of("image/png", "image/jpeg", "audio/mpeg", "audio/wav", "video/mp4");
    private static final Set<String> FOUR_IMAGE_MODELS = Set.of("midjourney-v7", "midjourney-niji7");

    /** One uploaded file as the fake received it. */
    public record Upload(String fileId, String account, String contentType, byte[] content) {}

    private final List<Upload> uploadRecords = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> forgottenFileIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger gatewayErrorsLeft = new AtomicInteger();
    private final AtomicInteger gatewayErrors = new AtomicInteger();
    /** Jobs answered with a gateway error that the scheduler does not list. */
    private final Set<Job> unknownToScheduler = ConcurrentHashMap.newKeySet();

    private volatile boolean schedulerKnowsGatewayJobs = true;
    private volatile boolean hangAfterCreating;
    private volatile CountDownLatch hangAfterCreatingRelease = new CountDownLatch(1);

    public FakeUseapi() {
        super("useapi", TOKEN);
    }

    @Override
    public String tokenVariable() {
        return "USEAPI_TOKEN";
    }

    /** The files uploaded so far, in order. */
    public List<Upload> uploadRecords() {
        synchronized (uploadRecords) {
            return List.copyOf(uploadRecords);
        }
    }

    /**
     * From now on every file uploaded so far is unknown, as when useapi no longer keeps an upload: a create
     * naming one is answered 400 naming the field. The uploads stay in {@link #uploadRecords()}.
     */
    public FakeUseapi forgetUploads() {
        for (Upload upload : uploadRecords()) {
            forgottenFileIds.add(upload.fileId());
        }
        return this;
    }

    /**
     * The next {@code count} accepted creates make (and charge) their job, then answer 502 or 504 (alternately),
     * as useapi documents MiniMax doing when busy. With {@code schedulerKnowsThem} false those jobs are missing from
     * {@code GET /scheduler/} (useapi may never learn their ids) and show only in the account's lists.
     */
    public FakeUseapi gatewayErrorsAfterCreate(int count, boolean schedulerKnowsThem) {
        gatewayErrorsLeft.set(count);
        schedulerKnowsGatewayJobs = schedulerKnowsThem;
        return this;
    }

    /**
     * Creates make (and charge) their job, then are never answered (until this is switched off, {@link #reset()}
     * or {@link #close()}): a build killed meanwhile lost answers to jobs that exist.
     */
    public FakeUseapi hangAfterCreating(boolean value) {
        hangAfterCreating = value;
        if (!value) {
            hangAfterCreatingRelease.countDown();
            hangAfterCreatingRelease = new CountDownLatch(1);
        }
        return this;
    }

    /** Creates answered with a gateway error although their job was made. */
    public int gatewayErrors() {
        return gatewayErrors.get();
    }

    @Override
    public void reset() {
        super.reset();
        uploadRecords.clear();
        forgottenFileIds.clear();
        hangAfterCreating(false);
        gatewayErrorsLeft.set(0);
        gatewayErrors.set(0);
        unknownToScheduler.clear();
        schedulerKnowsGatewayJobs = true;
    }

    @Override
    protected String promptOf(JsonNode body) {
        return body == null ? "" : body.path("prompt").asText("");
    }

    @Override
    protected boolean route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        String rest = path.substring(PREFIX.length());
        if (method.equals("POST") && (rest.equals("files/") || rest.equals("files"))) {
            upload(exchange, body);
        } else if (method.equals("POST") && rest.equals(IMAGES_CREATE)) {
            createImages(exchange, body);
        } else if (method.equals("POST") && rest.equals(VIDEOS_CREATE)) {
            createVideo(exchange, body);
        } else if (method.equals("GET") && (rest.equals("scheduler/") || rest.equals("scheduler"))) {
            scheduler(exchange);
        } else if (method.equals("GET") && (rest.equals("images/") || rest.equals("images"))) {
            imageList(exchange);
        } else if (method.equals("GET") && (rest.equals("videos/") || rest.equals("videos"))) {
            videoList(exchange);
        } else if (method.equals("GET") && rest.startsWith("images/") && rest.length() > "images/".length()) {
            status(exchange, rest.substring("images/".length()), false);
        } else if (method.equals("GET") && rest.startsWith("videos/") && rest.length() > "videos/".length()) {
            status(exchange, rest.substring("videos/".length()), true);
        } else {
            return false;
        }
        return true;
    }

    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        if (!UPLOAD_TYPES.contains(type)) {
            error(exchange, 400, "Content-Type (" + contentType + ") not supported. Supported: image/png, image/jpeg");
            return;
        }
        if (body.length == 0) {
            error(exchange, 400, "File is empty");
            return;
        }
        String account = query(exchange).getOrDefault("account", DEFAULT_ACCOUNT);
        int number = nextNumber();
        String fileId = USER + account + "-file:" + number;
        String ext = type.equals("image/png") ? ".png" : type.equals("video/mp4") ? ".mp4" : ".bin";
        String name = serve("upload-" + number + ext, body);
        uploadRecords.add(new Upload(fileId, account, type, body));
        countUpload();
        respond(exchange, 200, object().put("ossPath", fileUrl(name)).put("fileID", fileId));
    }

    private void createImages(HttpExchange exchange, byte[] raw) throws IOException {
        JsonNode body = parse(raw);
        if (!validCreate(exchange, body, IMAGES_CREATE, 5000)) {
            return;
        }
        int quantity = body.path("quantity").asInt(1);
        if (quantity < 1 || quantity > 4) {
            beginRejected(exchange, body, IMAGES_CREATE, "quantity must be 1..4");
            return;
        }
        if (FOUR_IMAGE_MODELS.contains(body.path("model").asText())) {
            quantity = 4;
        }
        Job job = beginCreate(exchange, IMAGES_CREATE, body);
        if (job == null) {
            return;
        }
        String account = body.path("account").asText(DEFAULT_ACCOUNT);
        ObjectNode answer = object();
        ArrayNode rawIds = JSON.createArrayNode();
        ArrayNode imageIds = JSON.createArrayNode();
        for (int i = 1; i <= quantity; i++) {
            String rawId = job.number + "0" + i;
            String imageId = USER + account + "-image:" + rawId;
            addItem(job, imageId, List.of(servePng(job, i)));
            rawIds.add(rawId);
            imageIds.add(imageId);
        }
        answer.put("id", rawIds.get(0).asText());
        ObjectNode task = answer.putObject("task");
        task.put("batchID", "batch-" + job.number);
        task.set("videoIDs", rawIds);
        answer.put("isFirstGenerate", false);
        answer.set("imageIds", imageIds);
        answer.put("code", 200);
        answer.put("replyRef", body.path("replyRef").asText(""));
        if (!answeredOtherwise(exchange, job)) {
            respond(exchange, 200, answer);
        }
    }

    private void createVideo(HttpExchange exchange, byte[] raw) throws IOException {
        JsonNode body = parse(raw);
        if (!validCreate(exchange, body, VIDEOS_CREATE, 2000)) {
            return;
        }
        Job job = beginCreate(exchange, VIDEOS_CREATE, body);
        if (job == null) {
            return;
        }
        String account = body.path("account").asText(DEFAULT_ACCOUNT);
        String rawId = String.valueOf(job.number);
        String videoId = USER + account + "-video:" + rawId;
        addItem(job, videoId, List.of(serveMp4(job)));
        ObjectNode answer = object();
        answer.put("id", rawId);
        ObjectNode task = answer.putObject("task");
        task.put("batchID", "batch-" + job.number);
        task.putArray("videoIDs").add(rawId);
        answer.put("videoId", videoId);
        if (!answeredOtherwise(exchange, job)) {
            respond(exchange, 200, answer);
        }
    }

    /**
     * For a job already made: hangs, or answers 502 or 504, when the knobs say so; false when the create is to be
     * answered normally.
     */
    private boolean answeredOtherwise(HttpExchange exchange, Job job) throws IOException {
        if (hangAfterCreating) {
            try {
                hangAfterCreatingRelease.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return true;
        }
        if (gatewayErrorsLeft.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return false;
        }
        int number = gatewayErrors.incrementAndGet();
        if (!schedulerKnowsGatewayJobs) {
            unknownToScheduler.add(job);
        }
        // the real 502/504 comes from a gateway: an HTML page, not useapi's JSON
        byte[] page = ("<html><body>" + (number % 2 == 1 ? "502 Bad Gateway" : "504 Gateway Time-out")
                        + "</body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        respond(exchange, number % 2 == 1 ? 502 : 504, "text/html", page);
        return true;
    }

    /** {@code GET /scheduler/}: unfinished jobs with their replyRef; image ids in {@code videoId}, as the docs show. */
    private void scheduler(HttpExchange exchange) throws IOException {
        ArrayNode executing = JSON.createArrayNode();
        for (Job job : jobsSoFar()) {
            if (job.finished() || unknownToScheduler.contains(job)) {
                continue;
            }
            synchronized (job) {
                for (Item item : job.items) {
                    ObjectNode entry = executing.addObject();
                    entry.put("videoId", item.id);
                    entry.put("started", Instant.ofEpochMilli(job.createdAt).toString());
                    entry.put("elapsed", "00:01");
                    entry.put("replyRef", job.body.path("replyRef").asText(""));
                }
            }
        }
        respond(exchange, 200, executing);
    }

    /**
     * {@code GET /images/?account=&limit=&lastImageId=}: a page of the account's images, newest first,
     * without replyRef; {@code limit} of them (30 when not given) after {@code lastImageId}.
     */
    private void imageList(HttpExchange exchange) throws IOException {
        ObjectNode answer = object();
        ArrayNode images = JSON.createArrayNode();
        for (Job job : newestFirst(IMAGES_CREATE, query(exchange).get("account"))) {
            synchronized (job) {
                for (Item item : job.items) {
                    String model = job.body.path("model").asText();
                    ObjectNode entry = images.addObject();
                    entry.put("id", item.id.substring(item.id.lastIndexOf(':') + 1));
                    entry.put("imageId", item.id);
                    entry.put("desc", job.prompt);
                    entry.put("modelID", model);
                    entry.put("createTime", job.createdAt);
                    entry.put("batchID", "batch-" + job.number);
                    entry.put("status", item.reportedFinal ? 2 : 1);
                    entry.put("statusFinal", item.reportedFinal);
                    entry.putArray("tags").addObject().put("tagText", model);
                }
            }
        }
        answer.set("images", page(images, query(exchange), "imageId", "lastImageId"));
        respond(exchange, 200, answer);
    }

    /**
     * The page of {@code items} a list query asks for: {@code limit} (30 by default) after the item
     * {@code afterParameter} names (get-minimax-images documents {@code lastImageId}; videos document
     * no paging: null).
     */
    private static ArrayNode page(ArrayNode items, Map<String, String> query, String idField, String afterParameter) {
        String after = afterParameter == null ? null : query.get(afterParameter);
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 30;
        ArrayNode page = JSON.createArrayNode();
        boolean started = after == null;
        for (JsonNode item : items) {
            if (started && page.size() < limit) {
                page.add(item);
            }
            if (!started && item.path(idField).asText().equals(after)) {
                started = true;
            }
        }
        return page;
    }

    /** How long a new video lists no prompt ({@code "desc": ""}), as a processing one does. */
    private static final long PROMPT_HIDDEN_MILLIS = 1_500;

    /** {@code GET /videos/?account=&limit=}: {@code limit} (30 when not given) as a bare array, with only the documented fields (no time, model, batch). */
    private void videoList(HttpExchange exchange) throws IOException {
        ArrayNode videos = JSON.createArrayNode();
        for (Job job : newestFirst(VIDEOS_CREATE, query(exchange).get("account"))) {
            synchronized (job) {
                for (Item item : job.items) {
                    ObjectNode entry = videos.addObject();
                    entry.put("id", item.id.substring(item.id.lastIndexOf(':') + 1));
                    entry.put("videoId", item.id);
                    // get-minimax-videos documents a processing video with "desc": "": here a video shows
                    // its prompt once reported done, or 1.5 s after its create, as if done by then
                    boolean processing =
                            !item.reportedFinal && System.currentTimeMillis() - job.createdAt < PROMPT_HIDDEN_MILLIS;
                    entry.put("desc", processing ? "" : job.prompt);
                    entry.put("status", item.reportedFinal ? 2 : 1);
                    entry.put("statusFinal", item.reportedFinal);
                    ArrayNode origin = entry.putArray("originFiles");
                    if (job.body.hasNonNull("fileID")) {
                        origin.addObject().put("id", job.body.get("fileID").asText());
                    }
                }
            }
        }
        respond(exchange, 200, page(videos, query(exchange), "videoId", null));
    }

    private List<Job> newestFirst(String endpoint, String account) {
        List<Job> jobs = new ArrayList<>();
        for (Job job : jobsSoFar()) {
            boolean sameAccount =
                    account == null || account.equals(job.body.path("account").asText(DEFAULT_ACCOUNT));
            if (job.endpoint.equals(endpoint) && sameAccount) {
                jobs.add(0, job);
            }
        }
        return jobs;
    }

    /** Body checks that the real API answers with 400 before it starts anything. */
    private boolean validCreate(HttpExchange exchange, JsonNode body, String endpoint, int maxPrompt)
            throws IOException {
        if (body == null) {
            beginRejected(exchange, null, endpoint, "Request body must be JSON");
            return false;
        }
        String prompt = promptOf(body);
        if (endpoint.equals(IMAGES_CREATE) && prompt.isBlank()) {
            beginRejected(exchange, body, endpoint, "Parameter prompt is required");
            return false;
        }
        if (prompt.length() > maxPrompt) {
            beginRejected(exchange, body, endpoint, "Parameter prompt is too long");
            return false;
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            boolean fileField = field.equals("characterFileId")
                    || field.startsWith("referenceFileId")
                    || field.equals("fileID")
                    || field.startsWith("fileID")
                    || field.equals("end_frame_fileID");
            if (fileField && !uploaded(body.get(field).asText())) {
                beginRejected(exchange, body, endpoint, "Parameter " + field + " refers to an unknown file");
                return false;
            }
        }
        return true;
    }

    private boolean uploaded(String fileId) {
        return !forgottenFileIds.contains(fileId)
                && uploadRecords().stream().anyMatch(u -> u.fileId().equals(fileId));
    }

    /** Counts a create that fails validation, then answers 400 like the real API. */
    private void beginRejected(HttpExchange exchange, JsonNode body, String endpoint, String message)
            throws IOException {
        countInvalidCreate(endpoint, body == null ? object() : body);
        error(exchange, 400, message);
    }

    private void status(HttpExchange exchange, String id, boolean video) throws IOException {
        Item item = poll(id);
        if (item == null || video != item.job.endpoint.equals(VIDEOS_CREATE)) {
            error(exchange, 404, "Not found.");
            return;
        }
        State state = stateOf(item);
        String rawId = id.substring(id.lastIndexOf(':') + 1);
        ObjectNode answer = object();
        answer.put("id", rawId);
        answer.put("desc", item.job.prompt);
        answer.put("modelID", item.job.body.path("model").asText(video ? "T2V-01" : "image-01"));
        // larger than 2^53: a client that reads it as a double loses digits
        answer.put("userID", 923847293472394000L);
        answer.put("createTime", 1742173334234L);
        switch (state) {
            case RUNNING -> {
                answer.put("status", 1);
                answer.put("statusLabel", "processing");
                answer.put("statusFinal", false);
                answer.put("percent", Math.min(90, item.polls * 10));
                answer.put("message", "Generating");
            }
            case FAILED -> {
                answer.put("status", 7);
                answer.put("statusLabel", "moderated");
                answer.put("statusFinal", true);
                answer.put("message", "This content violates the community guidelines");
            }
            case SUCCEEDED -> {
                String file = item.files.get(0);
                answer.put("coverURL", fileUrl(file) + "?x-oss-process=image/resize,w_1080/format,webp");
                answer.put("videoURL", fileUrl(watermarked(file)));
                answer.put("downloadURL", fileUrl(file));
                ObjectNode urls = answer.putObject("videoURLs");
                urls.put("feedURL", "");
                urls.put("downloadURLWithWatermark", fileUrl(watermarked(file)));
                answer.put("status", 2);
                answer.put("statusLabel", "completed");
                answer.put("statusFinal", true);
                answer.put("percent", 100);
                answer.put("width", video ? 64 : 48);
                answer.put("height", video ? 64 : 27);
                if (!video) {
                    answer.put("fileID", USER + "100001-file:" + rawId);
                }
            }
        }
        answer.put("canRetry", false);
        answer.put("canAppeal", false);
        answer.put(video ? "videoId" : "imageId", id);
        respond(exchange, 200, answer);
    }

    /** The watermarked copy the API puts in videoURL; served like the clean one but under another name. */
    private String watermarked(String file) {
        String name = "wm-" + file;
        if (!hasFile(name)) {
            serve(name, fileBytes(file));
        }
        return name;
    }

    @Override
    protected void answerUnauthorized(HttpExchange exchange) throws IOException {
        error(exchange, 401, "Unauthorized");
    }

    @Override
    protected void answerRefusal(HttpExchange exchange, Refusal refusal, String endpoint) throws IOException {
        switch (refusal) {
            case RATE_LIMITED ->
                error(
                        exchange,
                        429,
                        endpoint.equals(VIDEOS_CREATE)
                                ? "YOU CAN QUEUE 3 JOBS AT ONCE"
                                : "There are currently multiple tasks in the queue, and only 1 can be generated at once");
            case BUSY -> {
                if (endpoint.equals(IMAGES_CREATE)) {
                    error(
                            exchange,
                            429,
                            "There are currently multiple tasks in the queue, and only " + jobsInFlight()
                                    + " can be generated at once");
                    return;
                }
                ObjectNode answer = object();
                answer.put("error", "Account " + DEFAULT_ACCOUNT + " is busy executing " + jobsInFlight() + " videos");
                ArrayNode running = answer.putObject("runningVideos").putArray(DEFAULT_ACCOUNT);
                for (String videoId : unfinishedItemIds()) {
                    ObjectNode entry = running.addObject();
                    entry.put("account", DEFAULT_ACCOUNT);
                    entry.put("id", videoId.substring(videoId.lastIndexOf(':') + 1));
                    entry.put("videoId", videoId);
                    entry.put("started", "2024-09-25T01:55:16.128Z");
                }
                answer.put("code", 429);
                respond(exchange, 429, answer);
            }
            case NO_CREDITS ->
                error(
                        exchange,
                        412,
                        "Insufficient credits. Please recharge to get more credits or try again next day.");
            case REJECTED ->
                error(exchange, 422, "Your prompt was moderated, please change it (" + REJECT_MARKER + ")");
            case ON_HOLD ->
                error(
                        exchange,
                        596,
                        "Unusual account activities detected. Please contact customer support at contact@hailuoai.com");
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, object().put("error", message).put("code", status));
    }
}
