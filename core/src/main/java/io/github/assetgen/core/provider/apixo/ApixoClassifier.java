package io.github.assetgen.core.provider.apixo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.http.Outcome;
import io.github.assetgen.core.provider.http.ProviderMessages;
import io.github.assetgen.core.provider.http.ResponseClassifier;

/**
 * Reads APIXO's envelope {@code {code, message, data}}. Its {@code code} mirrors the HTTP status but
 * is checked on its own: a 200 answer carrying a 4xx or 5xx code is classified like that status.
 * Stateless.
 */
final class ApixoClassifier implements ResponseClassifier {

    static final String PROVIDER = ApixoProvider.NAME;

    @Override
    public Outcome classify(Outcome.Success success) {
        JsonNode code = success.body().get("code");
        if (code == null || code.isNull()) {
            return success;
        }
        int status = code.asInt(0);
        if (status < 400 || status > 599) {
            // 2xx is a success; any code outside 400-599 (0, 1xx, 3xx, a business code such as 1001, text
            // that is no number) is no HTTP error status and says nothing, so the answer's content decides:
            // a create without its taskId is then an unreadable answer, which may have made a task, never
            // a reason to send the create again
            return success;
        }
        Outcome.Failure failure = Outcome.forStatus(
                PROVIDER,
                ApixoProvider.TOKEN_VARIABLE,
                status,
                ProviderMessages.fromBody(success.body().toString()),
                null);
        if (status == 403) {
            return new Outcome.Failure(
                    failure.kind(),
                    status,
                    failure.providerMessage(),
                    null,
                    "APIXO refuses this request: its content policy, or the key lacks permission for the model");
        }
        return failure;
    }
}
