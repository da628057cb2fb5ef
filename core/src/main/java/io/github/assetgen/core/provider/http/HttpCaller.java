package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Sends one provider's {@link Endpoint}s and turns every answer into the endpoint's result or a
 * classified {@link ProviderException}. One per provider per build; thread-safe.
 *
 * <p>Status table: 2xx success (then the provider's {@link ResponseClassifier}); 429 rate limited
 * (with {@code Retry-After} seconds when sent); 401, 402, 412, 596 provider stop; other 5xx
 * retryable; other 4xx rejected with the provider's message.
 *
 * <p>Retries: {@link CallKind#READ} and {@link CallKind#UPLOAD} requests are repeated on retryable
 * faults with back-off. {@link CallKind#CREATE} requests are sent exactly once: OkHttp's own silent
 * retry is off for them, and a request that may have reached the provider without a clear answer
 * (no answer, an answer cut off or unreadable, or any 5xx but 596) becomes {@code MAYBE_SUBMITTED}.
 * A connect failure (nothing was sent) is {@code RETRYABLE}; an answered 429 is {@code RATE_LIMITED}.
 *
 * <p>No message ever holds the token: every text is passed through {@link Secret#redact}.
 */
public final class HttpCaller {

    /** A backstop for one API call when no asset deadline is set; an asset's deadline is usually shorter. */
    static final Duration MIN_API_CALL_TIMEOUT = Duration.ofMinutes(10);

    /** A backstop for one download (a video may be large); the asset's deadline is usually shorter. */
    static final Duration DOWNLOAD_CALL_TIMEOUT = Duration.ofHours(1);

    private final ProviderSettings settings;
    private final OkHttpClient client;
    private final OkHttpClient createClient;
    private final OkHttpClient downloadClient;
    private final RetryPolicy retryPolicy;
    private final ResponseClassifier classifier;
    private final String baseUrl;
    private final String diagnosticHeader;
    private final Duration apiCallTimeout;
    private final CallFailures failures;

    /**
     * @param settings the provider's base URL, token, timeouts and retry limits
     * @param clients the build's shared HTTP client
     * @param sleeper how to wait between retries
     * @param classifier the provider's reading of 2xx bodies ({@link ResponseClassifier#ACCEPT_ALL} if none)
     */
    public HttpCaller(
            ProviderSettings settings, HttpClientFactory clients, Sleeper sleeper, ResponseClassifier classifier) {
        this(settings, clients, sleeper, classifier, null);
    }

    /**
     * @param settings the provider's base URL, token, timeouts and retry limits
     * @param clients the build's shared HTTP client
     * @param sleeper how to wait between retries
     * @param classifier the provider's reading of 2xx bodies ({@link ResponseClassifier#ACCEPT_ALL} if none)
     * @param diagnosticHeader a response header quoted in every failure read from an answer (MiniMax's
     *     {@code Trace-Id}, which its support asks for), or null for none
     */
    public HttpCaller(
            ProviderSettings settings,
            HttpClientFactory clients,
            Sleeper sleeper,
            ResponseClassifier classifier,
            String diagnosticHeader) {
        this.diagnosticHeader = diagnosticHeader;
        this.failures = new CallFailures(Objects.requireNonNull(settings, "settings"), diagnosticHeader);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = clients.forProvider(settings);
        // A create must reach the provider at most once; OkHttp would otherwise replay it on a
        // connection that failed after the body was written.
        this.createClient = client.newBuilder().retryOnConnectionFailure(false).build();
        this.downloadClient = HttpClientFactory.forDownloads(client, settings);
        this.retryPolicy = RetryPolicy.forRequests(settings.maxRetries(), settings.retryDelay(), sleeper);
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        String base = settings.baseUrl().toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        // a synchronous generation may use the whole read timeout, and an upload writes for a while
        Duration generous =
                settings.connectTimeout().plus(settings.readTimeout().multipliedBy(2));
        this.apiCallTimeout = generous.compareTo(MIN_API_CALL_TIMEOUT) > 0 ? generous : MIN_API_CALL_TIMEOUT;
    }

    /** The provider's name. */
    public String provider() {
        return settings.name();
    }

    /** What a non-2xx status means, with advice that names this provider's token. */
    Outcome.Failure failureFor(int httpStatus, String providerMessage, Duration retryAfter) {
        return Outcome.forStatus(provider(), settings.tokenVariable(), httpStatus, providerMessage, retryAfter);
    }

    /**
     * Sends the endpoint's request (repeating reads and uploads on transient faults) and parses
     * the answer.
     *
     * @throws ProviderException classified failure, the token removed from its message
     */
    public <T> T call(Endpoint<T> endpoint) throws ProviderException {
        if (endpoint.kind() == CallKind.CREATE) {
            return callOnce(endpoint);
        }
        return retryPolicy.run(() -> callOnce(endpoint));
    }

    /**
     * A classified exception for this provider with the token removed, for clients that find a
     * failure in an answer themselves.
     */
    public ProviderException exception(Kind kind, int httpStatus, String message) {
        return new ProviderException(
                kind, provider(), httpStatus, ProviderMessages.shorten(redact(message), 1000), null, null);
    }

    /**
     * A job's state as a client may pass it on: a failure's message (the provider's words) with the
     * token removed, then shortened.
     */
    public JobState safe(JobState state) {
        return state instanceof JobState.Failed failed
                ? new JobState.Failed(ProviderMessages.shorten(redact(failed.message()), 1000), failed.moderated())
                : state;
    }

    private <T> T callOnce(Endpoint<T> endpoint) throws ProviderException {
        SendTracker tracker = new SendTracker();
        Request request = request(endpoint, tracker);
        OkHttpClient http = endpoint.kind() == CallKind.CREATE ? createClient : client;
        refuseInsecureBase(endpoint.actionDescription());
        Call call = http.newCall(request);
        bound(call, endpoint.actionDescription(), apiCallTimeout);
        Outcome outcome;
        String diagnostic;
        try (Response response = call.execute()) {
            diagnostic = diagnosticHeader == null ? null : response.header(diagnosticHeader);
            boolean success = response.code() >= 200 && response.code() <= 299;
            // an error page is only quoted, so its start is enough; an answer is parsed, so it must be whole
            String text = success
                    ? Answers.readCapped(response.body(), endpoint.maxAnswerBytes())
                    : Answers.readPrefix(response.body(), Answers.ERROR_PREFIX_BYTES);
            if (text == null) {
                throw failures.quoting(
                        failures.unreadableAnswer(
                                endpoint,
                                "the answer is larger than " + (endpoint.maxAnswerBytes() >> 20) + " MiB",
                                null),
                        diagnostic);
            }
            // the token out of the whole answer before any of it is read: a job's label, id or message
            // echoing it would otherwise reach a log line (and a label is cut to 40 characters, after
            // which a token no longer matches)
            text = failures.redactAnswer(text);
            try {
                outcome = interpret(endpoint, response.code(), response.header("Retry-After"), text);
            } catch (ProviderException e) {
                throw failures.quoting(e, diagnostic);
            }
        } catch (IOException e) {
            throw failures.noAnswer(endpoint, tracker.requestStarted(), e);
        }
        if (outcome instanceof Outcome.Failure failure) {
            throw failures.quoting(
                    toException(endpoint.actionDescription(), CallFailures.createSafe(endpoint, failure), null),
                    diagnostic);
        }
        JsonNode body = ((Outcome.Success) outcome).body();
        try {
            return endpoint.parse(body);
        } catch (UnexpectedAnswerException e) {
            throw failures.quoting(failures.unreadableAnswer(endpoint, e.getMessage(), e), diagnostic);
        } catch (ProviderException e) {
            throw failures.quoting(e, diagnostic);
        }
    }

    /**
     * Gives {@code call} a whole-call timeout (DNS, connect, request, waiting and the whole body): the
     * backstop, shortened to the time left on the asset's deadline, so a trickling body cannot hold
     * the build.
     *
     * @throws ProviderException RETRYABLE when the asset's time has already run out (nothing is sent)
     */
    void bound(Call call, String action, Duration backstop) throws ProviderException {
        Duration limit = CallDeadline.cap(backstop);
        if (limit.toMillis() <= 0) {
            throw failures.toException(
                    action,
                    new Outcome.Failure(
                            Kind.RETRYABLE,
                            0,
                            "the time this call was allowed (the asset's timeout, or 30 s for a balance read) ran out before"
                                    + " the request; nothing was sent",
                            null,
                            null),
                    null);
        }
        call.timeout().timeout(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Refuses to talk to a provider over plain http anywhere but this machine: the token would cross
     * the network in clear. Checked before every call as well as in the settings, so a client built
     * by hand cannot skip it.
     */
    void refuseInsecureBase(String action) throws ProviderException {
        String problem = settings.token() == null ? null : UrlGuard.insecureBase(settings.baseUrl());
        if (problem != null) {
            throw failures.toException(
                    action,
                    new Outcome.Failure(Kind.PROVIDER_STOP, 0, problem + "; nothing was sent", null, null),
                    null);
        }
    }

    Duration downloadCallTimeout() {
        return DOWNLOAD_CALL_TIMEOUT;
    }

    private Request request(Endpoint<?> endpoint, SendTracker tracker) {
        HttpUrl url = url(endpoint.path());
        HttpBody body = endpoint.body();
        RequestBody requestBody = body == null ? null : toRequestBody(body, endpoint.kind() == CallKind.CREATE);
        if (requestBody == null
                && !endpoint.method().equals("GET")
                && !endpoint.method().equals("HEAD")
                && !endpoint.method().equals("DELETE")) {
            requestBody = RequestBody.create(new byte[0], null);
        }
        return new Request.Builder()
                .url(url)
                .method(endpoint.method(), requestBody)
                .header("Accept", "application/json")
                .tag(SendTracker.class, tracker)
                .build();
    }

    /** The absolute URL for a raw path; {@code :} in ids stays as it is (OkHttp does not encode it). */
    HttpUrl url(String path) {
        return HttpUrl.get(baseUrl + (path.startsWith("/") ? path : "/" + path));
    }

    private Outcome interpret(Endpoint<?> endpoint, int status, String retryAfter, String text)
            throws ProviderException {
        if (status < 200 || status > 299) {
            return failureFor(status, ProviderMessages.fromBody(text), RetryAfter.parse(retryAfter));
        }
        JsonNode json;
        try {
            json = text.isBlank()
                    ? MissingNode.getInstance()
                    : HttpJson.mapper().readTree(text);
        } catch (IOException malformed) {
            throw failures.unreadableAnswer(
                    endpoint, "the answer is not JSON: " + ProviderMessages.fromBody(text), malformed);
        }
        return classifier.classify(new Outcome.Success(status, json));
    }

    /** The text with every occurrence of this provider's token masked. */
    public String redact(String text) {
        return failures.redact(text);
    }

    /** Turns a failure outcome into the exception the scheduler acts on. */
    ProviderException toException(String action, Outcome.Failure failure, Throwable cause) {
        return failures.toException(action, failure, cause);
    }

    static String describe(IOException e) {
        return CallFailures.describe(e);
    }

    OkHttpClient client() {
        return client;
    }

    ProviderSettings settings() {
        return settings;
    }

    /** The client for result downloads: redirects followed by the downloader, names resolved by {@link UrlGuard}. */
    OkHttpClient downloadClient() {
        return downloadClient;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    private static RequestBody toRequestBody(HttpBody body, boolean oneShot) {
        MediaType type = MediaType.get(body.mediaType());
        RequestBody plain = body.file() != null
                ? RequestBody.create(body.file().toFile(), type)
                : RequestBody.create(body.bytes(), type);
        return oneShot ? new OneShotBody(plain) : plain;
    }

    /** Marks a create's body as sendable once, so no layer of OkHttp replays it. */
    private static final class OneShotBody extends RequestBody {
        private final RequestBody delegate;

        OneShotBody(RequestBody delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            delegate.writeTo(sink);
        }
    }
}
