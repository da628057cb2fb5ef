package io.github.assetgen.core.provider.apixo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.apixo.ApixoWire.ResultJson;
import io.github.assetgen.core.provider.apixo.ApixoWire.TaskStatus;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/statusTask/{model}?taskId=}: the task's state. {@code success} carries its
 * URLs in {@code resultJson}, a JSON document inside a string, parsed a second time here;
 * {@code failed} is a failed asset with APIXO's code and words (still HTTP 200); any other state
 * (pending, processing, or one added later) is still running.
 */
record StatusTaskEndpoint(String model, String taskId) implements ReadEndpoint<JobState> {

    @Override
    public String path() {
        return "/api/v1/statusTask/" + model + "?taskId=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
    }

    @Override
    public String actionDescription() {
        return "polling apixo task " + taskId;
    }

    @Override
    public JobState parse(JsonNode body) {
        if (!body.path("data").hasNonNull("state")) {
            // an envelope without a task state (code 0 and no data, say) is no progress report: read
            // again, and if it never says more, the asset fails with APIXO's own words
            throw new UnexpectedAnswerException("the status answer has no task state"
                    + (body.hasNonNull("message")
                            ? " (APIXO says: " + body.get("message").asText() + ")"
                            : ""));
        }
        return state(HttpJson.read(body.path("data"), TaskStatus.class));
    }

    /**
     * The state a status answer reports.
     *
     * @throws UnexpectedAnswerException when a success names no readable URL; the caller reads the
     *     status again (polling is free), rather than throw a paid result away
     */
    static JobState state(TaskStatus status) {
        String state = status.state() == null ? "" : status.state().trim().toLowerCase(Locale.ROOT);
        return switch (state) {
            case "success" -> new JobState.Succeeded(resultUrls(status));
            case "failed", "fail" -> failed(status);
            // APIXO documents no progress figure, only pending and processing
            // (https://apixo.ai/docs/api-reference/status-task): the word is what the user sees
            default -> new JobState.Running(state.isEmpty() ? "unknown" : state, null);
        };
    }

    /**
     * True for the failure codes that mean APIXO's moderation refused the content. APIXO's pages
     * list different, open-ended sets, so this matches families rather than a fixed list.
     */
    static boolean isModeration(String failCode) {
        String code = failCode == null ? "" : failCode.toUpperCase(Locale.ROOT);
        return code.equals("CONTENT_VIOLATION")
                || code.startsWith("NSFW")
                || code.contains("SENSITIVE")
                || code.contains("PROHIBITED");
    }

    private static List<ResultLocation> resultUrls(TaskStatus status) {
        ResultJson result;
        try {
            result = status.resultJson() == null
                    ? null
                    : HttpJson.mapper().readValue(status.resultJson(), ResultJson.class);
        } catch (JsonProcessingException e) {
            throw new UnexpectedAnswerException("task " + status.taskId()
                    + " succeeded but its resultJson is not readable JSON (" + e.getOriginalMessage() + ")");
        }
        List<ResultLocation> urls = new ArrayList<>();
        for (String url : result == null || result.resultUrls() == null ? List.<String>of() : result.resultUrls()) {
            if (url != null && !url.isBlank()) {
                urls.add(ResultLocation.ofUrl(url.trim()));
            }
        }
        if (urls.isEmpty()) {
            throw new UnexpectedAnswerException("task " + status.taskId() + " succeeded but named no result URL");
        }
        return urls;
    }

    private static JobState failed(TaskStatus status) {
        String code = status.failCode() == null || status.failCode().isBlank() ? "no failCode" : status.failCode();
        String said = status.failMsg() == null || status.failMsg().isBlank() ? "no message" : status.failMsg();
        String message = "APIXO task " + status.taskId() + " failed: " + code + ": " + said;
        if (code.toUpperCase(Locale.ROOT).contains("INSUFFICIENT")) {
            // Only this task is lost here; the next create answers 402, which stops the provider.
            message += "; the APIXO account ran out of balance: add balance, then run the build again";
        }
        return new JobState.Failed(message, isModeration(code));
    }
}
