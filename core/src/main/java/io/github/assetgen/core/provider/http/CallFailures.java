package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.Secret;
import java.io.IOException;

/**
 * How a call that went wrong becomes a {@link ProviderException}: the wording, the redaction of the
 * token, and the rule that a create without a clear answer may already be paid for. Its own class
 * so the caller keeps to sending and reading. Immutable and thread-safe.
 */
final class CallFailures {

    private final ProviderSettings settings;
    private final String diagnosticHeader;

    CallFailures(ProviderSettings settings, String diagnosticHeader) {
        this.settings = settings;
        this.diagnosticHeader = diagnosticHeader;
    }

    /** The same failure with the diagnostic header's value appended, when the answer had one. */
    ProviderException quoting(ProviderException e, String diagnostic) {
        if (diagnostic == null || diagnostic.isBlank()) {
            return e;
        }
        return new ProviderException(
                e.kind(),
                e.provider(),
                e.httpStatus(),
                e.getMessage() + " [" + diagnosticHeader + ": "
                        + ProviderMessages.shorten(redact(diagnostic.trim()), 100) + "]",
                e.retryAfter(),
                e.getCause());
    }

    /** Turns a failure outcome into the exception the scheduler acts on. */
    ProviderException toException(String action, Outcome.Failure failure, Throwable cause) {
        StringBuilder message = new StringBuilder(action)
                .append(
                        switch (failure.kind()) {
                            case RATE_LIMITED -> " was rate limited";
                            case REJECTED -> " was rejected";
                            case PROVIDER_STOP -> " was refused";
                            default -> " failed";
                        });
        if (failure.httpStatus() > 0) {
            message.append(" (HTTP ").append(failure.httpStatus()).append(')');
        }
        if (failure.providerMessage() != null && !failure.providerMessage().isEmpty()) {
            // redacted before it is shortened: a token cut in half would no longer match
            message.append(": ").append(ProviderMessages.shorten(redact(failure.providerMessage())));
        }
        if (failure.advice() != null) {
            message.append("; ").append(failure.advice());
        }
        return new ProviderException(
                failure.kind(),
                settings.name(),
                failure.httpStatus(),
                redact(message.toString()),
                failure.retryAfter(),
                cause);
    }

    /**
     * Any answered 5xx to a create (but useapi's 596, "account on hold"), and any retryable fault
     * reported inside an accepted (2xx) answer to a create, says nothing about whether the job
     * exists: useapi documents that MiniMax may "respond with 502 or 504 while still accepting jobs
     * into the internal queue" (https://useapi.net/docs/api-minimax-v1/post-minimax-videos-create,
     * {@code maxJobs}), and APIXO's 502/504 do not say whether a task was made
     * (https://apixo.ai/docs/models/image/minimax-image-01). So it is treated like a lost answer: the
     * asset may be paid for, and is looked up or failed, never resent blindly. MiniMax answers such
     * faults with HTTP 200 and {@code status_code} 1000 "unknown error", 1001 "request timeout", 1024
     * "internal error" or 1033 "system error" (https://platform.minimax.io/docs/api-reference/errorcode);
     * "retry later" there is advice for a request that cannot be charged twice, which a create can.
     */
    static Outcome.Failure createSafe(Endpoint<?> endpoint, Outcome.Failure failure) {
        int status = failure.httpStatus();
        boolean serverError = status >= 500 && status <= 599 && status != 596;
        boolean faultInAcceptedAnswer = status >= 200 && status <= 299;
        if (endpoint.kind() != CallKind.CREATE
                || failure.kind() != Kind.RETRYABLE
                || !(serverError || faultInAcceptedAnswer)) {
            return failure;
        }
        return new Outcome.Failure(
                Kind.MAYBE_SUBMITTED,
                status,
                failure.providerMessage(),
                null,
                ProviderMessages.retryOnPurpose(endpoint.assetId()));
    }

    ProviderException noAnswer(Endpoint<?> endpoint, boolean requestStarted, IOException e) {
        String what = describe(e);
        if (!requestStarted) {
            return toException(
                    endpoint.actionDescription(),
                    new Outcome.Failure(
                            Kind.RETRYABLE,
                            0,
                            "could not reach " + settings.baseUrl().getHost() + " (" + what + "); nothing was sent",
                            null,
                            null),
                    e);
        }
        if (endpoint.kind() == CallKind.CREATE) {
            return toException(
                    endpoint.actionDescription(),
                    new Outcome.Failure(
                            Kind.MAYBE_SUBMITTED,
                            0,
                            "the request was sent but no answer came back (" + what + ")",
                            null,
                            ProviderMessages.retryOnPurpose(endpoint.assetId())),
                    e);
        }
        return toException(
                endpoint.actionDescription(),
                new Outcome.Failure(Kind.RETRYABLE, 0, "no answer (" + what + ")", null, null),
                e);
    }

    ProviderException unreadableAnswer(Endpoint<?> endpoint, String problem, Throwable cause) {
        // A 2xx to a create means the provider took the job; without a readable id we cannot tell
        // which, so the asset may be paid for. A read can simply be asked again.
        if (endpoint.kind() == CallKind.CREATE) {
            return toException(
                    endpoint.actionDescription(),
                    new Outcome.Failure(
                            Kind.MAYBE_SUBMITTED,
                            200,
                            "the provider accepted the request but its answer could not be read: " + problem,
                            null,
                            ProviderMessages.retryOnPurpose(endpoint.assetId())),
                    cause);
        }
        return toException(
                endpoint.actionDescription(),
                new Outcome.Failure(Kind.RETRYABLE, 200, "unexpected answer: " + problem, null, null),
                cause);
    }

    static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    /** The text with every occurrence of this provider's token masked. */
    String redact(String text) {
        Secret token = settings.token();
        return token == null ? text : token.redact(text);
    }

    /** A whole answer with this provider's token masked, where the token cannot be ordinary text. */
    String redactAnswer(String text) {
        Secret token = settings.token();
        return token == null ? text : token.redactAnswer(text);
    }
}
