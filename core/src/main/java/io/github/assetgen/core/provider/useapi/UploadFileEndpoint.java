package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.http.CallKind;
import io.github.assetgen.core.provider.http.Endpoint;
import io.github.assetgen.core.provider.http.HttpBody;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code POST /v1/minimax/files/?account=}: a raw image body, answered with {@code fileID}. Not
 * billable, so the caller may repeat it when the answer is lost.
 */
final class UploadFileEndpoint implements Endpoint<String> {

    private final Path file;
    private final String contentType;
    private final String account;
    private final String assetId;

    UploadFileEndpoint(Path file, String mediaType, String account, String assetId) {
        this.file = file;
        this.contentType = uploadContentType(mediaType);
        this.account = account;
        this.assetId = assetId;
    }

    /** useapi takes only PNG and JPEG; WebP goes up labelled as JPEG, as its docs say. */
    static String uploadContentType(String mediaType) {
        return "image/png".equals(mediaType) ? "image/png" : "image/jpeg";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        // Without an account the query is left out: an empty "account=" would name an account "".
        return "/v1/minimax/files/"
                + (account == null ? "" : "?account=" + URLEncoder.encode(account, StandardCharsets.UTF_8));
    }

    @Override
    public HttpBody body() {
        return HttpBody.file(file, contentType);
    }

    @Override
    public CallKind kind() {
        return CallKind.UPLOAD;
    }

    @Override
    public String actionDescription() {
        return "uploading " + file.getFileName() + " for '" + assetId + "' to useapi";
    }

    @Override
    public String assetId() {
        return assetId;
    }

    @Override
    public String parse(JsonNode body) {
        String fileId = HttpJson.text(body, "fileID");
        if (fileId == null) {
            throw new UnexpectedAnswerException("the upload answer has no fileID");
        }
        return fileId;
    }
}
