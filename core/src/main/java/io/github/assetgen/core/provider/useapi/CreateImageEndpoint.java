package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.http.CreateEndpoint;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import io.github.assetgen.core.request.AssetRequest;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v1/minimax/images/create}: billable; answered with {@code imageIds}, one job each. */
final class CreateImageEndpoint implements CreateEndpoint<List<JobRef>> {

    /** Neutral parameter names that useapi's image endpoint takes under the same wire name. */
    private static final List<String> PARAMETERS =
            List.of("aspectRatio", "resolution", "quality", "quantity", "promptOptimization");

    private final AssetRequest request;
    private final ObjectNode body;

    /**
     * @param referenceFileIds uploaded reference ids in slot order
     * @param characterFileId the uploaded image-01 character reference, or null
     * @param submissionId the unique reference sent as {@code replyRef}
     */
    CreateImageEndpoint(
            AssetRequest request, List<String> referenceFileIds, String characterFileId, String submissionId) {
        this.request = request;
        this.body = HttpJson.mapper().createObjectNode();
        body.put("prompt", request.prompt());
        body.put("model", request.model());
        RequestFields.copyParameters(request, PARAMETERS, body);
        for (int slot = 1; slot <= referenceFileIds.size(); slot++) {
            body.put("referenceFileId" + slot, referenceFileIds.get(slot - 1));
        }
        if (characterFileId != null) {
            body.put("characterFileId", characterFileId);
        }
        RequestFields.addAccountAndReference(request, submissionId, body);
    }

    @Override
    public String path() {
        return "/v1/minimax/images/create";
    }

    @Override
    public Object json() {
        return body;
    }

    @Override
    public String actionDescription() {
        return "submitting image '" + request.id() + "' to useapi";
    }

    @Override
    public String assetId() {
        return request.id();
    }

    @Override
    public List<JobRef> parse(JsonNode answer) {
        List<JobRef> jobs = new ArrayList<>();
        for (JsonNode id : answer.path("imageIds")) {
            if (id.isTextual() && !id.asText().isEmpty()) {
                jobs.add(new JobRef(UseapiClient.NAME, UseapiClient.IMAGE, id.asText()));
            }
        }
        if (jobs.isEmpty()) {
            throw new UnexpectedAnswerException("the answer has no imageIds");
        }
        return jobs;
    }
}
