package io.github.assetgen.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The shared machinery of the fake providers: an HTTP server on 127.0.0.1 (ephemeral port) that checks the bearer
 * token, counts and records requests, keeps jobs that finish after a number of polls, serves result files, and
 * injects faults on request. Subclasses speak one provider's wire format.
 *
 * <p>Thread-safe: the forked Maven build calls it from many threads while the test reads the counters.
 */
public abstract class FakeProvider implements AutoCloseable {

    /** A prompt containing this is accepted, then ends as moderated / failed. */
    public static final String MODERATE_MARKER = "MODERATE-ME";
    /** A prompt containing this is refused at create time (useapi 422, MiniMax 1026, APIXO 400). */
    public static final String REJECT_MARKER = "REJECT-ME";

    /**
     * Hostile answers, chosen by a marker in the prompt: the job is accepted, then its polls or its
     * result file misbehave the way a broken or malicious provider or CDN could.
     */
    public enum Hostile {
        /** Polls answer 429 with a year-long {@code Retry-After}. */
        YEAR_LONG_RETRY_AFTER("HOSTILE-RETRY-AFTER"),
        /** Polls answer 200 and then send one byte per second, forever. */
        TRICKLING_POLL("HOSTILE-TRICKLE"),
        /** Polls answer with 64 MiB of JSON. */
        HUGE_ANSWER("HOSTILE-HUGE"),
        /** The result file is an HTML page served with status 200. */
        HTML_INSTEAD_OF_IMAGE("HOSTILE-HTML"),
        /** The result file is a 23-byte JPEG whose header claims 20000 x 20000 pixels. */
        PIXEL_BOMB("HOSTILE-BOMB"),
        /** The result file redirects to the cloud metadata address. */
        REDIRECT_TO_PRIVATE_ADDRESS("HOSTILE-REDIRECT");

        public final String marker;

        Hostile(String marker) {
            this.marker = marker;
        }

        static Hostile in(String prompt) {
            for (Hostile hostile : values()) {
                if (prompt != null && prompt.contains(hostile.marker)) {
                    return hostile;
                }
            }
            return null;
        }

        boolean atPoll() {
            return this == YEAR_LONG_RETRY_AFTER || this == TRICKLING_POLL || this == HUGE_ANSWER;
        }
    }

    /** Thrown by {@link #poll(String)} for a hostile job: the dispatcher answers instead of the subclass. */
    private static final class HostilePoll extends RuntimeException {
        final Hostile hostile;

        HostilePoll(Hostile hostile) {
            super(hostile.marker, null, false, false);
            this.hostile = hostile;
        }
    }

    /** A 23-byte JPEG whose frame header claims 20000 x 20000 pixels. */
    static final byte[] JPEG_BOMB = {
        (byte) 0xFF,
        (byte) 0xD8,
        (byte) 0xFF,
        (byte) 0xC0,
        0,
        17,
        8,
        0x4E,
        0x20,
        0x4E,
        0x20,
        3,
        1,
        0x22,
        0,
        2,
        0x11,
        1,
        3,
        0x11,
        1,
        (byte) 0xFF,
        (byte) 0xD9
    };

    /** Why a create request was refused. */
    protected enum Refusal {
        RATE_LIMITED,
        BUSY,
        NO_CREDITS,
        REJECTED,
        ON_HOLD
    }

    /** What a poll saw. */
    protected enum State {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** One recorded HTTP request. */
    public record Call(String method, String rawTarget, String contentType, boolean authorized, byte[] body) {}

    /** One accepted create: the request and the items (images, videos, tasks) it produced. */
    protected final class Job {
        final int number;
        final String endpoint;
        final JsonNode body;
        final String prompt;
        final long createdAt = System.currentTimeMillis();
        final List<Item> items = new ArrayList<>();

        Job(int number, String endpoint, JsonNode body, String prompt) {
            this.number = number;
            this.endpoint = endpoint;
            this.body = body;
            this.prompt = prompt;
        }

        boolean moderated() {
            return prompt.contains(MODERATE_MARKER);
        }

        synchronized boolean finished() {
            return items.stream().allMatch(i -> i.reportedFinal);
        }
    }

