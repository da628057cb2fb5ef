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
            // Answered, so waiting and sending again cannot pay twice. The error-code page
            // (https://platform.minimax.io/docs/api-reference/errorcode) adds 1039 "token limit", 1041
            // "conn limit" and 2045 "rate growth limit", each refused with "retry later".
            case 1002, 1039, 1041, 2045 -> new Outcome.Failure(Kind.RATE_LIMITED, httpStatus, said, null, null);
            // 2049 is the same page's "invalid api key"
            case 1004, 2049 ->
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
            // the same page: 2056 "usage limit exceeded", until "the next 5-hour window"
            case 2056 ->
                new Outcome.Failure(
                        Kind.PROVIDER_STOP,
                        httpStatus,
                        said,
                        null,
                        "MiniMax's usage limit is reached until its next 5-hour window: run the build again then");
            case 1042 ->
                new Outcome.Failure(
                        Kind.REJECTED,
                        httpStatus,
                        said,
                        null,
                        "MiniMax found too many invisible characters: remove them from the prompt");
            // 1028/1030 and 2061 are not on that page; MiniMax's own CLI reads them
            // (https://github.com/MiniMax-AI/cli, src/errors/api.ts). Only the advice is taken from it: each
            // stays a rejection of this asset, so a code read wrongly cannot stop the other assets.
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
        return statusCode == 1026 || statusCode == 1027;
    }
}
