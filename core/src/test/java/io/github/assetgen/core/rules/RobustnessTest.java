package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.assetgen.core.provider.ModelRules;
import io.github.assetgen.core.specfile.SpecFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Odd values on every model: the rule book reports problems and never throws. */
class RobustnessTest {

    @TempDir
    Path dir;

    private static final List<Object> ODD_VALUES = Arrays.asList(
            null,
            "",
            " ",
            "x",
            0,
            -1,
            99999999999L,
            1.5,
            true,
            List.of(),
            Arrays.asList("", null),
            Map.of("a", 1),
            "https://example.com/a.png",
            "http://x",
            "../../etc",
            "@Image0 @image99999999999999999999",
            "16:9",
            "2K",
            "768p-6sec",
            "1024x1024");

    @Test
    void everyFieldWithEveryOddValueOnEveryModelGivesProblemsNotExceptions() {
        TestSpecs.png(dir, "a.png", 4, 4);
        List<TestSpecs> assets = new ArrayList<>();
        int n = 0;
        for (ModelRules model : ModelCatalog.standard().all()) {
            for (String field : SpecFields.ASSET_FIELDS) {
                if (field.equals("id")) {
                    continue;
                }
                for (Object value : ODD_VALUES) {
                    TestSpecs spec = asset(dir, "a" + n++)
                            .with("provider", model.provider())
                            .with("type", model.type().specName())
                            .with("model", model.model())
                            .with("prompt", "p");
                    assets.add(spec.with(field, value));
                }
            }
        }
        assets.add(asset(dir, null)
                .with("provider", "placeholder")
                .with("type", "video")
                .with("firstFrame", "a.png"));
        Validation[] result = new Validation[1];
        assertThatCode(() -> result[0] = TestSpecs.validate(assets.toArray(TestSpecs[]::new)))
                .doesNotThrowAnyException();
        Validation validation = result[0];
        assertThat(validation.hasErrors()).isTrue();
        assertThat(validation.requests()).isNotEmpty();
    }
}
