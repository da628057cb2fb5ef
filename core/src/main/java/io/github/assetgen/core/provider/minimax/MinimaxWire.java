package io.github.assetgen.core.provider.minimax;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The MiniMax official API's JSON bodies, as records. Requests leave out null fields so only what
 * the asset sets goes on the wire; responses ignore fields this client does not read.
 */
final class MinimaxWire {

    private MinimaxWire() {}

    /** Body of {@code POST /v1/image_generation}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageRequest(
            String model,
            String prompt,
            @JsonProperty("aspect_ratio") String aspectRatio,
            Integer width,
            Integer height,
            @JsonProperty("response_format") String responseFormat,
            Object n,
            Object seed,
            @JsonProperty("prompt_optimizer") Object promptOptimizer,
            @JsonProperty("subject_reference") List<ImageSubject> subjectReference) {}

    /** An image-generation subject: one picture, as an https URL or a data URL. */
    record ImageSubject(
            String type, @JsonProperty("image_file") String imageFile) {}

    /** Body of {@code POST /v1/video_generation}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VideoRequest(
            String model,
            String prompt,
            @JsonProperty("prompt_optimizer") Object promptOptimizer,
            Integer duration,
            String resolution,
            @JsonProperty("first_frame_image") String firstFrameImage,
            @JsonProperty("last_frame_image") String lastFrameImage,
            @JsonProperty("subject_reference") List<VideoSubject> subjectReference) {}

    /** A video subject: unlike the image endpoint, {@code image} is an array here. */
    record VideoSubject(String type, List<String> image) {}

    /** The status every MiniMax answer carries; 0 is success (failures come with HTTP 200 too). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BaseResp(
            @JsonProperty("status_code") Integer statusCode,
            @JsonProperty("status_msg") String statusMsg) {}

    /** Answer of {@code POST /v1/image_generation}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImageResponse(String id, ImageData data, JsonNode metadata) {}

    /** The generated images: URLs or base64, by {@code response_format}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImageData(
            @JsonProperty("image_urls") List<String> imageUrls,
            @JsonProperty("image_base64") List<String> imageBase64) {}

    /** Answer of {@code POST /v1/video_generation}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VideoCreateResponse(@JsonProperty("task_id") String taskId) {}

    /**
     * Answer of {@code GET /v1/query/video_generation}; {@code file_id} is set once it succeeded; it
     * comes as a string or a number, so it is read as text.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VideoQueryResponse(
            String status,
            @JsonProperty("file_id") String fileId,
            @JsonProperty("base_resp") BaseResp baseResp) {}

    /** Answer of {@code GET /v1/files/retrieve}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileResponse(FileInfo file) {}

    /** A stored file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileInfo(@JsonProperty("download_url") String downloadUrl) {}
}
