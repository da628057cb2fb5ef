package io.github.assetgen.core.provider.useapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.ReadEndpoint;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/minimax/images/{id}} and {@code GET /v1/minimax/videos/{id}}: the job's state.
 * Both answer with the same shape; {@code statusFinal} (added by useapi) decides whether it is done.
 */
final class GetJobEndpoint implements ReadEndpoint<JobState> {

    static final int COMPLETED = 2;
    static final int FAILED = 3;
    /** MiniMax's moderation outcomes. */
    static final Set<Integer> MODERATED = Set.of(5, 7, 14);

    private final JobRef job;

    GetJobEndpoint(JobRef job) {
        this.job = job;
    }

    @Override
    public String path() {
        // The id goes in raw: useapi ids contain ':' and percent-encoding it breaks useapi's path match.
        return "/v1/minimax/" + job.kind() + "s/" + job.id();
    }

    @Override
    public String actionDescription() {
        return "polling useapi " + job.kind() + " " + job.id();
    }

    @Override
    public JobState parse(JsonNode answer) {
        JsonNode statusNode = answer.get("status");
        Integer status = statusNode != null && statusNode.canConvertToInt() ? statusNode.asInt() : null;
        String label = HttpJson.text(answer, "statusLabel");
        boolean done = answer.has("statusFinal")
                ? answer.get("statusFinal").asBoolean()
                // Older answers lack statusFinal; then only the known end states count as done.
                : status != null && (status == COMPLETED || status == FAILED || MODERATED.contains(status));
        if (!done) {
            return new JobState.Running(label != null ? label : word(status), percent(answer.get("percent")));
        }
        if (status != null && status == COMPLETED) {
            String download = HttpJson.text(answer, "downloadURL");
            if (download != null) {
                return new JobState.Succeeded(List.of(ResultLocation.ofUrl(download)));
            }
            // https://useapi.net/docs/api-minimax-v1/get-minimax-videos-videoId: "videoURL" carries
            // the watermark, "downloadURL" (paid accounts) does not; the user should know which came
            return new JobState.Succeeded(
                    List.of(ResultLocation.ofUrl(watermarkedUrl(answer))),
                    "useapi gave only the watermarked videoURL for " + job.kind() + " " + job.id()
                            + " (downloadURL, without the watermark, comes with a paid hailuoai.video account);"
                            + " the file is kept and locked as it is");
        }
        String detail = describe(status, label, HttpJson.text(answer, "message"));
        if (status != null && MODERATED.contains(status)) {
            return new JobState.Failed("useapi moderated the " + job.kind() + " " + detail, true);
        }
        return new JobState.Failed("useapi reports the " + job.kind() + " as failed " + detail, false);
    }

    /**
     * The documented status codes as words, for answers without {@code statusLabel}
     * (https://useapi.net/docs/api-minimax-v1/get-minimax-videos-videoId lists 0 pending, 1 processing,
     * 11 queued, 12 processing among the running ones).
     */
    private static String word(Integer status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case 0 -> "pending";
            case 1, 12 -> "processing";
            case 11 -> "queued";
            default -> "status " + status;
        };
    }

    /**
     * {@code percent}, documented as "0-100 percent while the video is being processed": a number, or
     * a numeric string with or without {@code %}; anything else (missing, garbled, out of range) is no
     * percent, never a failed poll.
     */
    static Integer percent(JsonNode percent) {
        if (percent == null) {
            return null;
        }
        double value;
        if (percent.isNumber()) {
            value = percent.asDouble();
        } else if (percent.isTextual()) {
            String text = percent.asText().strip();
            text = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
            if (text.isEmpty() || text.length() > 12) {
                return null;
            }
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException garbled) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(value) && value >= 0 && value <= 100 ? (int) Math.floor(value) : null;
    }

    /** The watermarked {@code videoURL}, for an answer without the no-watermark {@code downloadURL}. */
    private static String watermarkedUrl(JsonNode answer) {
        String url = HttpJson.text(answer, "videoURL");
        if (url == null) {
            throw new UnexpectedAnswerException("the job is completed but has neither downloadURL nor videoURL");
        }
        return url;
    }

    private static String describe(Integer status, String label, String message) {
        StringBuilder text = new StringBuilder("(status ").append(status);
        if (label != null) {
            text.append(", '").append(label).append('\'');
        }
        text.append(')');
        if (message != null) {
            text.append(": ").append(message);
        }
        return text.toString();
    }
}
