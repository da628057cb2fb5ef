package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ProviderException.Kind;
import java.time.Duration;
import java.util.Objects;

/**
 * What one HTTP answer means, before it becomes a result or a {@code ProviderException}: a
 * success with its JSON body, or a classified failure. Immutable.
 */
public sealed interface Outcome {

    /** A 2xx answer the provider reports as successful. */
    record Success(int httpStatus, JsonNode body) implements Outcome {}

    /**
     * A failed answer.
     *
     * @param kind what the build should do about it
     * @param httpStatus the HTTP status, or 0 when none was received
     * @param providerMessage the provider's own words (may still contain a token: the caller redacts)
     * @param retryAfter the delay the provider asked for, or null
     * @param advice what the user should do, or null
     */
    record Failure(Kind kind, int httpStatus, String providerMessage, Duration retryAfter, String advice)
            implements Outcome {
        public Failure {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * The failure an HTTP status means (the product's one status table).
     *
     * @param provider provider name, for advice such as which settings.xml server to check
     * @param tokenVariable the environment variable holding the provider's token, or null
     * @param httpStatus a non-2xx status
     * @param providerMessage the message taken from the body
     * @param retryAfter the parsed {@code Retry-After}, or null
     */
    public static Failure forStatus(
            String provider, String tokenVariable, int httpStatus, String providerMessage, Duration retryAfter) {
        if (httpStatus == 429) {
            return new Failure(Kind.RATE_LIMITED, httpStatus, providerMessage, retryAfter, null);
        }
        if (httpStatus == 401) {
            return new Failure(
                    Kind.PROVIDER_STOP,
                    httpStatus,
                    providerMessage,
                    null,
                    ProviderMessages.checkToken(provider, tokenVariable));
        }
        if (httpStatus == 402 || httpStatus == 412) {
            return new Failure(Kind.PROVIDER_STOP, httpStatus, providerMessage, null, ProviderMessages.outOfCredits());
        }
        // 596 is useapi's own "account on hold"; it must be matched before the generic 5xx rule.
        if (httpStatus == 596) {
            return new Failure(Kind.PROVIDER_STOP, httpStatus, providerMessage, null, ProviderMessages.accountOnHold());
        }
        if (httpStatus >= 500 && httpStatus <= 599) {
            return new Failure(Kind.RETRYABLE, httpStatus, providerMessage, null, null);
        }
        if (httpStatus >= 400 && httpStatus <= 499) {
            return new Failure(Kind.REJECTED, httpStatus, providerMessage, null, null);
        }
        // 1xx/3xx reaching us means a proxy or redirect loop we did not follow; try again later.
        return new Failure(Kind.RETRYABLE, httpStatus, providerMessage, null, null);
    }
}
