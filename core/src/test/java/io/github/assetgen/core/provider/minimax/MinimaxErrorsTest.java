package io.github.assetgen.core.provider.minimax;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.minimax.MinimaxWire.BaseResp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimaxErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "1002, RATE_LIMITED", "1004, PROVIDER_STOP", "1008, PROVIDER_STOP", "1026, REJECTED", "1027, REJECTED",
        "1000, RETRYABLE", "1001, RETRYABLE", "1024, RETRYABLE", "1033, RETRYABLE", "2013, REJECTED",
        "2049, REJECTED"})
    void everyBusinessCodeFamilyHasItsKind(int code, Kind kind) {
        ProviderException e = MinimaxErrors.classify(new BaseResp(code, "said by minimax"), 200, "create image", "t-1");

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.provider()).isEqualTo("minimax");
        assertThat(e.getMessage()).contains("said by minimax", "status_code " + code, "Trace-Id t-1");
    }

    @Test
    void statusZeroOrNoBaseRespIsNoFailure() {
        assertThat(MinimaxErrors.classify(new BaseResp(0, "success"), 200, "create image", null)).isNull();
        assertThat(MinimaxErrors.classify(null, 200, "create image", null)).isNull();
    }

    @Test
    void anUnauthorizedKeyPointsAtTheRegionHost() {
        ProviderException e = MinimaxErrors.classify(new BaseResp(1004, "invalid api key"), 200, "create image", null);

        assertThat(e.getMessage()).contains("MINIMAX_API_KEY", "api.minimaxi.com").doesNotContain("Trace-Id");
    }

    @Test
    void onlyTheSensitiveCodesCountAsModeration() {
        assertThat(MinimaxErrors.isModeration(new BaseResp(1026, ""))).isTrue();
        assertThat(MinimaxErrors.isModeration(new BaseResp(1027, ""))).isTrue();
        assertThat(MinimaxErrors.isModeration(new BaseResp(1008, ""))).isFalse();
        assertThat(MinimaxErrors.isModeration(null)).isFalse();
    }
}
