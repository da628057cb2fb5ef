package io.github.assetgen.core.provider.minimax;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.RequestFixtures;
import io.github.assetgen.core.provider.http.AnswerFuzzing;
import io.github.assetgen.core.provider.http.Endpoint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as a MiniMax answer (the {@code base_resp} classifier, image generation in both
 * response formats, video creation, video query, file retrieval): typed failures only. Seeds in
 * {@code MinimaxAnswersFuzzTestInputs}.
 */
class MinimaxAnswersFuzzTest {

    private static final List<Endpoint<?>> ENDPOINTS = endpoints();

    @FuzzTest(maxDuration = "8s")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void minimaxAnswersFailOnlyInTypedWays(byte[] data) {
        AnswerFuzzing.answer(data, new MinimaxClassifier(), ENDPOINTS);
    }

    private static List<Endpoint<?>> endpoints() {
        try {
            var image = RequestFixtures.image("minimax", "image-01").prompt("p").build();
            var video = RequestFixtures.video("minimax", "T2V-01").prompt("p").build();
            return List.of(
                    new ImageGenerationEndpoint("hero", MinimaxRequests.image(image, "url"), false),
                    new ImageGenerationEndpoint("hero", MinimaxRequests.image(image, "base64"), true),
                    new VideoGenerationEndpoint("clip", MinimaxRequests.video(video)),
                    new VideoQueryEndpoint("106916112212032"),
                    new FileRetrieveEndpoint("205258526306433"));
        } catch (ProviderException e) {
            throw new IllegalStateException(e);
        }
    }
}
