package io.github.assetgen.core.provider.apixo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;

/**
 * {@code GET /api/v1/apikeys/current-balance}: the key's remaining balance in US dollars, as
 * {@code data} (https://apixo.ai/docs/api-reference/system).
 */
record CurrentBalanceEndpoint() implements ReadEndpoint<Cost> {

    @Override
    public String path() {
        return "/api/v1/apikeys/current-balance";
    }

    @Override
    public String actionDescription() {
        return "reading the apixo balance";
    }

    @Override
    public Cost parse(JsonNode body) {
        JsonNode data = body.get("data");
        if (data == null || !data.isNumber()) {
            throw new UnexpectedAnswerException("the answer has no numeric data");
        }
        return HttpJson.money(data, "data", Cost.Unit.USD);
    }
}
