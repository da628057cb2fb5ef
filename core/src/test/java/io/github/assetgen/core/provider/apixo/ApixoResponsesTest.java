package io.github.assetgen.core.provider.apixo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.apixo.ApixoWire.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApixoResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCreateAnswerNamesATask() throws Exception {
        JobRef job = ApixoResponses.task(JSON.readTree("{\"taskId\":\"task_12345678\"}"));

        assertThat(job).isEqualTo(new JobRef("apixo", "task", "task_12345678"));
    }

    @Test
    void aCreateAnswerWithoutTaskIdMayHaveBeenSubmitted() {
        assertThatThrownBy(() -> ApixoResponses.task(JSON.readTree("{}")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MAYBE_SUBMITTED);
                    assertThat(e.getMessage()).contains("may have been charged");
                });
    }

    @Test
    void successParsesResultJsonASecondTime() throws Exception {
        TaskStatus status = new TaskStatus("t", "success",
                "{\"resultUrls\":[\"https://file.apixo.ai/image-1.png\",\"https://file.apixo.ai/image-2.png\"]}",
                null, null);

        assertThat(ApixoResponses.state(status, JSON)).isEqualTo(new JobState.Succeeded(java.util.List.of(
                ResultLocation.ofUrl("https://file.apixo.ai/image-1.png"),
                ResultLocation.ofUrl("https://file.apixo.ai/image-2.png"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{\"resultUrls\":[]}", "{}"})
    void aSuccessWithoutReadableUrlsIsRetriedNotThrownAway(String resultJson) {
        TaskStatus status = new TaskStatus("t", "success", resultJson, null, null);

        assertThatThrownBy(() -> ApixoResponses.state(status, JSON))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "processing", "PROCESSING", "queued-somewhere", ""})
    void everyStateButSuccessAndFailedIsRunning(String state) throws Exception {
        assertThat(ApixoResponses.state(new TaskStatus("t", state, null, null, null), JSON))
                .isInstanceOf(JobState.Running.class);
    }

    @ParameterizedTest
    @CsvSource({
        "UPSTREAM_ERROR, false", "CONTENT_VIOLATION, true", "NSFW_DETECTED, true", "NSFW, true",
        "SensitiveContentDetected, true", "InputImageSensitiveContentDetected, true",
        "ProhibitedContentDetected, true", "INSUFFICIENT_BALANCE, false", "SOMETHING_NEW, false"})
    void aFailedTaskCarriesItsCodeAndWhetherItWasModerated(String failCode, boolean moderated) throws Exception {
        JobState state = ApixoResponses.state(new TaskStatus("t", "failed", null, failCode, "Generation failed"), JSON);

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, f -> {
            assertThat(f.moderated()).isEqualTo(moderated);
            assertThat(f.message()).contains(failCode, "Generation failed");
        });
    }

    @Test
    void runningOutOfBalanceSaysWhatToDo() throws Exception {
        JobState state = ApixoResponses.state(
                new TaskStatus("t", "failed", null, "INSUFFICIENT_BALANCE", "not enough"), JSON);

        assertThat(((JobState.Failed) state).message()).contains("add balance");
    }
}
