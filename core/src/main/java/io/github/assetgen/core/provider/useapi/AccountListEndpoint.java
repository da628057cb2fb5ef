package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/minimax/images/?account=&limit=} and {@code GET /v1/minimax/videos/?account=&limit=}:
 * the account's own history, jobs started anywhere included
 * (https://useapi.net/docs/api-minimax-v1/get-minimax-images,
 * https://useapi.net/docs/api-minimax-v1/get-minimax-videos). Images come as {@code {"images":[…]}}
 * with {@code desc}, {@code modelID}, {@code tags}, {@code createTime} (ms) and {@code batchID};
 * videos as a bare array with fewer fields ({@code desc}, {@code originFiles}). Either shape is read
 * for both. The order is not documented; newest first is assumed.
 */
final class AccountListEndpoint implements ReadEndpoint<List<JsonNode>> {

    /** How many of the newest items are read: useapi's default page. */
    static final int LIMIT = 30;

    private final boolean video;
    private final String account;

    /** @param account the account to list, or null when only one is configured */
    AccountListEndpoint(boolean video, String account) {
        this.video = video;
        this.account = account;
    }

    @Override
    public String path() {
        String query = "?limit=" + LIMIT;
        if (account != null) {
            query += "&account=" + URLEncoder.encode(account, StandardCharsets.UTF_8);
        }
        return "/v1/minimax/" + (video ? "videos/" : "images/") + query;
    }

    @Override
    public String actionDescription() {
        return "listing useapi's " + (video ? "videos" : "images") + (account == null ? "" : " of account " + account);
    }

    @Override
    public List<JsonNode> parse(JsonNode answer) {
        JsonNode items = answer.isArray() ? answer : answer.path(video ? "videos" : "images");
        if (!items.isArray()) {
            throw new UnexpectedAnswerException("the answer is not a list of " + (video ? "videos" : "images"));
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
