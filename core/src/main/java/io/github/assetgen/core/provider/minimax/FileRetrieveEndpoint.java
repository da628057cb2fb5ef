package io.github.assetgen.core.provider.minimax;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import io.github.assetgen.core.provider.minimax.MinimaxWire.FileResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code GET /v1/files/retrieve?file_id=}: the download URL of a finished video. */
record FileRetrieveEndpoint(String fileId) implements ReadEndpoint<String> {

    @Override
    public String path() {
        return "/v1/files/retrieve?file_id=" + URLEncoder.encode(fileId, StandardCharsets.UTF_8);
    }

    @Override
    public String actionDescription() {
        return "fetching the download URL of minimax file " + fileId;
    }

    @Override
    public String parse(JsonNode body) {
        FileResponse answer = HttpJson.read(body, FileResponse.class);
        if (answer.file() == null
                || answer.file().downloadUrl() == null
                || answer.file().downloadUrl().isBlank()) {
            throw new UnexpectedAnswerException("the answer has no file.download_url");
        }
        return answer.file().downloadUrl().trim();
    }
}
