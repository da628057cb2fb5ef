package io.github.assetgen.core.provider.apixo;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.RequestFixtures;
import io.github.assetgen.core.provider.http.AnswerFuzzing;
import io.github.assetgen.core.provider.http.Endpoint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as an APIXO answer (the {@code code} envelope, task creation, task status with its
 * nested {@code resultJson}): typed failures only. Seeds in {@code ApixoAnswersFuzzTestInputs}.
 */
class ApixoAnswersFuzzTest {

    private static final List<Endpoint<?>> ENDPOINTS = endpoints();

    @FuzzTest(maxDuration = "8s")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void apixoAnswersFailOnlyInTypedWays(byte[] data) {
        AnswerFuzzing.answer(data, new ApixoClassifier(), ENDPOINTS);
    }

    private static List<Endpoint<?>> endpoints() {
        try {
            var image = RequestFixtures.image("apixo", ApixoClient.MODEL)
                    .prompt("p")
                    .build();
            return List.of(
                    new GenerateTaskEndpoint("hero", ApixoClient.MODEL, ApixoRequests.image(image)),
                    new StatusTaskEndpoint(ApixoClient.MODEL, "task-1"));
        } catch (ProviderException e) {
            throw new IllegalStateException(e);
        }
    }
}
