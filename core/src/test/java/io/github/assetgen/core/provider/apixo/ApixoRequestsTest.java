package io.github.assetgen.core.provider.apixo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.RequestFixtures;
import io.github.assetgen.core.request.InputFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApixoRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(Object body) throws Exception {
        return JSON.readTree(JSON.writeValueAsBytes(body));
    }

    @Test
    void textToImageBodyMatchesTheQuickstartFieldByField() throws Exception {
        var request = RequestFixtures.image("apixo", "minimax-image-01")
                .prompt("a cinematic panda standing in a rainy neon alley")
                .param("resolution", "2K")
                .param("aspectRatio", "16:9")
                .param("quantity", 3)
                .param("promptOptimization", false)
                .param("seed", -1)
                .build();

        assertThat(json(ApixoRequests.image(request))).isEqualTo(JSON.readTree("""
                {"request_type":"async","input":{"mode":"text-to-image",
                 "prompt":"a cinematic panda standing in a rainy neon alley","resolution":"2K",
                 "aspect_ratio":"16:9","num_images":3,"prompt_optimizer":false,"seed":-1}}"""));
    }

    @Test
    void aReferenceMakesItImageToImageAsDocumented() throws Exception {
        var request = RequestFixtures.image("apixo", "minimax-image-01")
                .prompt("transform this image into a watercolor illustration")
                .reference(InputFile.ofUrl("https://example.com/reference.png"))
                .param("size", "1280x720")
                .param("quantity", 3)
                .param("promptOptimization", true)
                .param("seed", 42)
                .build();

        assertThat(json(ApixoRequests.image(request))).isEqualTo(JSON.readTree("""
                {"request_type":"async","input":{"mode":"image-to-image",
                 "prompt":"transform this image into a watercolor illustration",
                 "image_urls":["https://example.com/reference.png"],"size":"1280x720","num_images":3,
                 "prompt_optimizer":true,"seed":42}}"""));
    }

    @Test
    void onlyParametersTheRequestHoldsAreSent() throws Exception {
        var request =
                RequestFixtures.image("apixo", "minimax-image-01").prompt("p").build();

        assertThat(json(ApixoRequests.image(request))).isEqualTo(JSON.readTree("""
                {"request_type":"async","input":{"mode":"text-to-image","prompt":"p"}}"""));
    }

    @Test
    void aLocalReferenceIsRejectedBecauseApixoFetchesByUrl() {
        Path local = Path.of("/tmp/ref.png").toAbsolutePath();
        var request = RequestFixtures.image("apixo", "minimax-image-01")
                .prompt("p")
                .reference(InputFile.ofLocal(local, "abc", "image/png"))
                .build();

        assertThatThrownBy(() -> ApixoRequests.image(request)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
            assertThat(e.getMessage()).contains("[hero]", "https URLs", local.toString());
        });
    }
}
