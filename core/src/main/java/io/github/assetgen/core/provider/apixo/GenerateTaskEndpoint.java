package io.github.assetgen.core.provider.apixo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.apixo.ApixoWire.GenerateRequest;
import io.github.assetgen.core.provider.http.CreateEndpoint;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;

/** {@code POST /api/v1/generateTask/{model}}: starts a task (APIXO pre-charges it) and answers its id. */
record GenerateTaskEndpoint(String assetId, String model, GenerateRequest request) implements CreateEndpoint<JobRef> {

    @Override
    public String path() {
        return "/api/v1/generateTask/" + model;
    }

    @Override
    public Object json() {
        return request;
    }

    @Override
    public String actionDescription() {
        return "submitting image '" + assetId + "' to apixo";
    }

    @Override
    public JobRef parse(JsonNode body) {
        String taskId = HttpJson.text(body.path("data"), "taskId");
        if (taskId == null || taskId.isBlank()) {
            // The caller makes this MAYBE_SUBMITTED: APIXO accepted the request, a task may exist.
            throw new UnexpectedAnswerException("the answer has no data.taskId");
        }
        return new JobRef(ApixoClassifier.PROVIDER, "task", taskId.trim());
    }
}
