package io.github.assetgen.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.rules.RuleBook;
import io.github.assetgen.core.rules.Validation;
import io.github.assetgen.core.rules.ValidationContext;
import io.github.assetgen.core.specfile.SpecReader;
import io.github.assetgen.core.specfile.SpecSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the worked example of the README and the site in step with the code. */
class WorkedExampleTest {

    private static final Path QUICKSTART =
            Path.of("..", "src", "examples", "quickstart").toAbsolutePath().normalize();

    @Test
    void theQuickstartHeroHasTheDocumentedCanonicalRequestAndKey() {
        SpecSet specs = new SpecReader().read(QUICKSTART.resolve("src/main/assets"), QUICKSTART);
        Validation validation = RuleBook.standard().validate(specs.assets(), new ValidationContext(QUICKSTART, false));
        assertThat(specs.problems()).isEmpty();
        assertThat(validation.hasErrors()).isFalse();

        AssetRequest hero = validation.requests().stream()
                .filter(r -> r.id().equals("hero"))
                .findFirst()
                .orElseThrow();

        assertThat(CacheKey.canonicalJson(hero))
                .isEqualTo(
                        "{\"character\":null,\"endFrame\":null,\"firstFrame\":null,"
                                + "\"keyVersion\":1,\"model\":\"nano-banana-pro\",\"parameters\":{\"aspectRatio\":\"16:9\","
                                + "\"promptOptimization\":true,\"quantity\":1,\"resolution\":\"2K\"},\"prompt\":\"A lighthouse at dusk"
                                + " in the style of @Image1, wide cinematic shot\",\"provider\":\"useapi\",\"references\":"
                                + "[\"sha256:ce4e76b0f5917ad830e93985ab39cc13abfb905ac171f0520a24180bb45ae93e\"],\"type\":\"image\"}");
        assertThat(CacheKey.of(hero)).isEqualTo("d53c8a4eac04fd744341b9f0669c6e4e0c09cd117e0e6f846dced818db5e0de0");
    }
}
