package io.github.assetgen.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MiniMax's official API: synchronous {@code POST /v1/image_generation}, and for video create → query → files/retrieve.
 * Business errors arrive as HTTP 200 with a non-zero {@code base_resp.status_code}, as on the real service
 * (1002 rate limit, 1008 insufficient balance, 1026 input sensitive, 1027 output sensitive).
 */
public final class FakeMinimax extends FakeProvider {

    /** Obviously not a real key. */
    public static final String TOKEN = "fake-minimax-test-key";

    public static final String IMAGE_GENERATION = "image_generation";
    public static final String VIDEO_GENERATION = "video_generation";

    /** Video task ids are this plus the job number; the file of a task has the same number after FILE_ID_PREFIX. */
    private static final String TASK_ID_PREFIX = "10691611221";

    private static final String FILE_ID_PREFIX = "2052";

    private volatile int imagesLost;
    private volatile String balance;
    private final AtomicInteger timeoutsLeft = new AtomicInteger();

    public FakeMinimax() {
        super("minimax", TOKEN);
    }

    /**
     * Image answers hold this many images fewer than {@code n} asked for (at least one remains), counted in
     * {@code metadata.failed_count}: a partial batch.
     */
    public FakeMinimax imagesLost(int count) {
        imagesLost = count;
        return this;
    }

    /**
     * The first {@code count} creates are made (and charged) but answered HTTP 200 with
     * {@code status_code} 1001 "request timeout", the answer MiniMax's error-code page lists with "retry".
     */
    public FakeMinimax timeoutFirstCreates(int count) {
        timeoutsLeft.set(count);
        return this;
    }

    /** The key's {@code available_amount} (a string, as MiniMax sends it); null (the default) answers 404. */
    public FakeMinimax balance(String amount) {
        balance = amount;
        return this;
    }

    @Override
    public void reset() {
        super.reset();
        imagesLost = 0;
        balance = null;
        timeoutsLeft.set(0);
    }

    @Override
    public String tokenVariable() {
        return "MINIMAX_API_KEY";
    }

    @Override
    protected String promptOf(JsonNode body) {
        return body == null ? "" : body.path("prompt").asText("");
    }

