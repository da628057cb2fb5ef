package io.github.assetgen.core.provider.useapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.RecordingSleeper;
import io.github.assetgen.core.provider.http.TestSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class FeaturesEndpointTest {

    @StartStop
    MockWebServer server = new MockWebServer();

    private UseapiClient client() {
        return new UseapiClient(
                TestSettings.forServer("useapi", server, 0),
                new HttpClientFactory(),
                FileIdMemory.inMemory(),
                new RecordingSleeper());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void theBalanceOfAnAccountIsItsTotalCredits() throws Exception {
        server.enqueue(json(200, "{\"totalCredits\": 1250, \"memberName\": \"Standard\", \"modelControl\": []}"));

        assertThat(client().balance("acct 1")).contains(Cost.credits(1250));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v1/minimax/features/?account=acct+1");
    }

    @Test
    void withoutAnAccountTheTokensOwnIsAsked() throws Exception {
        server.enqueue(json(200, "{\"totalCredits\": 0}"));

        assertThat(client().balance(null)).contains(Cost.credits(0));
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/minimax/features/");
    }

    @Test
    void anAnswerWithoutTotalCreditsIsAFailureTheCallerWarnsAbout() {
        server.enqueue(json(200, "{\"memberName\": \"Free\"}"));

        assertThatThrownBy(() -> client().balance(null)).isInstanceOf(ProviderException.class);
    }
}
