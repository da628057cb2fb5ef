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

    /** The account when one is named, and the asset id as {@code replyRef}. */
    static void addAccountAndReference(AssetRequest request, ObjectNode body) {
        if (request.account() != null) {
            body.put("account", request.account());
        }
        // useapi stores replyRef with the job and shows it in its job list: the asset id lets a
        // person match provider jobs to assets.
        body.put("replyRef", request.id());
    }
}
