package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.request.AssetRequest;
import java.util.List;

/** Fields both create endpoints fill the same way. */
final class RequestFields {

    private RequestFields() {}

    /** Copies the named parameters that are set, under the same wire name and JSON type. */
    static void copyParameters(AssetRequest request, List<String> names, ObjectNode body) {
        for (String name : names) {
            request.parameter(name)
                    .ifPresent(value -> body.set(name, HttpJson.mapper().valueToTree(value)));
        }
    }

    /**
     * The account when one is named, and the submission id as {@code replyRef}: useapi stores it with
     * the job and returns it in {@code GET /scheduler/}, which is how a create whose answer was lost is
     * found again (https://useapi.net/docs/api-minimax-v1/get-minimax-scheduler). It starts with the
     * asset id, so a person can match provider jobs to assets.
     */
    static void addAccountAndReference(AssetRequest request, String submissionId, ObjectNode body) {
        if (request.account() != null) {
            body.put("account", request.account());
        }
        body.put("replyRef", submissionId);
    }
}
