package io.github.assetgen.core.provider.minimax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.http.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimaxClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Outcome classify(String body) throws Exception {
        return new MinimaxClassifier().classify(new Outcome.Success(200, JSON.readTree(body)));
    }

    @ParameterizedTest(name = "status_code {0} rejects the asset advising: {1}")
    @CsvSource({
        "1042, invisible characters",
        "1028, quota is used up",
        "1030, quota is used up",
        "2061, not in the key's plan"
    })
    void codesThatRejectOneAssetSayWhatTheyMean(int code, String advice) throws Exception {
        Outcome outcome = classify("{\"base_resp\":{\"status_code\":" + code + ",\"status_msg\":\"said by minimax\"}}");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.kind()).isEqualTo(Kind.REJECTED);
            assertThat(f.advice()).contains(advice);
            assertThat(f.providerMessage()).contains("said by minimax", "status_code " + code);
        });
        assertThat(MinimaxClassifier.isModeration(code)).isFalse();
    }

    @ParameterizedTest(name = "status_code {0} is {1}")
    @CsvSource({
        "1002, RATE_LIMITED", "1004, PROVIDER_STOP", "1008, PROVIDER_STOP", "1026, REJECTED", "1027, REJECTED",
        "1000, RETRYABLE", "1001, RETRYABLE", "1024, RETRYABLE", "1033, RETRYABLE", "2013, REJECTED",
        "1039, RATE_LIMITED", "1041, RATE_LIMITED", "2045, RATE_LIMITED", "2049, PROVIDER_STOP", "2056, PROVIDER_STOP"
    })
    void everyBusinessCodeFamilyHasItsKind(int code, Kind kind) throws Exception {
        Outcome outcome = classify("{\"base_resp\":{\"status_code\":" + code + ",\"status_msg\":\"said by minimax\"}}");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.httpStatus()).isEqualTo(200);
            assertThat(f.providerMessage()).isEqualTo("said by minimax (status_code " + code + ")");
        });
    }

    @Test
    void aStatusCodeSentAsTextIsReadToo() throws Exception {
        assertThat(((Outcome.Failure) classify("{\"base_resp\":{\"status_code\":\"1008\"}}")).kind())
                .isEqualTo(Kind.PROVIDER_STOP);
    }

    @Test
    void statusZeroOrNoBaseRespIsASuccess() throws Exception {
        assertThat(classify("{\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}"))
                .isInstanceOf(Outcome.Success.class);
        assertThat(classify("{\"id\":\"x\"}")).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void aFailedVideoIsLeftToTheQueryEndpointWhateverItsCode() throws Exception {
        assertThat(classify("{\"status\":\"Fail\",\"base_resp\":{\"status_code\":1027,\"status_msg\":\"x\"}}"))
                .isInstanceOf(Outcome.Success.class);
    }

    @Test
    void aVideoSpelledFailedIsLeftToTheQueryEndpointLikeFail() throws Exception {
        assertThat(classify("{\"status\":\" failed \",\"base_resp\":{\"status_code\":1000,\"status_msg\":\"x\"}}"))
                .isInstanceOf(Outcome.Success.class);
    }

    @Test
    void aRefusedKeyPointsAtTheRegionHostAndWhereTheKeyComesFrom() throws Exception {
        Outcome.Failure f =
                (Outcome.Failure) classify("{\"base_resp\":{\"status_code\":1004,\"status_msg\":\"invalid\"}}");

        assertThat(f.advice()).contains("MINIMAX_API_KEY", "assetgen-minimax", "api.minimaxi.com", "api.minimax.io");
    }

    @Test
    void insufficientBalanceSaysToTopUp() throws Exception {
        Outcome.Failure f = (Outcome.Failure) classify("{\"base_resp\":{\"status_code\":1008}}");

        assertThat(f.providerMessage()).isEqualTo("no message (status_code 1008)");
        assertThat(f.advice()).contains("insufficient balance", "recharge");
    }
}
