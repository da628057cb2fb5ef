package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.http.CreateEndpoint;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import io.github.assetgen.core.request.AssetRequest;
import java.util.List;

/** {@code POST /v1/minimax/videos/create}: billable; answered with one {@code videoId}. */
final class CreateVideoEndpoint implements CreateEndpoint<JobRef> {

    private static final List<String> PARAMETERS = List.of("options", "aspectRatio", "promptOptimization");

    private final AssetRequest request;
    private final ObjectNode body;

    /**
     * @param subjectFileIds the first frame or subject first, then S2V extra references
     *     ({@code fileID}, {@code fileID2} … {@code fileID14})
     * @param endFrameFileId the uploaded end frame, or null
     * @param submissionId the unique reference sent as {@code replyRef}
     */
    CreateVideoEndpoint(AssetRequest request, List<String> subjectFileIds, String endFrameFileId, String submissionId) {
        this.request = request;
        this.body = HttpJson.mapper().createObjectNode();
        if (!request.prompt().isEmpty()) {
            body.put("prompt", request.prompt());
        }
        body.put("model", request.model());
        RequestFields.copyParameters(request, PARAMETERS, body);
        for (int slot = 1; slot <= subjectFileIds.size(); slot++) {
            body.put(slot == 1 ? "fileID" : "fileID" + slot, subjectFileIds.get(slot - 1));
        }
        if (endFrameFileId != null) {
            body.put("end_frame_fileID", endFrameFileId);
        }
        RequestFields.addAccountAndReference(request, submissionId, body);
    }

    @Override
    public String path() {
        return "/v1/minimax/videos/create";
    }

    @Override
    public Object json() {
        return body;
    }

    @Override
    public String actionDescription() {
        return "submitting video '" + request.id() + "' to useapi";
    }

    @Override
    public String assetId() {
        return request.id();
    }

    @Override
    public JobRef parse(JsonNode answer) {
        String videoId = HttpJson.text(answer, "videoId");
        if (videoId == null) {
            throw new UnexpectedAnswerException("the answer has no videoId");
        }
        return new JobRef(UseapiClient.NAME, UseapiClient.VIDEO, videoId);
    }
}
