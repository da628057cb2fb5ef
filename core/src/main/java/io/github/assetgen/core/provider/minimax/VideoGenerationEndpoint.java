package io.github.assetgen.core.provider.minimax;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.http.CreateEndpoint;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import io.github.assetgen.core.provider.minimax.MinimaxWire.VideoCreateResponse;
import io.github.assetgen.core.provider.minimax.MinimaxWire.VideoRequest;

/** {@code POST /v1/video_generation}: starts a video task and answers its {@code task_id}. */
record VideoGenerationEndpoint(String assetId, VideoRequest request) implements CreateEndpoint<JobRef> {

    @Override
    public String path() {
        return "/v1/video_generation";
    }

    @Override
    public Object json() {
        return request;
    }

    @Override
    public String actionDescription() {
        return "submitting video '" + assetId + "' to minimax";
    }

    @Override
    public JobRef parse(JsonNode body) {
        VideoCreateResponse answer = HttpJson.read(body, VideoCreateResponse.class);
        if (answer.taskId() == null || answer.taskId().isBlank()) {
            // The caller makes this MAYBE_SUBMITTED: MiniMax took the request, a task may exist.
            throw new UnexpectedAnswerException("the answer has no task_id");
        }
        return new JobRef(MinimaxClassifier.PROVIDER, "video", answer.taskId().trim());
    }
}