    @Override
    protected boolean route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        switch (method + " " + path) {
            case "POST /v1/image_generation" -> imageGeneration(exchange, body);
            case "POST /v1/video_generation" -> videoGeneration(exchange, body);
            case "GET /v1/query/video_generation" -> queryVideo(exchange);
            case "GET /v1/files/retrieve" -> retrieve(exchange);
            case "GET /account/query_balance" -> {
                if (balance == null) {
                    return false;
                }
                ObjectNode answer = object().put("available_amount", balance).put("cash_balance", balance);
                putBaseResp(answer, 0, "success");
                respond(exchange, 200, answer);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void imageGeneration(HttpExchange exchange, byte[] raw) throws IOException {
        JsonNode body = parse(raw);
        if (body == null || promptOf(body).isBlank() || promptOf(body).length() > 1500) {
            countInvalidCreate(IMAGE_GENERATION, body == null ? object() : body);
            business(exchange, 2013, "invalid params, prompt");
            return;
        }
        int n = body.path("n").asInt(1);
        if (n < 1 || n > 9) {
            countInvalidCreate(IMAGE_GENERATION, body);
            business(exchange, 2013, "invalid params, n must be 1..9");
            return;
        }
        Job job = beginCreate(exchange, IMAGE_GENERATION, body);
        if (job == null) {
            return;
        }
        // synchronous: the job is finished the moment it is answered
        List<String> files = new ArrayList<>();
        int made = Math.max(1, n - imagesLost);
        for (int i = 1; i <= made; i++) {
            files.add(servePng(job, i));
        }
        finishNow(addItem(job, "image-" + job.number, files));
        if (timedOut(exchange)) {
            return;
        }
        if (job.moderated()) {
            business(exchange, 1027, "output new_sensitive");
            return;
        }
        ObjectNode answer = object();
        answer.put("id", "03ff3cd0" + job.number);
        ObjectNode data = answer.putObject("data");
        if (body.path("response_format").asText("url").equals("base64")) {
            ArrayNode images = data.putArray("image_base64");
            files.forEach(f -> images.add(Base64.getEncoder().encodeToString(fileBytes(f))));
        } else {
            ArrayNode urls = data.putArray("image_urls");
            files.forEach(f -> urls.add(fileUrl(f)));
        }
        ObjectNode metadata = answer.putObject("metadata");
        metadata.put("failed_count", String.valueOf(n - made));
        metadata.put("success_count", String.valueOf(made));
        putBaseResp(answer, 0, "success");
        respond(exchange, 200, answer);
    }

    private void videoGeneration(HttpExchange exchange, byte[] raw) throws IOException {
        JsonNode body = parse(raw);
        if (body == null
                || body.path("model").asText("").isEmpty()
                || promptOf(body).length() > 2000) {
            countInvalidCreate(VIDEO_GENERATION, body == null ? object() : body);
            business(exchange, 2013, "invalid params, model");
            return;
        }
        Job job = beginCreate(exchange, VIDEO_GENERATION, body);
        if (job == null) {
            return;
        }
        String taskId = TASK_ID_PREFIX + job.number;
        addItem(job, taskId, List.of(serveMp4(job)));
        if (timedOut(exchange)) {
            return;
        }
        ObjectNode answer = object();
        answer.put("task_id", taskId);
        putBaseResp(answer, 0, "success");
        respond(exchange, 200, answer);
    }

    private void queryVideo(HttpExchange exchange) throws IOException {
        String taskId = query(exchange).get("task_id");
        Item item = taskId == null ? null : poll(taskId);
        if (item == null) {
            business(exchange, 2013, "invalid params, task not found");
            return;
        }
        State state = stateOf(item);
        ObjectNode answer = object();
        answer.put("task_id", taskId);
        switch (state) {
            // the first answer uses another running state on purpose: only Success and Fail are terminal
            case RUNNING -> answer.put("status", item.polls == 1 ? "Queueing" : "Processing");
            case FAILED -> answer.put("status", "Fail");
            case SUCCEEDED -> {
                answer.put("status", "Success");
                answer.put("file_id", fileIdOf(item.id));
                answer.put("video_width", 64);
                answer.put("video_height", 64);
            }
        }
        putBaseResp(answer, 0, "success");
        respond(exchange, 200, answer);
    }

    private void retrieve(HttpExchange exchange) throws IOException {
        String fileId = query(exchange).get("file_id");
        Item item = fileId == null || !fileId.startsWith(FILE_ID_PREFIX)
                ? null
                : item(TASK_ID_PREFIX + fileId.substring(FILE_ID_PREFIX.length()));
        if (item == null) {
            business(exchange, 2013, "invalid params, file not found");
            return;
        }
        String file = item.files.get(0);
        ObjectNode answer = object();
        ObjectNode fileNode = answer.putObject("file");
        // a number here, a string in the query answer, as on the real service
        fileNode.put("file_id", Long.parseLong(fileId));
        fileNode.put("bytes", fileBytes(file).length);
        fileNode.put("created_at", 1742173334L);
        fileNode.put("filename", "output_aigc.mp4");
        fileNode.put("purpose", "video_generation");
        fileNode.put("download_url", fileUrl(file));
        putBaseResp(answer, 0, "success");
        respond(exchange, 200, answer);
    }

    /** The file id a finished video task's query answer names. */
    static String fileIdOf(String taskId) {
        return FILE_ID_PREFIX + taskId.substring(TASK_ID_PREFIX.length());
    }

    @Override
    protected void answerUnauthorized(HttpExchange exchange) throws IOException {
        ObjectNode answer = object();
        putBaseResp(answer, 1004, "login fail: Please carry the API secret key in the 'Authorization' field");
        respond(exchange, 401, answer);
    }

    @Override
    protected void answerRefusal(HttpExchange exchange, Refusal refusal, String endpoint) throws IOException {
        switch (refusal) {
            case RATE_LIMITED, BUSY -> business(exchange, 1002, "rate limit exceeded(RPM)");
            case NO_CREDITS, ON_HOLD -> business(exchange, 1008, "insufficient balance");
            case REJECTED -> business(exchange, 1026, "input new_sensitive");
        }
    }

    /** Answers a create that was made with 1001 "request timeout", while {@link #timeoutFirstCreates} lasts. */
    private boolean timedOut(HttpExchange exchange) throws IOException {
        if (timeoutsLeft.getAndUpdate(left -> Math.max(0, left - 1)) <= 0) {
            return false;
        }
        business(exchange, 1001, "request timeout");
        return true;
    }

    private static void business(HttpExchange exchange, int code, String message) throws IOException {
        ObjectNode answer = object();
        putBaseResp(answer, code, message);
        respond(exchange, 200, answer);
    }

    private static void putBaseResp(ObjectNode answer, int code, String message) {
        ObjectNode baseResp = answer.putObject("base_resp");
        baseResp.put("status_code", code);
        baseResp.put("status_msg", message);
    }
}
