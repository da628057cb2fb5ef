package io.github.assetgen.core.provider.minimax;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.Outcome;
import io.github.assetgen.core.provider.http.ProviderMessages;
import io.github.assetgen.core.provider.http.ResponseClassifier;
import io.github.assetgen.core.wording.Advice;

/**
 * Reads MiniMax's business errors. MiniMax answers them with HTTP 200 and a non-zero
 * {@code base_resp.status_code}, so a 2xx status says nothing on its own. Stateless.
 */
final class MinimaxClassifier implements ResponseClassifier {

    static final String PROVIDER = MinimaxProvider.NAME;

    @Override
    public Outcome classify(Outcome.Success success) {
        JsonNode body = success.body();
        JsonNode base = body.path("base_resp");
        int code = base.path("status_code").asInt(0);
        // A finished-but-failed video is a job state, not a failed request: the query endpoint
        // reports it as Failed with MiniMax's words, whatever code came with it.
        if (code == 0 || VideoQueryEndpoint.isFailed(body.path("status").asText(""))) {
            return success;
        }
        return failure(code, HttpJson.text(base, "status_msg"), success.httpStatus());
    }

    /** What a non-zero {@code status_code} means for the build. */
    static Outcome.Failure failure(int code, String statusMsg, int httpStatus) {
        String said = (statusMsg == null ? "no message" : statusMsg) + " (status_code " + code + ")";
        return switch (code) {
            // Answered, so waiting and sending again cannot pay twice.
            case 1002 -> new Outcome.Failure(Kind.RATE_LIMITED, httpStatus, said, null, null);
            case 1004 ->
                new Outcome.Failure(
                        Kind.PROVIDER_STOP,
                        httpStatus,
                        said,
                        null,
                        ProviderMessages.checkToken(PROVIDER, MinimaxProvider.TOKEN_VARIABLE)
                                + "; a MiniMax key only works on its own region's host:"
                                + " https://api.minimax.io (international) or https://api.minimaxi.com (mainland China),"
                                + " set with " + Advice.parameter("minimax.baseUrl"));
            case 1008 ->
                new Outcome.Failure(
                        Kind.PROVIDER_STOP,
                        httpStatus,
                        said,
                        null,
                        "insufficient balance: " + ProviderMessages.outOfCredits());
            case 1026 ->
                new Outcome.Failure(
                        Kind.REJECTED,
                        httpStatus,
                        said,
                        null,
                        "MiniMax's moderation flagged the input: change the prompt or the reference images");
            case 1027 ->
                new Outcome.Failure(
                        Kind.REJECTED,
                        httpStatus,
                        said,
                        null,
                        "MiniMax's moderation flagged the output: change the prompt");
            // 1039, 1028/1030 and 2061 are not in MiniMax's error-code page; MiniMax's own CLI reads them
            // (https://github.com/MiniMax-AI/cli, src/errors/api.ts). Only the advice is theirs: each stays a
            // rejection of this asset, so a code read wrongly cannot stop the other assets.
            case 1039 ->
                new Outcome.Failure(
                        Kind.REJECTED,
                        httpStatus,
                        said,
                        null,
                        "MiniMax's moderation flagged the content: change the prompt or the reference images");
            case 1028, 1030 ->
                new Outcome.Failure(
                        Kind.REJECTED,
                        httpStatus,
                        said,
                        null,
                        "MiniMax says the quota is used up: check the plan and balance at https://platform.minimax.io");
            case 2061 ->
                new Outcome.Failure(
                        Kind.REJECTED,
                        httpStatus,
                        said,
                        null,
                        "MiniMax says this model is not in the key's plan: choose another model or plan");
            case 1000, 1001, 1024, 1033 -> new Outcome.Failure(Kind.RETRYABLE, httpStatus, said, null, null);
            default -> new Outcome.Failure(Kind.REJECTED, httpStatus, said, null, null);
        };
    }

    /** True for the codes that mean MiniMax's moderation refused the content. */
    static boolean isModeration(int statusCode) {
        return statusCode == 1026 || statusCode == 1027 || statusCode == 1039;
    }
}
