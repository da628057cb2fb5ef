package io.github.assetgen.core.provider.useapi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.RequestFixtures;
import io.github.assetgen.core.provider.http.AnswerFuzzing;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as a useapi answer (job status, image and video creation, upload): typed failures
 * only. Seeds in {@code UseapiAnswersFuzzTestInputs}.
 */
class UseapiAnswersFuzzTest {

    private static final List<? extends io.github.assetgen.core.provider.http.Endpoint<?>> ENDPOINTS = List.of(
            new GetJobEndpoint(new JobRef("useapi", "image", "user:1-minimax:2-image:3")),
            new GetJobEndpoint(new JobRef("useapi", "video", "user:1-minimax:2-video:3")),
            new CreateImageEndpoint(
                    RequestFixtures.image("useapi", "nano-banana-2").prompt("p").build(), List.of(), null, "ref-1"),
            new CreateVideoEndpoint(
                    RequestFixtures.video("useapi", "hailuo-02").prompt("p").build(), List.of(), null, "ref-2"),
            new UploadFileEndpoint(Path.of("ref.png"), "image/png", null, "hero"));

    @FuzzTest(maxDuration = "8s")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void useapiAnswersFailOnlyInTypedWays(byte[] data) {
        AnswerFuzzing.answer(data, UseapiClient::classify, ENDPOINTS);
    }
}
