package io.github.assetgen.core.provider.apixo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.http.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApixoClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Outcome classify(String body) throws Exception {
        return new ApixoClassifier().classify(new Outcome.Success(200, JSON.readTree(body)));
    }

    @ParameterizedTest(name = "code {0} in a 200 answer is {1}")
    @CsvSource({
        "400, REJECTED", "401, PROVIDER_STOP", "402, PROVIDER_STOP", "403, REJECTED", "404, REJECTED",
        "429, RATE_LIMITED", "500, RETRYABLE", "502, RETRYABLE", "503, RETRYABLE", "504, RETRYABLE"
    })
    void anEnvelopeCodeIsClassifiedLikeThatHttpStatus(int code, Kind kind) throws Exception {
        Outcome outcome = classify("{\"code\":" + code + ",\"message\":\"said by apixo\"}");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.httpStatus()).isEqualTo(code);
            assertThat(f.providerMessage()).isEqualTo("said by apixo");
        });
    }

    @Test
    void codeTwoHundredOrNoCodeIsASuccess() throws Exception {
        assertThat(classify("{\"code\":200,\"message\":\"success\",\"data\":{}}"))
                .isInstanceOf(Outcome.Success.class);
        assertThat(classify("{\"data\":{}}")).isInstanceOf(Outcome.Success.class);
    }

    @ParameterizedTest(name = "code {0} is no error status: the answer's content decides")
    @ValueSource(strings = {"0", "\"ok\"", "102", "302", "-1", "600", "1001"})
    void aCodeThatIsNoErrorStatusIsLeftToTheEndpoint(String code) throws Exception {
        assertThat(classify("{\"code\":" + code + ",\"data\":{}}")).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void aBadRequestNamesTheFieldFromDataError() throws Exception {
        Outcome.Failure f = (Outcome.Failure)
                classify(
                        "{\"code\":400,\"message\":\"Invalid request\",\"data\":{\"error\":\"Missing required field: input.prompt\"}}");

        assertThat(f.providerMessage()).isEqualTo("Invalid request: Missing required field: input.prompt");
    }

    @Test
    void aForbiddenAnswerExplainsBothLikelyCauses() throws Exception {
        Outcome.Failure f = (Outcome.Failure) classify("{\"code\":403,\"message\":\"Forbidden\"}");

        assertThat(f.advice()).contains("content policy", "permission");
    }

    @Test
    void insufficientBalanceStopsWithAdvice() throws Exception {
        Outcome.Failure f = (Outcome.Failure) classify("{\"code\":402,\"message\":\"Insufficient balance\"}");

        assertThat(f.advice()).contains("recharge");
    }
}
