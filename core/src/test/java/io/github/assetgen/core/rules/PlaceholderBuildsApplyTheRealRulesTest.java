package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static io.github.assetgen.core.rules.TestSpecs.errors;
import static io.github.assetgen.core.rules.TestSpecs.png;
import static io.github.assetgen.core.rules.TestSpecs.rules;
import static io.github.assetgen.core.rules.TestSpecs.validate;
import static io.github.assetgen.core.rules.TestSpecs.webp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.assetgen.core.specfile.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With placeholders every asset renders locally, but the specs are checked against the provider
 * and model they name, so a green placeholder build means the real build validates too.
 */
class PlaceholderBuildsApplyTheRealRulesTest {

    @TempDir
    Path dir;

    /** Validates with and without placeholders; both must give this one error, word for word. */
    private void sameErrorEitherWay(String ruleId, String field, TestSpecs asset, String fragment) {
        Validation real = validate(false, asset);
        Validation placeholders = validate(true, asset);
        rules(real.errors()).containsExactly(tuple(ruleId, field));
        assertThat(errors(real)).singleElement().asString().contains(fragment);
        assertThat(placeholders.errors())
                .extracting(Problem::format)
                .containsExactlyElementsOf(
                        real.errors().stream().map(Problem::format).toList());
        assertThat(placeholders.requests()).isEmpty();
    }

    @Test
    void anHttpsReferenceOnAUseapiModelFailsWithPlaceholdersToo() {
        sameErrorEitherWay(
                "input.url-not-accepted",
                "references",
                asset(dir, "u")
                        .with("model", "nano-banana-2")
                        .with("prompt", "p")
                        .refs("https://example.com/a.png"),
                "useapi uploads local files only");
    }

    @Test
    void aLocalReferenceOnApixoFailsWithPlaceholdersToo() {
        png(dir, "ref.png", 4, 4);
        sameErrorEitherWay(
                "input.local-file-not-accepted",
                "references",
                asset(dir, "x").with("provider", "apixo").with("prompt", "p").refs("ref.png"),
                "apixo takes only https URLs");
    }

    @Test
    void aWebpReferenceOnMinimaxFailsWithPlaceholdersToo() {
        webp(dir, "girl.webp", 10, 10);
        sameErrorEitherWay(
                "input.unsupported-format",
                "references",
                asset(dir, "m").with("provider", "minimax").with("prompt", "p").refs("girl.webp"),
                "is WebP, but MiniMax takes JPEG or PNG");
    }

    @Test
    void aReferenceOverMinimaxsSizeLimitFailsWithPlaceholdersToo() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        System.arraycopy(header, 0, big, 0, header.length);
        TestSpecs.write(dir, "big.png", big);
        sameErrorEitherWay(
                "input.too-large",
                "references",
                asset(dir, "m").with("provider", "minimax").with("prompt", "p").refs("big.png"),
                "MiniMax takes images under 10 MB");
    }

    @Test
    void aValidSpecKeepsItsProviderAndModelInTheRequestWithPlaceholders() {
        png(dir, "ref.png", 4, 4);
        Validation validation = validate(
                true,
                asset(dir, "x").with("provider", "apixo").with("prompt", "p").refs("https://example.com/a.png"));
        assertThat(errors(validation)).isEmpty();
        // the build re-points the request to the placeholder after validation, not before
        assertThat(validation.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.provider()).isEqualTo("apixo"));
    }
}
