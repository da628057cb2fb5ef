package io.github.assetgen.core.provider.minimax;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import io.github.assetgen.core.provider.minimax.MinimaxWire.BaseResp;
import io.github.assetgen.core.provider.minimax.MinimaxWire.VideoQueryResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code GET /v1/query/video_generation?task_id=}: the task's status. {@code Success} and
 * {@code Fail} are final (in any letter case, since MiniMax's own pages differ); every other status,
 * including ones not documented, means still running.
 */
record VideoQueryEndpoint(String taskId) implements ReadEndpoint<VideoQueryEndpoint.Answer> {

    /** Either the finished video's file id, or the state of a video that is not (or never will be) ready. */
    record Answer(String fileId, JobState unfinished) {}

    @Override
    public String path() {
        return "/v1/query/video_generation?task_id=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
    }

    @Override
    public String actionDescription() {
        return "polling minimax video task " + taskId;
    }

    /** A final failed status, in either spelling and any letter case (MiniMax's own pages differ). */
    static boolean isFailed(String status) {
        String trimmed = status.trim();
        return trimmed.equalsIgnoreCase("fail") || trimmed.equalsIgnoreCase("failed");
    }

    @Override
    public Answer parse(JsonNode body) {
        VideoQueryResponse answer = HttpJson.read(body, VideoQueryResponse.class);
        String status = answer.status() == null ? "" : answer.status().trim();
        if (status.equalsIgnoreCase("success")) {
            if (answer.fileId() == null || answer.fileId().isBlank()) {
                // Read again: a paid video must not be given up over one incomplete answer.
                throw new UnexpectedAnswerException("status Success without a file_id");
            }
            return new Answer(answer.fileId().trim(), null);
        }
        if (isFailed(status)) {
            BaseResp base = answer.baseResp();
            String said =
                    base == null || base.statusMsg() == null || base.statusMsg().isBlank()
                            ? "no reason given"
                            : base.statusMsg();
            int code = base == null || base.statusCode() == null ? 0 : base.statusCode();
            return new Answer(
                    null,
                    new JobState.Failed(
                            "MiniMax video task " + taskId + " failed (status " + status
                                    + (code == 0 ? "" : ", status_code " + code) + "): " + said,
                            MinimaxClassifier.isModeration(code)));
        }
        // MiniMax reports no percent, only the state's word (Preparing, Queueing, Processing:
        // https://platform.minimax.io/docs/api-reference/video-generation-query), shown in lower case
        // like the other providers' words
        return new Answer(
                null, new JobState.Running(status.isEmpty() ? "unknown" : status.toLowerCase(Locale.ROOT), null));
    }
}