    /** One pollable unit of a job, with the files it yields when done. */
    protected final class Item {
        final String id;
        final Job job;
        final List<String> files;
        int polls;
        boolean reportedFinal;

        Item(String id, Job job, List<String> files) {
            this.id = id;
            this.job = job;
            this.files = files;
        }
    }

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String expectedToken;
    private final HttpServer server;
    private final ExecutorService executor;

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Hostile> hostileFiles = new ConcurrentHashMap<>();
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final List<Job> jobs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sequence = new AtomicInteger(1000);

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> createBodies = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> createRequests = new ConcurrentHashMap<>();
    private final AtomicInteger acceptedCreates = new AtomicInteger();
    private final AtomicInteger uploads = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicInteger downloadsWithAuthorization = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();

    private volatile Duration latency = Duration.ZERO;
    private volatile int pollsBeforeDone = 1;
    private volatile int maxConcurrentJobs = Integer.MAX_VALUE;
    private volatile int creditsForCreates = Integer.MAX_VALUE;
    private volatile int rateLimitFirstCreates;
    private volatile boolean hangOnCreate;
    private volatile boolean accountOnHold;
    private volatile int downloadBytesPerSecond;
    private volatile CountDownLatch hangRelease = new CountDownLatch(1);

    protected FakeProvider(String name, String expectedToken) {
        this.name = name;
        this.expectedToken = expectedToken;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-" + name);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    // ------------------------------------------------------------------ address and credentials

    /** {@code http://127.0.0.1:<port>}, the value for {@code -Dassetgen.<name>.baseUrl}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The provider name as the plugin knows it ({@code useapi}, {@code minimax}, {@code apixo}). */
    public String name() {
        return name;
    }

    /** The only token this fake accepts. */
    public String token() {
        return expectedToken;
    }

    /** The environment variable the plugin reads this provider's token from. */
    public abstract String tokenVariable();

    /** {@code -Dassetgen.<name>.baseUrl=<baseUrl>}. */
    public String baseUrlArgument() {
        return "-Dassetgen." + name + ".baseUrl=" + baseUrl();
    }

    // ------------------------------------------------------------------ knobs

    /** Delay before answering any request. */
    public FakeProvider latency(Duration value) {
        latency = value;
        return this;
    }

    /** Polls that still answer "running" before a job reports its final state (default 1). */
    public FakeProvider pollsBeforeDone(int value) {
        pollsBeforeDone = value;
        return this;
    }

    /** Creates beyond this many unfinished jobs are refused as busy (the provider's 429). */
    public FakeProvider maxConcurrentJobs(int value) {
        maxConcurrentJobs = value;
        return this;
    }

    /** After this many accepted creates, further creates are refused for lack of credits (useapi 412). */
    public FakeProvider noCreditsAfter(int acceptedCreates) {
        creditsForCreates = acceptedCreates;
        return this;
    }

    /** The first {@code count} create requests are answered with the provider's rate-limit error. */
    public FakeProvider rateLimitFirstCreates(int count) {
        rateLimitFirstCreates = count;
        return this;
    }

    /** Every create is answered with the "account on hold" error (useapi 596; others: no-credits). */
    public FakeProvider accountOnHold(boolean value) {
        accountOnHold = value;
        return this;
    }

    /** Create requests are read, then never answered (until this is switched off, {@link #reset()} or {@link #close()}). */
    public FakeProvider hangOnCreate(boolean value) {
        hangOnCreate = value;
        if (!value) {
            // creates already hanging are dropped unanswered, as a dead connection would be
            hangRelease.countDown();
            hangRelease = new CountDownLatch(1);
        }
        return this;
    }

    /** Result files are sent at this rate (0 = unthrottled). */
    public FakeProvider downloadBytesPerSecond(int value) {
        downloadBytesPerSecond = value;
        return this;
    }

    /** Forgets jobs, files, counters and records, and restores every knob to its default. */
    public void reset() {
        hangRelease.countDown();
        hangRelease = new CountDownLatch(1);
        latency = Duration.ZERO;
        pollsBeforeDone = 1;
        maxConcurrentJobs = Integer.MAX_VALUE;
        creditsForCreates = Integer.MAX_VALUE;
        rateLimitFirstCreates = 0;
        hangOnCreate = false;
        accountOnHold = false;
        downloadBytesPerSecond = 0;
        files.clear();
        hostileFiles.clear();
        items.clear();
        jobs.clear();
        calls.clear();
        createBodies.clear();
        createRequests.clear();
        for (AtomicInteger counter : List.of(
                acceptedCreates, uploads, polls, downloads, downloadsWithAuthorization, unauthorized, rateLimited)) {
            counter.set(0);
        }
    }

    // ------------------------------------------------------------------ counters and records

    /** Create requests received (accepted or refused), all endpoints. */
    public int createRequests() {
        return createRequests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Create requests received on one endpoint, e.g. {@code images/create}. */
    public int createRequests(String endpoint) {
        AtomicInteger counter = createRequests.get(endpoint);
        return counter == null ? 0 : counter.get();
    }

    /** Create requests that started a job. */
    public int acceptedCreates() {
        return acceptedCreates.get();
    }

    public int uploads() {
        return uploads.get();
    }

    /** Status requests for a known job. */
    public int polls() {
        return polls.get();
    }

    /** Result files served (complete or not). */
    public int downloads() {
        return downloads.get();
    }

    /** Result downloads that carried an Authorization header (a CDN never needs the API token). */
    public int downloadsWithAuthorization() {
        return downloadsWithAuthorization.get();
    }

    /** Requests refused for a missing or wrong token. */
    public int unauthorized() {
        return unauthorized.get();
    }

    /** Every request received, in order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Every create request's JSON body, in arrival order (refused ones included). */
    public List<JsonNode> createBodies() {
        synchronized (createBodies) {
            return List.copyOf(createBodies);
        }
    }

    /** The prompts of the create requests, in arrival order. */
    public List<String> createdPrompts() {
        return createBodies().stream().map(this::promptOf).toList();
    }

    /** Jobs started and not yet reported final to a poll. */
    public int jobsInFlight() {
        synchronized (jobs) {
            return (int) jobs.stream().filter(j -> !j.finished()).count();
        }
    }

    /** Total requests received, of any kind. */
    public int requests() {
        return calls.size();
    }

    /** Waits until at least {@code count} create requests arrived. */
    public void awaitCreateRequests(int count, Duration timeout) {
        await("create requests", this::createRequests, count, timeout);
    }

    private void await(String what, IntSupplier counter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.getAsInt() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fake " + name + " saw " + counter.getAsInt() + " " + what + ", expected "
                        + count + " within " + timeout);
            }
            sleep(Duration.ofMillis(10));
        }
    }

