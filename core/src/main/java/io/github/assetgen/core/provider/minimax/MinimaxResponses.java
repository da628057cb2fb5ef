package io.github.assetgen.core.provider.minimax;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.minimax.MinimaxWire.ImageResponse;
import io.github.assetgen.core.provider.minimax.MinimaxWire.VideoCreateResponse;
import io.github.assetgen.core.provider.minimax.MinimaxWire.VideoQueryResponse;
import java.util.ArrayList;
import java.util.List;

/** Turns MiniMax answers whose {@code base_resp} said success into results, job ids and states. */
final class MinimaxResponses {

    private MinimaxResponses() {}

    /**
     * The images of a synchronous image answer. When fewer images came back than were asked for
     * (MiniMax reports the rest in {@code metadata.failed_count}), the ones that came are returned:
     * they are paid for, and the caller sees the shortfall by comparing with the outputs it expects.
     *
     * @throws ProviderException REJECTED when no image came back at all
     */
    static SubmitResult images(ImageResponse answer, boolean base64, String traceId) throws ProviderException {
        List<String> items = answer.data() == null ? null
                : base64 ? answer.data().imageBase64() : answer.data().imageUrls();
        List<ResultLocation> results = new ArrayList<>();
        if (items != null) {
            for (String item : items) {
                if (item != null && !item.isBlank()) {
                    results.add(base64 ? ResultLocation.ofBase64(item) : ResultLocation.ofUrl(item));
                }
            }
        }
        if (results.isEmpty()) {
            Integer failed = count(answer.metadata(), "failed_count");
            throw new ProviderException(Kind.REJECTED, MinimaxErrors.PROVIDER, 200,
                    "MiniMax create image returned no image"
                            + (failed == null ? "" : " (failed_count " + failed + ")")
                            + "; MiniMax usually drops images its moderation refused: change the prompt"
                            + MinimaxErrors.trace(traceId),
                    null, null);
        }
        String id = answer.id() == null || answer.id().isBlank() ? "unknown" : answer.id();
        return SubmitResult.completed(List.of(new JobRef(MinimaxErrors.PROVIDER, "image", id)), results);
    }

    /**
     * The job a video create answer names.
     *
     * @throws ProviderException MAYBE_SUBMITTED when the answer carries no {@code task_id}: the
     *     request was accepted, so a job may exist and be charged, and sending it again could pay twice
     */
    static JobRef videoJob(VideoCreateResponse answer, String traceId) throws ProviderException {
        if (answer.taskId() == null || answer.taskId().isBlank()) {
            throw maybeSubmitted("create video", "the answer has no task_id", traceId);
        }
        return new JobRef(MinimaxErrors.PROVIDER, "video", answer.taskId());
    }

    /** True when the query says the video is done ({@code Success}, in any letter case). */
    static boolean isSuccess(VideoQueryResponse answer) {
        return "success".equalsIgnoreCase(trimmed(answer.status()));
    }

    /**
     * The state of a video that is not done: {@code Fail} (any case) is a failure, with MiniMax's own
     * words; every other status, known or not (Preparing, Queueing, Processing, ...), is still running.
     */
    static JobState unfinishedState(VideoQueryResponse answer, String traceId) {
        String status = trimmed(answer.status());
        if ("fail".equalsIgnoreCase(status) || "failed".equalsIgnoreCase(status)) {
            String said = answer.baseResp() == null || answer.baseResp().statusMsg() == null
                            || answer.baseResp().statusMsg().isBlank()
                    ? "no reason given"
                    : answer.baseResp().statusMsg();
            return new JobState.Failed("MiniMax video " + answer.taskId() + " failed (status " + status + "): " + said
                    + MinimaxErrors.trace(traceId), MinimaxErrors.isModeration(answer.baseResp()));
        }
        return new JobState.Running(status.isEmpty() ? "unknown" : status, null);
    }

    /**
     * The failure for a create answer that was received but cannot be used. The request reached
     * MiniMax and may have been charged, so it is never re-sent automatically.
     */
    static ProviderException maybeSubmitted(String action, String problem, String traceId) {
        return new ProviderException(Kind.MAYBE_SUBMITTED, MinimaxErrors.PROVIDER, 200,
                "MiniMax " + action + " was answered, but " + problem + MinimaxErrors.trace(traceId)
                        + "; the job may exist and may have been charged, so it is not sent again:"
                        + " check the MiniMax console before forcing a new request",
                null, null);
    }

    /** A count from {@code metadata}, which MiniMax sends as a string and some copies as a number. */
    static Integer count(JsonNode metadata, String field) {
        if (metadata == null || !metadata.hasNonNull(field)) {
            return null;
        }
        JsonNode node = metadata.get(field);
        if (node.canConvertToInt()) {
            return node.intValue();
        }
        try {
            return Integer.valueOf(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }
}
