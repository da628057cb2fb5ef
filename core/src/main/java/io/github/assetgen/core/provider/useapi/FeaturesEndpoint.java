package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/minimax/features/?account=}: the hailuoai account's {@code totalCredits}, among
 * its features (https://useapi.net/docs/api-minimax-v1/get-minimax-features). Credits belong to
 * one account; {@code account} is required when several are configured.
 */
record FeaturesEndpoint(String account) implements ReadEndpoint<Cost> {

    @Override
    public String path() {
        return "/v1/minimax/features/"
                + (account == null ? "" : "?account=" + URLEncoder.encode(account, StandardCharsets.UTF_8));
    }

    @Override
    public String actionDescription() {
        return "reading the credits of useapi account " + (account == null ? "(default)" : account);
    }

    @Override
    public Cost parse(JsonNode body) {
        JsonNode credits = body.get("totalCredits");
        if (credits == null || !credits.isNumber()) {
            throw new UnexpectedAnswerException("the answer has no numeric totalCredits");
        }
        return HttpJson.money(credits, "totalCredits", Cost.Unit.CREDITS);
    }
}