    @Override
    public void close() {
        hangRelease.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ for subclasses

    /** Answers one request; returns false when no route matches (the base answers 404). */
    protected abstract boolean route(HttpExchange exchange, String method, String path, byte[] body) throws IOException;

    /** Writes the provider's 401. */
    protected abstract void answerUnauthorized(HttpExchange exchange) throws IOException;

    /** Writes the provider's answer to a refused create. */
    protected abstract void answerRefusal(HttpExchange exchange, Refusal refusal, String endpoint) throws IOException;

    /** The prompt of a create body, "" when none. */
    protected abstract String promptOf(JsonNode body);

    /**
     * The common part of every create: counts and records it, hangs or refuses as the knobs say, and otherwise
     * returns a new job (empty of items) that the caller fills and answers. Returns null when already answered.
     */
    protected Job beginCreate(HttpExchange exchange, String endpoint, JsonNode body) throws IOException {
        createRequests.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
        createBodies.add(body);
        if (hangOnCreate) {
            awaitQuietly(hangRelease);
            exchange.close();
            return null;
        }
        String prompt = promptOf(body);
        Refusal refusal;
        Job job = null;
        // deciding and registering the job in one step keeps the concurrency limit exact under parallel creates
        synchronized (this) {
            refusal = refusalFor(prompt);
            if (refusal == Refusal.RATE_LIMITED) {
                rateLimited.incrementAndGet();
            }
            if (refusal == null) {
                acceptedCreates.incrementAndGet();
                job = new Job(sequence.incrementAndGet(), endpoint, body, prompt);
                jobs.add(job);
            }
        }
        if (refusal != null) {
            answerRefusal(exchange, refusal, endpoint);
        }
        return job;
    }

    private Refusal refusalFor(String prompt) {
        if (accountOnHold) {
            return Refusal.ON_HOLD;
        }
        if (rateLimited.get() < rateLimitFirstCreates) {
            return Refusal.RATE_LIMITED;
        }
        if (acceptedCreates.get() >= creditsForCreates) {
            return Refusal.NO_CREDITS;
        }
        if (jobsInFlight() >= maxConcurrentJobs) {
            return Refusal.BUSY;
        }
        if (prompt.contains(REJECT_MARKER)) {
            return Refusal.REJECTED;
        }
        return null;
    }

    /** Counts and records a create request the provider refuses as malformed before any other check. */
    protected void countInvalidCreate(String endpoint, JsonNode body) {
        createRequests.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
        createBodies.add(body);
    }

    /** Every accepted job so far, in creation order. */
    protected List<Job> jobsSoFar() {
        synchronized (jobs) {
            return List.copyOf(jobs);
        }
    }

    /** Ids of items whose job has not finished, in creation order. */
    protected List<String> unfinishedItemIds() {
        List<String> ids = new ArrayList<>();
        synchronized (jobs) {
            for (Job job : jobs) {
                if (!job.finished()) {
                    synchronized (job) {
                        job.items.forEach(i -> ids.add(i.id));
                    }
                }
            }
        }
        return ids;
    }

    protected boolean hasFile(String fileName) {
        return files.containsKey(fileName);
    }

    protected byte[] fileBytes(String fileName) {
        return files.get(fileName);
    }

    /** Adds a pollable item to a job, with result files already rendered and served. */
    protected Item addItem(Job job, String id, List<String> fileNames) {
        Item item = new Item(id, job, fileNames);
        synchronized (job) {
            job.items.add(item);
        }
        items.put(id, item);
        return item;
    }

    /** Stores a result file, served at {@link #fileUrl(String)}. */
    protected String serve(String fileName, byte[] content) {
        files.put(fileName, content);
        return fileName;
    }

    /** A PNG result file unique to this job and index. */
    protected String servePng(Job job, int index) {
        markHostile(job, job.number + "-" + index + ".png");
        return serve(job.number + "-" + index + ".png", TestMedia.png(48, 27, job.number * 16 + index));
    }

    /** The MP4 result file of a job. */
    protected String serveMp4(Job job) {
        markHostile(job, job.number + ".mp4");
        return serve(job.number + ".mp4", TestMedia.mp4());
    }

    private void markHostile(Job job, String fileName) {
        Hostile hostile = Hostile.in(job.prompt);
        if (hostile != null && !hostile.atPoll()) {
            hostileFiles.put(fileName, hostile);
        }
    }

    protected String fileUrl(String fileName) {
        return baseUrl() + "/cdn/" + fileName;
    }

    /** Counts a poll and advances the item; null for an unknown id. */
    protected Item poll(String id) {
        Item item = items.get(id);
        if (item == null) {
            return null;
        }
        polls.incrementAndGet();
        synchronized (item.job) {
            item.polls++;
        }
        Hostile hostile = Hostile.in(item.job.prompt);
        if (hostile != null && hostile.atPoll()) {
            throw new HostilePoll(hostile);
        }
        return item;
    }

    /** The state a poll reports: running for {@code pollsBeforeDone} polls, then succeeded or failed. */
    protected State stateOf(Item item) {
        synchronized (item.job) {
            if (!item.reportedFinal && item.polls <= pollsBeforeDone) {
                return State.RUNNING;
            }
            item.reportedFinal = true;
            return item.job.moderated() ? State.FAILED : State.SUCCEEDED;
        }
    }

    /** Marks an item final without a poll (synchronous endpoints). */
    protected void finishNow(Item item) {
        synchronized (item.job) {
            item.reportedFinal = true;
        }
    }

    protected Item item(String id) {
        return items.get(id);
    }

    protected int nextNumber() {
        return sequence.incrementAndGet();
    }

    protected void countUpload() {
        uploads.incrementAndGet();
    }

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    protected static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        respond(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    protected static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Decoded query parameters of a request. */
    protected static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> result = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            result.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return result;
    }

    /** Parses a JSON body; null when it is not JSON (the caller answers 400). */
    protected static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ dispatch

    private void dispatch(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authorized = ("Bearer " + expectedToken).equals(authorization);
            calls.add(new Call(
                    method,
                    exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null
                                    ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    authorized,
                    body));
            sleep(latency);
            if (method.equals("GET") && path.startsWith("/cdn/")) {
                serveFile(exchange, path.substring("/cdn/".length()), authorization != null);
                return;
            }
            if (!authorized) {
                unauthorized.incrementAndGet();
                answerUnauthorized(exchange);
                return;
            }
            if (!route(exchange, method, path, body)) {
                respond(exchange, 404, object().put("error", "Not found.").put("code", 404));
            }
        } catch (HostilePoll hostile) {
            answerHostilePoll(exchange, hostile.hostile);
        } catch (RuntimeException e) {
            respond(exchange, 500, object().put("error", "fake failed: " + e).put("code", 500));
        } finally {
            exchange.close();
        }
    }

