package io.github.assetgen.core.provider.apixo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.apixo.ApixoWire.TaskStatus;
import io.github.assetgen.core.provider.http.UnexpectedAnswerException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusTaskEndpointTest {

    @Test
    void successParsesResultJsonASecondTime() {
        TaskStatus status = new TaskStatus(
                "t",
                "success",
                "{\"resultUrls\":[\"https://file.apixo.ai/image-1.png\",\"https://file.apixo.ai/image-2.png\"]}",
                null,
                null);

        assertThat(StatusTaskEndpoint.state(status))
                .isEqualTo(new JobState.Succeeded(List.of(
                        ResultLocation.ofUrl("https://file.apixo.ai/image-1.png"),
                        ResultLocation.ofUrl("https://file.apixo.ai/image-2.png"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{\"resultUrls\":[]}", "{}", "[1]"})
    void aSuccessWithoutReadableUrlsIsAnUnexpectedAnswerSoItIsReadAgain(String resultJson) {
        TaskStatus status = new TaskStatus("t", "success", resultJson, null, null);

        assertThatThrownBy(() -> StatusTaskEndpoint.state(status)).isInstanceOf(UnexpectedAnswerException.class);
    }

    @Test
    void anAnswerWithoutATaskStateIsReadAgainAndCarriesApixosWords() throws Exception {
        JsonNode body = new ObjectMapper().readTree("{\"code\":0,\"message\":\"service busy\",\"data\":{}}");

        assertThatThrownBy(() -> new StatusTaskEndpoint(ApixoClient.MODEL, "t").parse(body))
                .isInstanceOf(UnexpectedAnswerException.class)
                .hasMessageContaining("no task state", "APIXO says: service busy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "processing", "PROCESSING", "queued-somewhere", ""})
    void everyStateButSuccessAndFailedIsRunning(String state) {
        assertThat(StatusTaskEndpoint.state(new TaskStatus("t", state, null, null, null)))
                .isInstanceOf(JobState.Running.class);
    }

    @ParameterizedTest
    @CsvSource({"pending, pending", "processing, processing", "PROCESSING, processing", "'', unknown"})
    void aRunningTaskIsShownByItsStateWordWithoutAPercentWhichApixoDoesNotGive(String state, String shown) {
        // the documented processing answer: {"taskId":"task_12345678","state":"processing","createTime":...}
        assertThat(StatusTaskEndpoint.state(new TaskStatus("task_12345678", state, null, null, null)))
                .isEqualTo(new JobState.Running(shown, null));
    }

    @ParameterizedTest
    @CsvSource({
        "UPSTREAM_ERROR, false",
        "CONTENT_VIOLATION, true",
        "NSFW_DETECTED, true",
        "NSFW, true",
        "SensitiveContentDetected, true",
        "InputImageSensitiveContentDetected, true",
        "InputOutputSensitiveContentDetected, true",
        "ProhibitedContentDetected, true",
        "INSUFFICIENT_BALANCE, false",
        "SOMETHING_NEW, false"
    })
    void aFailedTaskCarriesItsCodeAndWhetherItWasModerated(String failCode, boolean moderated) {
        JobState state = StatusTaskEndpoint.state(new TaskStatus("t", "failed", null, failCode, "Generation failed"));

        assertThat(state).isInstanceOfSatisfying(JobState.Failed.class, f -> {
            assertThat(f.moderated()).isEqualTo(moderated);
            assertThat(f.message()).contains(failCode, "Generation failed");
        });
    }

    @Test
    void runningOutOfBalanceSaysWhatToDo() {
        JobState state = StatusTaskEndpoint.state(new TaskStatus("t", "failed", null, "INSUFFICIENT_BALANCE", "x"));

        assertThat(((JobState.Failed) state).message()).contains("add balance");
    }
}
