package io.github.assetgen.core.provider.apixo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import java.time.Duration;
import java.util.Locale;

/**
 * Classifies APIXO failures by status code, whether it came as the HTTP status or as the
 * envelope's {@code code} inside an HTTP 200 answer.
 */
final class ApixoErrors {

    static final String PROVIDER = "apixo";

    private ApixoErrors() {}

    /**
     * The failure a status code means, or null for a 2xx code.
     *
     * @param action what was attempted, for the message ({@code create image})
     * @param message the envelope's {@code message}, or null
     * @param data the envelope's {@code data}; for a 400 its {@code error} names the bad field
     * @param retryAfter the delay APIXO asked for, or null
     */
    static ProviderException classify(int code, String action, String message, JsonNode data, Duration retryAfter) {
        if (code >= 200 && code < 300) {
            return null;
        }
        String said = said(message, data);
        String base = "APIXO " + action + " failed with " + code + ": " + said;
        return switch (code) {
            case 401 -> exception(Kind.PROVIDER_STOP, code, base + "; the API key was refused: check APIXO_API_KEY",
                    null);
            case 402 -> exception(Kind.PROVIDER_STOP, code,
                    base + "; insufficient balance: add balance to the APIXO account, then run the build again", null);
            case 403 -> exception(Kind.REJECTED, code, base
                    + "; APIXO refused this request: the content policy, or the key lacks permission for the model",
                    null);
            case 429 -> exception(Kind.RATE_LIMITED, code, base + "; rate limited, waiting before retrying",
                    retryAfter);
            default -> code >= 500
                    ? exception(Kind.RETRYABLE, code, base + "; an APIXO-side fault", retryAfter)
                    : exception(Kind.REJECTED, code, base, null);
        };
    }

    /**
     * True for the failure codes that mean APIXO's moderation refused the content. Codes are an open
     * set that differs between APIXO's pages, so this matches families rather than a fixed list.
     */
    static boolean isModeration(String failCode) {
        if (failCode == null) {
            return false;
        }
        String code = failCode.toUpperCase(Locale.ROOT);
        return code.equals("CONTENT_VIOLATION")
                || code.startsWith("NSFW")
                || code.contains("SENSITIVE")
                || code.contains("PROHIBITED");
    }

    /** APIXO's own words: {@code data.error} (the precise one on a 400) before {@code message}. */
    private static String said(String message, JsonNode data) {
        if (data != null && data.hasNonNull("error") && !data.get("error").asText().isBlank()) {
            String error = data.get("error").asText();
            return message == null || message.isBlank() ? error : message + " (" + error + ")";
        }
        return message == null || message.isBlank() ? "no message" : message;
    }

    private static ProviderException exception(Kind kind, int code, String message, Duration retryAfter) {
        return new ProviderException(kind, PROVIDER, code, message, retryAfter, null);
    }
}
