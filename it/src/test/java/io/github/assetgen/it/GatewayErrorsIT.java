package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * useapi answering creates with 502/504 after it made (and charged) the job, as its documentation says MiniMax
 * does when busy: the build looks each job up by its replyRef instead of sending the create again.
 */
class GatewayErrorsIT extends ItSupport {

    private static final String SPEC = "src/main/assets/site.yaml";
    private static final int IMAGES = 6;
    private static final int VIDEOS = 2;

    /** Six images and two videos on useapi, each prompt its own. */
    private MavenBuild manyAssets() {
        MavenBuild build = prepare("generate");
        StringBuilder spec = new StringBuilder("defaults:\n  provider: useapi\n  model: nano-banana-2\nassets:\n");
        for (int i = 1; i <= IMAGES; i++) {
            spec.append("  - id: image").append(i).append('\n');
            spec.append("    prompt: \"A lighthouse at dusk, variant ")
                    .append(i)
                    .append("\"\n");
            spec.append("    output: img/image").append(i).append(".png\n");
        }
        for (int i = 1; i <= VIDEOS; i++) {
            spec.append("  - id: video").append(i).append('\n');
            spec.append("    type: video\n    model: T2V-2.3\n    options: 768p-6sec\n");
            spec.append("    prompt: \"Slow dolly over a misty harbour, take ")
                    .append(i)
                    .append("\"\n");
            spec.append("    output: video/video").append(i).append(".mp4\n");
        }
        try {
            Files.writeString(build.file(SPEC), spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build;
    }

    private static List<String> expectedOutputs() {
        List<String> outputs = new ArrayList<>();
        for (int i = 1; i <= IMAGES; i++) {
            outputs.add("img/image" + i + ".png");
        }
        for (int i = 1; i <= VIDEOS; i++) {
            outputs.add("video/video" + i + ".mp4");
        }
        return outputs;
    }

    @Test
    void createsAnsweredWithGatewayErrorsAreFoundByReplyRefAndNeverSentTwice() {
        MavenBuild build = manyAssets();
        fakes.useapi.gatewayErrorsAfterCreate(IMAGES + VIDEOS, true);

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertSuccess();
        assertThat(fakes.useapi.gatewayErrors()).isEqualTo(IMAGES + VIDEOS);
        assertThat(fakes.useapi.createRequests()).as("no duplicate submission").isEqualTo(IMAGES + VIDEOS);
        assertThat(fakes.useapi.acceptedCreates()).isEqualTo(IMAGES + VIDEOS);
        assertThat(fakes.useapi.createBodies())
                .extracting(body -> body.path("replyRef").asText())
                .doesNotHaveDuplicates()
                .allSatisfy(ref -> assertThat(ref).matches("(image|video)\\d#[0-9a-f]{12}"));
        assertThat(result.log()).doesNotContain("sending again");
        assertThat(filesUnder(build.outputDir())).containsExactlyInAnyOrderElementsOf(expectedOutputs());
        assertThat(filesUnder(build.cacheDir().resolve("journal"))).isEmpty();
    }

    @Test
    void jobsTheSchedulerNeverLearnedAreFoundInTheAccountsLists() {
        MavenBuild build = manyAssets();
        fakes.useapi.gatewayErrorsAfterCreate(IMAGES + VIDEOS, false);

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertSuccess();
        assertThat(fakes.useapi.createRequests()).as("no duplicate submission").isEqualTo(IMAGES + VIDEOS);
        assertThat(fakes.useapi.calls())
                .extracting(FakeProvider.Call::rawTarget)
                .anySatisfy(target -> assertThat(target).startsWith("/v1/minimax/images/?limit="))
                .anySatisfy(target -> assertThat(target).startsWith("/v1/minimax/videos/?limit="));
        assertThat(filesUnder(build.outputDir())).containsExactlyInAnyOrderElementsOf(expectedOutputs());
        for (JsonNode body : fakes.useapi.createBodies()) {
            assertThat(result.log())
                    .doesNotContain(
                            "no job with replyRef " + body.path("replyRef").asText());
        }
    }
}
