package io.github.assetgen.core.provider.http;

/**
 * A provider's look at a 2xx answer: some providers report failures inside a 200 body (MiniMax
 * {@code base_resp.status_code}, APIXO's {@code code} envelope). Thread-safe implementations only.
 */
@FunctionalInterface
public interface ResponseClassifier {

    /** Accepts every 2xx answer as a success. */
    ResponseClassifier ACCEPT_ALL = success -> success;

    /**
     * Returns {@code success} unchanged when the body reports success, otherwise the
     * {@link Outcome.Failure} it reports (kind, the provider's message, advice).
     */
    Outcome classify(Outcome.Success success);
}
