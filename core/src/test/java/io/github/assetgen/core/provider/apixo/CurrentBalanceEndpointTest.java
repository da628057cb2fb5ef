package io.github.assetgen.core.provider.apixo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.RecordingSleeper;
import io.github.assetgen.core.provider.http.TestSettings;
import java.math.BigDecimal;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class CurrentBalanceEndpointTest {

    @StartStop
    MockWebServer server = new MockWebServer();

    private ApixoClient client() {
        return new ApixoClient(
                TestSettings.forServer("apixo", server, 0), new HttpClientFactory(), new RecordingSleeper());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void theBalanceIsDataInUsDollars() throws Exception {
        server.enqueue(json(200, "{\"code\":200,\"message\":\"success\",\"data\":74.8700}"));

        assertThat(client().balance(null)).contains(Cost.usd(new BigDecimal("74.87")));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/v1/apikeys/current-balance");
        assertThat(request.getHeaders().get("Authorization")).startsWith("Bearer ");
    }

    @Test
    void aRefusedReadIsAFailureTheCallerWarnsAbout() {
        server.enqueue(json(403, "{\"code\":403,\"message\":\"Forbidden\"}"));

        assertThatThrownBy(() -> client().balance(null)).isInstanceOf(ProviderException.class);
    }
}
