package io.github.assetgen.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void aPercentOutsideZeroToHundredIsNoPercent() {
        assertThat(new JobState.Running("processing", -3).percent()).isNull();
        assertThat(new JobState.Running("processing", 250).percent()).isNull();
        assertThat(new JobState.Running("processing", 100).percent()).isEqualTo(100);
    }

    @Test
    void aLabelKeepsNoControlCharactersAndIsCutToAStatusWord() {
        assertThat(new JobState.Running("que\u0007ued\r\n", null).label()).isEqualTo("queued");
        assertThat(new JobState.Running("   ", null).label()).isNull();
        assertThat(new JobState.Running("x".repeat(500), null).label()).hasSize(JobState.Running.LABEL_LENGTH);
        // a cut never splits a surrogate pair
        String emoji = "a".repeat(JobState.Running.LABEL_LENGTH - 1) + "\uD83D\uDE00";
        assertThat(new JobState.Running(emoji, null).label()).isEqualTo("a".repeat(JobState.Running.LABEL_LENGTH - 1));
    }
}
