package io.github.assetgen.core.provider.useapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.http.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a running useapi job's answer tells the user: its word and its percent, read defensively. */
class GetJobEndpointTest {

    private static final GetJobEndpoint VIDEO =
            new GetJobEndpoint(new JobRef("useapi", "video", "user:1-minimax:2-video:3"));

    private static JobState parse(String json) throws Exception {
        return VIDEO.parse(HttpJson.mapper().readTree(json));
    }

    @Test
    void aRunningVideoGivesItsLabelAndPercentAsDocumented() throws Exception {
        // the documented model: "percent: number // Contains 0-100 percent while the video is being processed"
        JobState state = parse("{\"id\":\"3\",\"status\":1,\"statusLabel\":\"processing\",\"statusFinal\":false,"
                + "\"percent\":45,\"message\":\"Generating\",\"videoId\":\"user:1-minimax:2-video:3\"}");

        assertThat(state).isEqualTo(new JobState.Running("processing", 45));
    }

    @ParameterizedTest
    @CsvSource({"0, pending", "1, processing", "11, queued", "12, processing", "42, status 42"})
    void anAnswerWithoutStatusLabelIsNamedByItsDocumentedStatusCode(int status, String word) throws Exception {
        assertThat(parse("{\"status\":" + status + ",\"statusFinal\":false}"))
                .isEqualTo(new JobState.Running(word, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"45.7|45", "\"45\"|45", "\"45 %\"|45", "0|0", "100|100", "1e2|100"})
    void aPercentAsANumberOrNumericTextIsRead(String percent, int expected) throws Exception {
        assertThat(parse("{\"status\":1,\"statusFinal\":false,\"percent\":" + percent + "}"))
                .isEqualTo(new JobState.Running("processing", expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-1",
                "101",
                "1e308",
                "-0.5e3",
                "\"NaN\"",
                "\"Infinity\"",
                "\"half\"",
                "\"\"",
                "null",
                "true",
                "[50]",
                "{\"value\":50}",
                "\"99999999999999999999\""
            })
    void aGarbledOrOutOfRangePercentIsNoPercentNeverAFailedPoll(String percent) throws Exception {
        assertThat(parse("{\"status\":1,\"statusLabel\":\"processing\",\"statusFinal\":false,\"percent\":" + percent
                        + "}"))
                .isEqualTo(new JobState.Running("processing", null));
    }

    @Test
    void aLabelWithEscapeSequencesOrLineBreaksIsCleanedBeforeItReachesTheLog() throws Exception {
        JobState state = parse("{\"status\":1,\"statusLabel\":\"\\u001b[2Jpro\\ncessing\\u001b[0m\","
                + "\"statusFinal\":false,\"percent\":5}");

        assertThat(state).isEqualTo(new JobState.Running("[2Jprocessing[0m", 5));
    }

    @Test
    void aFinishedJobIgnoresItsPercent() throws Exception {
        assertThat(parse("{\"status\":2,\"statusFinal\":true,\"percent\":\"garbled\","
                        + "\"downloadURL\":\"https://cdn.example/v.mp4\"}"))
                .isInstanceOf(JobState.Succeeded.class);
    }
}
