package io.github.assetgen.core.provider.apixo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * APIXO's JSON bodies, as records. Request fields that the asset does not set are left out, so
 * APIXO applies its own defaults; responses ignore fields this client does not read.
 */
final class ApixoWire {

    private ApixoWire() {}

    /** Body of {@code POST /api/v1/generateTask/{model}}. */
    record GenerateRequest(@JsonProperty("request_type") String requestType, ImageInput input) {}

    /** {@code input} for minimax-image-01; parameter values keep the types the resolver gave them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageInput(
            String mode,
            String prompt,
            @JsonProperty("image_urls") List<String> imageUrls,
            String resolution,
            @JsonProperty("aspect_ratio") String aspectRatio,
            String size,
            @JsonProperty("num_images") Object numImages,
            @JsonProperty("prompt_optimizer") Object promptOptimizer,
            Object seed) {}

    /** {@code data} of a status answer. {@code resultJson} is a JSON document inside a string. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskStatus(String taskId, String state, String resultJson, String failCode, String failMsg) {}

    /** The document inside {@code resultJson}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResultJson(List<String> resultUrls) {}
}
