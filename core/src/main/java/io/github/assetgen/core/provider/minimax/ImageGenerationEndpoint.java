package io.github.assetgen.core.provider.minimax;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.CreateEndpoint;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.minimax.MinimaxWire.ImageRequest;
import io.github.assetgen.core.provider.minimax.MinimaxWire.ImageResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/image_generation}: synchronous, so the answer already holds the images (URLs valid
 * for 24 hours, or base64).
 */
record ImageGenerationEndpoint(String assetId, ImageRequest request, boolean base64)
        implements CreateEndpoint<SubmitResult> {

    /** Base64 images come inside the answer: up to nine of them, each up to the image download cap. */
    @Override
    public long maxAnswerBytes() {
        return base64 ? 128L << 20 : 4L << 20;
    }

    @Override
    public String path() {
        return "/v1/image_generation";
    }

    @Override
    public Object json() {
        return request;
    }

    @Override
    public String actionDescription() {
        return "submitting image '" + assetId + "' to minimax";
    }

    /**
     * The images that came back. When fewer came than were asked for (MiniMax counts the rest in
     * {@code metadata.failed_count}, usually dropped by moderation), the ones that came are returned:
     * they are paid for, and the caller sees the shortfall against the outputs it expects.
     *
     * @throws ProviderException REJECTED when no image came back at all
     */
    @Override
    public SubmitResult parse(JsonNode body) throws ProviderException {
        ImageResponse answer = HttpJson.read(body, ImageResponse.class);
        List<String> items = answer.data() == null
                ? null
                : base64 ? answer.data().imageBase64() : answer.data().imageUrls();
        List<ResultLocation> results = new ArrayList<>();
        for (String item : items == null ? List.<String>of() : items) {
            if (item != null && !item.isBlank()) {
                results.add(base64 ? ResultLocation.ofBase64(item) : ResultLocation.ofUrl(item));
            }
        }
        if (results.isEmpty()) {
            Integer failed = count(answer.metadata(), "failed_count");
            throw new ProviderException(
                    Kind.REJECTED,
                    MinimaxClassifier.PROVIDER,
                    200,
                    actionDescription()
                            + " returned no image" + (failed == null ? "" : " (failed_count " + failed + ")")
                            + "; MiniMax drops images its moderation refuses: change the prompt",
                    null,
                    null);
        }
        String id = answer.id() == null || answer.id().isBlank() ? "unknown" : answer.id();
        return SubmitResult.completed(List.of(new JobRef(MinimaxClassifier.PROVIDER, "image", id)), results);
    }

    /** A count from {@code metadata}: a string in MiniMax's docs, a number in some copies. */
    static Integer count(JsonNode metadata, String field) {
        if (metadata == null || !metadata.hasNonNull(field)) {
            return null;
        }
        JsonNode node = metadata.get(field);
        if (node.isNumber()) {
            return node.intValue();
        }
        try {
            return Integer.valueOf(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
