package io.github.assetgen.core.provider.minimax;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;

/**
 * {@code GET /account/query_balance}: a pay-as-you-go key's {@code available_amount}. No public
 * documentation page: MiniMax's own CLI uses it (https://github.com/MiniMax-AI/cli,
 * {@code src/client/endpoints.ts}), and the amounts come as strings. Read as US dollars, the
 * currency of api.minimax.io (unconfirmed); callers treat any failure as "balance unknown".
 */
record QueryBalanceEndpoint() implements ReadEndpoint<Cost> {

    @Override
    public String path() {
        return "/account/query_balance";
    }

    @Override
    public String actionDescription() {
        return "reading the minimax balance";
    }

    @Override
    public Cost parse(JsonNode body) {
        JsonNode amount = body.get("available_amount");
        if (amount == null || !(amount.isNumber() || amount.isTextual())) {
            throw new UnexpectedAnswerException("the answer has no available_amount");
        }
        return HttpJson.money(amount, "available_amount", Cost.Unit.USD);
    }
}
