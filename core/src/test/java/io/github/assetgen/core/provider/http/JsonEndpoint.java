package io.github.assetgen.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A plain endpoint for caller tests: returns the parsed body. */
record JsonEndpoint(String method, String path, HttpBody body, CallKind kind) implements Endpoint<JsonNode> {

    static JsonEndpoint get(String path) {
        return new JsonEndpoint("GET", path, null, CallKind.READ);
    }

    static JsonEndpoint create(String path, String json) {
        return new JsonEndpoint("POST", path, HttpBody.bytes(json.getBytes(), "application/json"), CallKind.CREATE);
    }

    static JsonEndpoint upload(String path, byte[] bytes) {
        return new JsonEndpoint("POST", path, HttpBody.bytes(bytes, "image/png"), CallKind.UPLOAD);
    }

    @Override
    public String actionDescription() {
        return "testing " + method + " " + path;
    }

    @Override
    public String assetId() {
        return "hero";
    }

    @Override
    public JsonNode parse(JsonNode body) {
        if (body.has("missing")) {
            throw new UnexpectedAnswerException("no id in the answer");
        }
        return body;
    }
}
