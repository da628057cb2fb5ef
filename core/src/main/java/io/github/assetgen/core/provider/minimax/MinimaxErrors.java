package io.github.assetgen.core.provider.minimax;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.minimax.MinimaxWire.BaseResp;

/**
 * Classifies MiniMax business errors. MiniMax answers them with HTTP 200 and a non-zero
 * {@code base_resp.status_code}, so a successful HTTP status says nothing on its own.
 */
final class MinimaxErrors {

    static final String PROVIDER = "minimax";

    private MinimaxErrors() {}

    /**
     * The failure a {@code base_resp} describes, or null when it reports success (code 0) or is
     * absent (the caller then checks that the data it needs is there).
     *
     * @param action what was attempted, for the message ({@code create image})
     * @param traceId MiniMax's {@code Trace-Id} response header, or null; support asks for it
     */
    static ProviderException classify(BaseResp resp, int httpStatus, String action, String traceId) {
        if (resp == null || resp.statusCode() == null || resp.statusCode() == 0) {
            return null;
        }
        int code = resp.statusCode();
        String said = resp.statusMsg() == null || resp.statusMsg().isBlank() ? "no message" : resp.statusMsg();
        String base = "MiniMax " + action + " failed: " + said + " (status_code " + code + ")" + trace(traceId);
        return switch (code) {
            // Answered, so nothing was charged twice by waiting and sending again.
            case 1002 -> exception(Kind.RATE_LIMITED, httpStatus, base + "; rate limited, waiting before retrying");
            case 1004 -> exception(Kind.PROVIDER_STOP, httpStatus, base
                    + "; the API key was refused: check MINIMAX_API_KEY and that the provider baseUrl is the key's"
                    + " region (https://api.minimax.io for international keys, https://api.minimaxi.com for mainland"
                    + " China)");
            case 1008 -> exception(Kind.PROVIDER_STOP, httpStatus,
                    base + "; insufficient balance: top up the MiniMax account, then run the build again");
            case 1026 -> exception(Kind.REJECTED, httpStatus,
                    base + "; MiniMax flagged the input as sensitive: change the prompt or the reference images");
            case 1027 -> exception(Kind.REJECTED, httpStatus,
                    base + "; MiniMax flagged the output as sensitive: change the prompt");
            case 1000, 1001, 1024, 1033 -> exception(Kind.RETRYABLE, httpStatus, base + "; a MiniMax-side fault");
            default -> exception(Kind.REJECTED, httpStatus, base);
        };
    }

    /** True for the codes that mean MiniMax's moderation refused the content. */
    static boolean isModeration(BaseResp resp) {
        return resp != null && resp.statusCode() != null && (resp.statusCode() == 1026 || resp.statusCode() == 1027);
    }

    /** The suffix naming the trace id, or nothing when there is none. */
    static String trace(String traceId) {
        return traceId == null || traceId.isBlank() ? "" : " [Trace-Id " + traceId + "]";
    }

    private static ProviderException exception(Kind kind, int httpStatus, String message) {
        return new ProviderException(kind, PROVIDER, httpStatus, message, null, null);
    }
}
