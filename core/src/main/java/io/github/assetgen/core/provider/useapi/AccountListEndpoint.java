package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/minimax/images/?account=&limit=&lastImageId=} and {@code GET
 * /v1/minimax/videos/?account=&limit=}: one page of the account's own history, jobs started anywhere
 * included (https://useapi.net/docs/api-minimax-v1/get-minimax-images,
 * https://useapi.net/docs/api-minimax-v1/get-minimax-videos). Images come as {@code {"images":[…]}}
 * with {@code desc}, {@code modelID}, {@code tags}, {@code createTime} (ms) and {@code batchID},
 * newest first, the next page after the {@code imageId} given as {@code lastImageId}; videos as a
 * bare array with fewer fields ({@code desc}, {@code originFiles}) and no documented paging. Either
 * shape is read for both, and a {@code hasNext} beside the list is read where there is one.
 */
final class AccountListEndpoint implements ReadEndpoint<AccountListEndpoint.Page> {

    /**
     * One page.
     *
     * @param hasNext what the answer says of a next page, or null when it says nothing
     */
    record Page(List<JsonNode> items, Boolean hasNext) {
        Page {
            items = List.copyOf(items);
        }

        /** Whether this is the list's last page: it says so, or, saying nothing, holds less than a page. */
        boolean isLast() {
            return hasNext != null ? !hasNext : items.size() < LIMIT;
        }
    }

    /** How many of the newest items are read: useapi's default page. */
    static final int LIMIT = 30;

    private final boolean video;
    private final String account;
    private final String lastImageId;

    /**
     * @param account the account to list, or null when only one is configured
     * @param lastImageId the last image of the page before, or null for the first page
     */
    AccountListEndpoint(boolean video, String account, String lastImageId) {
        this.video = video;
        this.account = account;
        this.lastImageId = lastImageId;
    }

    @Override
    public String path() {
        String query = "?limit=" + LIMIT;
        if (account != null) {
            query += "&account=" + URLEncoder.encode(account, StandardCharsets.UTF_8);
        }
        if (lastImageId != null && !video) {
            query += "&lastImageId=" + URLEncoder.encode(lastImageId, StandardCharsets.UTF_8);
        }
        return "/v1/minimax/" + (video ? "videos/" : "images/") + query;
    }

    @Override
    public String actionDescription() {
        return "listing useapi's " + (video ? "videos" : "images") + (account == null ? "" : " of account " + account);
    }

    @Override
    public Page parse(JsonNode answer) {
        JsonNode items = answer.isArray() ? answer : answer.path(video ? "videos" : "images");
        if (!items.isArray()) {
            throw new UnexpectedAnswerException("the answer is not a list of " + (video ? "videos" : "images"));
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        JsonNode hasNext = answer.path("hasNext");
        return new Page(list, hasNext.isBoolean() ? hasNext.booleanValue() : null);
    }
}
