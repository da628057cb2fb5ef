package io.github.assetgen.core.provider.minimax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.RecordingSleeper;
import io.github.assetgen.core.provider.http.TestSettings;
import io.github.assetgen.core.provider.minimax.MinimaxClient.ImageFormat;
import java.math.BigDecimal;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryBalanceEndpointTest {

    @StartStop
    MockWebServer server = new MockWebServer();

    private MinimaxClient client() {
        return new MinimaxClient(
                TestSettings.forServer("minimax", server, 0),
                new HttpClientFactory(),
                new RecordingSleeper(),
                ImageFormat.URL);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void theBalanceIsTheAvailableAmountGivenAsAString() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"available_amount\":\"12.50\",\"cash_balance\":\"10.00\",\"voucher_balance\":\"2.50\","
                                + "\"balance_alert_switch\":false,\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}"));

        assertThat(client().balance(null)).contains(Cost.usd(new BigDecimal("12.5")));
        assertThat(server.takeRequest().getTarget()).isEqualTo("/account/query_balance");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"base_resp\":{\"status_code\":0}}",
                "{\"available_amount\":\"lots\",\"base_resp\":{\"status_code\":0}}",
                "{\"base_resp\":{\"status_code\":1004,\"status_msg\":\"authentication failed\"}}"
            })
    void anUnknownShapeOrAnErrorIsAFailureTheCallerWarnsAbout(String body) {
        server.enqueue(json(200, body));

        assertThatThrownBy(() -> client().balance(null)).isInstanceOf(ProviderException.class);
    }
}
