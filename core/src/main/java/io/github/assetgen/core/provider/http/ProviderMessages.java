package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.wording.Advice;

/** The fix-it wording for provider failures, in one place. */
public final class ProviderMessages {

    static final int MAX_MESSAGE_LENGTH = 300;

    /** How much of an error body is looked at; what is shown is much shorter. */
    static final int MAX_BODY_SCANNED = 16 * 1024;

    private ProviderMessages() {}

    /**
     * Advice after a 401 or a rejected key.
     *
     * @param tokenVariable the environment variable holding the provider's token, or null when none is known
     */
    public static String checkToken(String provider, String tokenVariable) {
        return "check the token: " + Advice.checkToken("assetgen-" + provider, tokenVariable);
    }

    /** Advice after 402/412 or a balance error. */
    public static String outOfCredits() {
        return "the account is out of credits: recharge it (or wait for the daily credits), then run the build again";
    }

    /** Advice after useapi's 596. */
    public static String accountOnHold() {
        return "the account is on hold, which usually lasts a few hours: pause generation, or ask the provider's "
                + "support to unlock it, then run the build again";
    }

    /** How to send a create request again on purpose after {@code MAYBE_SUBMITTED}. */
    public static String retryOnPurpose(String assetId) {
        String id = assetId == null ? "<asset id>" : assetId;
        return "the asset may already be paid for; check the provider's job list, and to send it again on purpose "
                + "run with " + Advice.parameter("force", "true") + " " + Advice.parameter("only", id);
    }

    /**
     * The provider's message from an error body: {@code error}, {@code message} (with APIXO's
     * {@code data.error}), {@code msg}, or the raw text; whitespace collapsed and trimmed to a
     * readable length. Empty when the body says nothing.
     */
    public static String fromBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        // Not shortened here: the caller removes the token first, then shortens (a token cut in
        // half would no longer be found). Only a huge body is cut, far beyond what is ever shown.
        String text = body.length() > MAX_BODY_SCANNED ? body.substring(0, MAX_BODY_SCANNED) : body;
        try {
            JsonNode json = HttpJson.mapper().readTree(body);
            if (json != null && json.isObject()) {
                String found = firstText(json);
                if (found != null) {
                    text = found;
                }
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // Plain text or an HTML error page: use it as it is.
        }
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String firstText(JsonNode json) {
        String error = HttpJson.text(json, "error");
        if (error != null) {
            return error;
        }
        String message = HttpJson.text(json, "message");
        String detail = HttpJson.text(json.path("data"), "error");
        if (message != null) {
            return detail != null ? message + ": " + detail : message;
        }
        if (detail != null) {
            return detail;
        }
        String msg = HttpJson.text(json, "msg");
        return msg != null ? msg : HttpJson.text(json.path("base_resp"), "status_msg");
    }

    /** Cut to a readable length. Redact BEFORE calling this: a token cut in half is no longer found. */
    public static String shorten(String text) {
        return shorten(text, MAX_MESSAGE_LENGTH);
    }

    /** Cut to at most {@code max} characters, marked with an ellipsis. Redact first. */
    public static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
