package io.github.assetgen.core.provider.apixo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApixoErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "400, REJECTED", "401, PROVIDER_STOP", "402, PROVIDER_STOP", "403, REJECTED", "404, REJECTED",
        "429, RATE_LIMITED", "500, RETRYABLE", "502, RETRYABLE", "503, RETRYABLE", "504, RETRYABLE"})
    void everyDocumentedCodeHasItsKind(int code, Kind kind) {
        ProviderException e = ApixoErrors.classify(code, "create image", "said by apixo", null, null);

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.getMessage()).contains("said by apixo", String.valueOf(code));
    }

    @Test
    void aTwoHundredIsNoFailure() {
        assertThat(ApixoErrors.classify(200, "create image", "success", null, null)).isNull();
    }

    @Test
    void aBadRequestNamesTheFieldFromDataError() throws Exception {
        var data = new ObjectMapper().readTree("{\"error\":\"Missing required field: input.prompt\"}");

        ProviderException e = ApixoErrors.classify(400, "create image", "Invalid request", data, null);

        assertThat(e.getMessage()).contains("Invalid request", "Missing required field: input.prompt");
    }

    @Test
    void aRateLimitKeepsTheDelayApixoAskedFor() {
        ProviderException e = ApixoErrors.classify(429, "create image", null, null, Duration.ofSeconds(7));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("no message");
    }
}
