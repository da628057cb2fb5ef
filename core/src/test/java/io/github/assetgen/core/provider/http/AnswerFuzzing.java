package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.assetgen.core.provider.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Feeds fuzzed bytes to a provider's answer handling the way {@link HttpCaller} does: the failure
 * path reads the provider's message and the {@code Retry-After} header, the success path parses JSON, classifies it and lets each
 * endpoint read it. Only the typed failures may escape: {@link ProviderException} and
 * {@link UnexpectedAnswerException}; anything else (a NullPointerException, an arithmetic error, an
 * OutOfMemoryError) fails the fuzz test.
 */
public final class AnswerFuzzing {

    private AnswerFuzzing() {}

    /** One answer body, as an error answer and as a 200 answer to each endpoint. */
    public static void answer(byte[] data, ResponseClassifier classifier, List<? extends Endpoint<?>> endpoints) {
        String text = new String(data, StandardCharsets.UTF_8);
        ProviderMessages.fromBody(text);
        // the same bytes as a Retry-After header: seconds, a date, or garbage
        RetryAfter.parse(text.lines().findFirst().orElse(""));
        JsonNode json;
        try {
            json = text.isBlank()
                    ? MissingNode.getInstance()
                    : HttpJson.mapper().readTree(text);
        } catch (IOException notJson) {
            return; // the caller reports "the answer is not JSON"
        }
        if (!(classifier.classify(new Outcome.Success(200, json)) instanceof Outcome.Success)) {
            return;
        }
        for (Endpoint<?> endpoint : endpoints) {
            try {
                endpoint.parse(json);
            } catch (ProviderException | UnexpectedAnswerException expected) {
                // a typed failure: the caller turns it into the asset's failure
            }
        }
    }
}
