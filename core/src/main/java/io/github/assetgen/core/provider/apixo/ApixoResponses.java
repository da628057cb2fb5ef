package io.github.assetgen.core.provider.apixo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.apixo.ApixoWire.ResultJson;
import io.github.assetgen.core.provider.apixo.ApixoWire.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns APIXO envelopes whose {@code code} said success into job ids and states. */
final class ApixoResponses {

    private ApixoResponses() {}

    /**
     * The task a create answer names.
     *
     * @throws ProviderException MAYBE_SUBMITTED when the answer has no {@code data.taskId}: APIXO
     *     accepted the request, so a task may exist and be pre-charged, and sending again could pay twice
     */
    static JobRef task(JsonNode data) throws ProviderException {
        String taskId = data != null && data.hasNonNull("taskId") ? data.get("taskId").asText().trim() : "";
        if (taskId.isEmpty()) {
            throw maybeSubmitted("the answer has no data.taskId");
        }
        return new JobRef(ApixoErrors.PROVIDER, "task", taskId);
    }

    /**
     * The state a status answer reports. {@code success} carries its URLs in {@code resultJson}, a
     * JSON document inside a string, parsed here a second time. {@code failed} is a failed asset
     * with APIXO's code and words. Any other state (pending, processing, or one added later) is
     * still running.
     *
     * @throws ProviderException RETRYABLE when a success carries no readable URLs; polling is free,
     *     and giving up at once would throw away a paid result
     */
    static JobState state(TaskStatus status, ObjectMapper mapper) throws ProviderException {
        String state = status.state() == null ? "" : status.state().trim().toLowerCase(Locale.ROOT);
        switch (state) {
            case "success":
                return new JobState.Succeeded(resultUrls(status, mapper));
            case "failed":
            case "fail":
                return failed(status);
            default:
                return new JobState.Running(state.isEmpty() ? "unknown" : state, null);
        }
    }

    private static List<ResultLocation> resultUrls(TaskStatus status, ObjectMapper mapper) throws ProviderException {
        ResultJson result;
        try {
            result = status.resultJson() == null ? null : mapper.readValue(status.resultJson(), ResultJson.class);
        } catch (JsonProcessingException e) {
            throw new ProviderException(Kind.RETRYABLE, ApixoErrors.PROVIDER, 200, "APIXO task " + status.taskId()
                    + " succeeded but its resultJson is not readable JSON: " + e.getOriginalMessage(), null, e);
        }
        List<ResultLocation> urls = new ArrayList<>();
        if (result != null && result.resultUrls() != null) {
            for (String url : result.resultUrls()) {
                if (url != null && !url.isBlank()) {
                    urls.add(ResultLocation.ofUrl(url));
                }
            }
        }
        if (urls.isEmpty()) {
            throw new ProviderException(Kind.RETRYABLE, ApixoErrors.PROVIDER, 200,
                    "APIXO task " + status.taskId() + " succeeded but named no result URLs", null, null);
        }
        return urls;
    }

    private static JobState failed(TaskStatus status) {
        String code = status.failCode() == null || status.failCode().isBlank() ? "no failCode" : status.failCode();
        String said = status.failMsg() == null || status.failMsg().isBlank() ? "no message" : status.failMsg();
        String message = "APIXO task " + status.taskId() + " failed: " + code + ": " + said;
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.contains("INSUFFICIENT")) {
            // Only this task is lost; the next create answers 402 and stops the provider there.
            message += "; the APIXO account ran out of balance: add balance, then run the build again";
        }
        return new JobState.Failed(message, ApixoErrors.isModeration(code));
    }

    /**
     * The failure for a create answer that was received but cannot be used; never re-sent
     * automatically because APIXO pre-charges accepted tasks.
     */
    static ProviderException maybeSubmitted(String problem) {
        return new ProviderException(Kind.MAYBE_SUBMITTED, ApixoErrors.PROVIDER, 200,
                "APIXO create image was answered, but " + problem
                        + "; a task may exist and may have been charged, so it is not sent again:"
                        + " check the APIXO dashboard before forcing a new request",
                null, null);
    }
}