    private static void answerHostilePoll(HttpExchange exchange, Hostile hostile) throws IOException {
        try {
            switch (hostile) {
                case YEAR_LONG_RETRY_AFTER -> {
                    exchange.getResponseHeaders().set("Retry-After", "31536000");
                    respond(
                            exchange,
                            429,
                            object().put("error", "come back next year").put("code", 429));
                }
                case TRICKLING_POLL -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write('{');
                    // one space a second; ends when the client hangs up (or after ten minutes)
                    for (int i = 0; i < 600; i++) {
                        out.write(' ');
                        out.flush();
                        sleep(Duration.ofSeconds(1));
                    }
                }
                case HUGE_ANSWER -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    // chunked, so only a cap on the stream (not on Content-Length) stops the reader
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write("{\"pad\":\"".getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int i = 0; i < 1024; i++) {
                        out.write(chunk);
                    }
                    out.write("\"}".getBytes(StandardCharsets.US_ASCII));
                }
                default -> throw new IllegalStateException(hostile + " is not a poll answer");
            }
        } catch (IOException clientHungUp) {
            // the client gave up on the answer, as it should
        }
    }

    private void serveHostileFile(HttpExchange exchange, Hostile hostile) throws IOException {
        downloads.incrementAndGet();
        switch (hostile) {
            case HTML_INSTEAD_OF_IMAGE ->
                respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<!doctype html><html><body>Sign in to continue</body></html>"
                                .getBytes(StandardCharsets.UTF_8));
            case PIXEL_BOMB -> respond(exchange, 200, "image/png", JPEG_BOMB);
            case REDIRECT_TO_PRIVATE_ADDRESS -> {
                exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/iam/");
                exchange.sendResponseHeaders(302, -1);
            }
            default -> throw new IllegalStateException(hostile + " is not a file answer");
        }
    }

    private void serveFile(HttpExchange exchange, String fileName, boolean withAuthorization) throws IOException {
        Hostile hostile = hostileFiles.get(fileName);
        if (hostile != null) {
            serveHostileFile(exchange, hostile);
            return;
        }
        byte[] content = files.get(fileName);
        if (content == null) {
            respond(exchange, 404, "text/plain", "no such file".getBytes(StandardCharsets.UTF_8));
            return;
        }
        downloads.incrementAndGet();
        if (withAuthorization) {
            downloadsWithAuthorization.incrementAndGet();
        }
        String type = fileName.endsWith(".mp4") ? "video/mp4" : "image/png";
        int rate = downloadBytesPerSecond;
        if (rate <= 0) {
            respond(exchange, 200, type, content);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, content.length);
        int chunk = Math.max(1, rate / 10);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int offset = 0; offset < content.length; offset += chunk) {
                out.write(content, offset, Math.min(chunk, content.length - offset));
                out.flush();
                sleep(Duration.ofMillis(1000L * chunk / rate));
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
