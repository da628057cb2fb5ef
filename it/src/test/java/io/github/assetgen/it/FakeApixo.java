package io.github.assetgen.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * APIXO ({@code /api/v1/generateTask/{model}}, {@code /api/v1/statusTask/{model}?taskId=}): every answer is the
 * {@code {code, message, data}} envelope, and a successful task's {@code resultJson} is a JSON document inside a
 * string. Models whose name starts with {@code hailuo} yield an MP4, the others PNGs.
 */
public final class FakeApixo extends FakeProvider {

    /** Obviously not a real key. */
    public static final String TOKEN = "test-apixo-key-not-real";

    public static final String IMAGE_MODEL = "minimax-image-01";

    private static final String GENERATE = "/api/v1/generateTask/";
    private static final String STATUS = "/api/v1/statusTask/";
    private static final String BALANCE = "/api/v1/apikeys/current-balance";

    private volatile BigDecimal balance;
    private volatile int imagesLost;
    private final AtomicInteger balanceReads = new AtomicInteger();

    public FakeApixo() {
        super("apixo", TOKEN);
    }

    /** The key's balance in USD, answered by {@code current-balance}; null (the default) answers 404. */
    public FakeApixo balance(BigDecimal usd) {
        balance = usd;
        return this;
    }

    /**
     * A successful task names this many result URLs fewer than {@code num_images} asked for (at least
     * one remains): a partial batch, charged per successful image as APIXO documents.
     */
    public FakeApixo imagesLost(int count) {
        imagesLost = count;
        return this;
    }

    /** Reads of {@code current-balance}. */
    public int balanceReads() {
        return balanceReads.get();
    }

    @Override
    public void reset() {
        super.reset();
        balance = null;
        imagesLost = 0;
        balanceReads.set(0);
    }

    @Override
    public String tokenVariable() {
        return "APIXO_API_KEY";
    }

    /** The endpoint name counted for creates of a model, e.g. {@code generateTask/minimax-image-01}. */
    public static String createEndpoint(String model) {
        return "generateTask/" + model;
    }

    @Override
    protected String promptOf(JsonNode body) {
        return body == null ? "" : body.path("input").path("prompt").asText("");
    }

    @Override
    protected boolean route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        if (method.equals("POST") && path.startsWith(GENERATE) && path.length() > GENERATE.length()) {
            generate(exchange, path.substring(GENERATE.length()), body);
            return true;
        }
        if (method.equals("GET") && path.equals(BALANCE) && balance != null) {
            balanceReads.incrementAndGet();
            respond(
                    exchange,
                    200,
                    object().put("code", 200).put("message", "success").put("data", balance));
            return true;
        }
        if (method.equals("GET") && path.startsWith(STATUS) && path.length() > STATUS.length()) {
            status(exchange, path.substring(STATUS.length()));
            return true;
        }
        return false;
    }

    private void generate(HttpExchange exchange, String model, byte[] raw) throws IOException {
        String endpoint = createEndpoint(model);
        JsonNode body = parse(raw);
        String prompt = promptOf(body);
        if (body == null || !body.path("input").isObject() || prompt.isEmpty() || prompt.length() > 1500) {
            countInvalidCreate(endpoint, body == null ? object() : body);
            invalid(exchange, "Missing required field: input.prompt");
            return;
        }
        int images = body.path("input").path("num_images").asInt(1);
        if (images < 1 || images > 9) {
            countInvalidCreate(endpoint, body);
            invalid(exchange, "input.num_images must be 1..9");
            return;
        }
        Job job = beginCreate(exchange, endpoint, body);
        if (job == null) {
            return;
        }
        List<String> files = new ArrayList<>();
        if (model.startsWith("hailuo")) {
            files.add(serveMp4(job));
        } else {
            int made = Math.max(1, images - imagesLost);
            for (int i = 1; i <= made; i++) {
                files.add(servePng(job, i));
            }
        }
        String taskId = "task_" + job.number;
        addItem(job, taskId, files);
        ObjectNode data = object().put("taskId", taskId);
        respond(exchange, 200, envelope(200, "success", data));
    }

    private void status(HttpExchange exchange, String model) throws IOException {
        String taskId = query(exchange).get("taskId");
        Item item = taskId == null ? null : poll(taskId);
        if (item == null || !item.job.endpoint.equals(createEndpoint(model))) {
            respond(exchange, 404, envelope(404, "Task not found", NullNode.getInstance()));
            return;
        }
        State state = stateOf(item);
        ObjectNode data = object();
        data.put("taskId", taskId);
        switch (state) {
            case RUNNING -> data.put("state", item.polls == 1 ? "pending" : "processing");
            case FAILED -> {
                data.put("state", "failed");
                data.put("failCode", "SensitiveContentDetected");
                data.put("failMsg", "Content violates usage policy");
            }
            case SUCCEEDED -> {
                data.put("state", "success");
                ObjectNode result = object();
                item.files.forEach(f -> result.withArray("resultUrls").add(fileUrl(f)));
                data.put("resultJson", JSON.writeValueAsString(result));
                data.put("costTime", 41388);
            }
        }
        data.put("createTime", 1767965610929L);
        if (state != State.RUNNING) {
            data.put("completeTime", 1767965652317L);
        }
        respond(exchange, 200, envelope(200, "success", data));
    }

    @Override
    protected void answerUnauthorized(HttpExchange exchange) throws IOException {
        respond(exchange, 401, envelope(401, "Invalid or missing API key", NullNode.getInstance()));
    }

    @Override
    protected void answerRefusal(HttpExchange exchange, Refusal refusal, String endpoint) throws IOException {
        switch (refusal) {
            case RATE_LIMITED, BUSY ->
                respond(
                        exchange,
                        429,
                        envelope(429, "Rate limit or concurrency limit reached", NullNode.getInstance()));
            case NO_CREDITS, ON_HOLD ->
                respond(exchange, 402, envelope(402, "Insufficient balance", NullNode.getInstance()));
            case REJECTED ->
                respond(
                        exchange,
                        400,
                        envelope(400, "Invalid request", object().put("error", "Prompt violates content policy")));
        }
    }

    private static void invalid(HttpExchange exchange, String error) throws IOException {
        respond(exchange, 400, envelope(400, "Invalid request", object().put("error", error)));
    }

    private static ObjectNode envelope(int code, String message, JsonNode data) {
        ObjectNode answer = object();
        answer.put("code", code);
        answer.put("message", message);
        answer.set("data", data);
        return answer;
    }
}
