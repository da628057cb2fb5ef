package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ProviderException;

/**
 * One provider endpoint: what to send and how to read a successful answer. One small class per
 * endpoint; {@link HttpCaller} does the sending, the status mapping and the retries.
 *
 * @param <T> what a successful answer becomes
 */
public interface Endpoint<T> {

    /** {@code GET} or {@code POST}. */
    String method();

    /**
     * The path and query appended to the provider's base URL, exactly as it goes on the wire.
     * Provider ids are put in as they are: useapi ids contain {@code :}, which must not be
     * percent-encoded. Encode user-supplied query values yourself.
     */
    String path();

    /** The request body, or null for none. */
    default HttpBody body() {
        return null;
    }

    /** Whether the caller may repeat the request; decides retries and the money rule. */
    CallKind kind();

    /** What the request does, for messages, e.g. {@code submitting image 'hero' to useapi}. */
    String actionDescription();

    /** The asset this request is for, used in "retry on purpose" advice; null when none. */
    default String assetId() {
        return null;
    }

    /**
     * The most the answer may hold (decoded), so a provider cannot fill the heap: 4 MiB, plenty for
     * any JSON answer; an endpoint whose answer carries files inline may allow more.
     */
    default long maxAnswerBytes() {
        return 4L << 20;
    }

    /**
     * Reads a 2xx answer that the provider's {@link ResponseClassifier} accepted.
     *
     * @param body the parsed JSON body ({@code MissingNode} when the body was empty)
     * @throws ProviderException when the answer says the request failed
     * @throws UnexpectedAnswerException when the answer lacks what it must contain
     */
    T parse(JsonNode body) throws ProviderException;
}
