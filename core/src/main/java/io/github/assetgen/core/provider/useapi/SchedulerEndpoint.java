package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/minimax/scheduler/}: the images and videos useapi is executing, each with the
 * {@code replyRef} its create carried (https://useapi.net/docs/api-minimax-v1/get-minimax-scheduler).
 * The page's example puts image ids in {@code videoId}, so {@code imageId ?? videoId} is read and the
 * kind told from the id's {@code -image:} / {@code -video:} part; {@code started} is an ISO string in
 * the example and a number in the model, and is not needed here.
 */
final class SchedulerEndpoint implements ReadEndpoint<List<SchedulerEndpoint.Executing>> {

    /** One executing job. */
    record Executing(JobRef job, String replyRef) {}

    @Override
    public String path() {
        return "/v1/minimax/scheduler/";
    }

    @Override
    public String actionDescription() {
        return "reading useapi's executing jobs";
    }

    @Override
    public List<Executing> parse(JsonNode answer) {
        // the documented answer is an array; /scheduler/available wraps the same items in "executing"
        JsonNode items = answer.isArray() ? answer : answer.path("executing");
        if (!items.isArray()) {
            throw new UnexpectedAnswerException("the answer is not a list of jobs");
        }
        List<Executing> executing = new ArrayList<>();
        for (JsonNode item : items) {
            String id = HttpJson.text(item, "imageId");
            id = id != null ? id : HttpJson.text(item, "videoId");
            if (id == null) {
                continue;
            }
            String kind = id.contains("-image:") ? UseapiClient.IMAGE : UseapiClient.VIDEO;
            executing.add(new Executing(new JobRef(UseapiClient.NAME, kind, id), HttpJson.text(item, "replyRef")));
        }
        return executing;
    }
}
