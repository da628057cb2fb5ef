package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static io.github.assetgen.core.rules.TestSpecs.errors;
import static io.github.assetgen.core.rules.TestSpecs.request;
import static io.github.assetgen.core.rules.TestSpecs.rules;
import static io.github.assetgen.core.rules.TestSpecs.singleError;
import static io.github.assetgen.core.rules.TestSpecs.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenericRulesTest {

    @TempDir
    Path dir;

    private TestSpecs image(String id) {
        return asset(dir, id).with("prompt", "a lighthouse at dusk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "hero", "hero-1.v2_final", "0abc"})
    void validIdsPass(String id) {
        assertThat(request(image(id)).id()).isEqualTo(id);
    }

    @Test
    void idOfSixtyFourCharactersPassesAndSixtyFiveFails() {
        String id64 = "a".repeat(64);
        assertThat(request(image(id64)).id()).isEqualTo(id64);
        singleError("asset.id-invalid", "id", image(id64 + "a"), "id '" + id64 + "a' is not valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hero", "-hero", "hero image", "héro", ".hero"})
    void idsOutsideThePatternAreErrors(String id) {
        singleError("asset.id-invalid", "id", image(id), "is not valid", "[a-z0-9][a-z0-9._-]{0,63}");
    }

    @Test
    void missingIdIsAnErrorAtTheAsset() {
        Problem problem = singleError("asset.id-missing", "id", image(null), "id is missing");
        assertThat(problem.position().column()).isEqualTo(5);
    }

    @Test
    void problemIsReportedAtTheOffendingValueWithTheAssetId() {
        TestSpecs hero = image("hero").with("model", "nano-banana-pro").with("resolution", "8K");
        Problem problem = singleError(
                "model.unsupported-value",
                "resolution",
                hero,
                "resolution '8K' is not supported by nano-banana-pro (supported: 1K, 2K, 4K)");
        assertThat(problem.position()).isEqualTo(hero.at("resolution"));
        assertThat(problem.assetId()).isEqualTo("hero");
        assertThat(problem.format()).startsWith(hero.at("resolution") + ": [hero] resolution '8K'");
    }

    @Test
    void unknownTypeIsAnErrorWithASuggestion() {
        singleError(
                "asset.unsupported-type",
                "type",
                image("a").with("type", "vidoe"),
                "type 'vidoe' is not supported (supported: image, video)",
                "did you mean 'video'?");
    }

    @Test
    void unknownProviderIsAnErrorWithASuggestion() {
        singleError(
                "asset.unsupported-provider",
                "provider",
                image("a").with("provider", "useapl"),
                "provider 'useapl' is not supported",
                "did you mean 'useapi'?");
    }

    @Test
    void unknownModelIsAnErrorWithASuggestion() {
        singleError(
                "model.unknown",
                "model",
                image("a").with("model", "nano-banana-prp"),
                "model 'nano-banana-prp' is not a useapi image model",
                "did you mean 'nano-banana-pro'?");
    }

    @Test
    void videoModelOnAnImageAssetNamesTheFix() {
        singleError(
                "model.wrong-type",
                "model",
                image("a").with("model", "T2V-01"),
                "model 'T2V-01' makes videos; set type: video");
    }

    @Test
    void modelOfAnotherProviderNamesThatProvider() {
        singleError(
                "model.unknown",
                "model",
                image("a").with("model", "minimax-image-01"),
                "offered by apixo (set provider: apixo)");
    }

    @Test
    void defaultsAreUseapiAndImage() {
        var request = request(image("a"));
        assertThat(request.provider()).isEqualTo("useapi");
        assertThat(request.type()).isEqualTo(AssetType.IMAGE);
        assertThat(request.model()).isEqualTo("image-01");
    }

    @Test
    void wronglyTypedFieldsAreErrors() {
        var validation = validate(image("a")
                .with("model", "nano-banana-2")
                .with("quantity", "2")
                .with("promptOptimization", "yes")
                .with("resolution", 2)
                .with("references", "refs/a.png"));
        assertThat(errors(validation))
                .containsExactlyInAnyOrder(
                        "quantity must be a whole number (got '2')",
                        "promptOptimization must be true or false (got 'yes')",
                        "resolution must be text (got 2); put it in quotes",
                        "references must be a list of file paths or https URLs, e.g. [refs/style.png] (got 'refs/a.png')");
        rules(validation.errors())
                .containsExactlyInAnyOrder(
                        tuple("asset.not-whole-number", "quantity"),
                        tuple("asset.not-boolean", "promptOptimization"),
                        tuple("asset.not-text", "resolution"),
                        tuple("asset.not-list", "references"));
    }

    @Test
    void fractionalQuantityIsAnError() {
        singleError(
                "asset.not-whole-number",
                "quantity",
                image("a").with("quantity", 1.5),
                "quantity must be a whole number (got 1.5)");
    }

    @Test
    void promptMustBeText() {
        singleError("asset.not-text", "prompt", image("a").with("prompt", List.of("x")), "prompt must be text");
    }

    @Test
    void nullAndEmptyReferenceEntriesAreErrors() {
        var validation = validate(
                image("a").with("model", "nano-banana-2").with("references", java.util.Arrays.asList("", null)));
        assertThat(errors(validation))
                .containsExactly(
                        "references[0] is empty; give a file path or an https URL",
                        "references[1] is empty; give a file path or an https URL");
        rules(validation.errors())
                .containsExactly(
                        tuple("asset.bad-list-item", "references"), tuple("asset.bad-list-item", "references"));
    }

    @Test
    void fieldTheModelDoesNotTakeNamesWhoDoes() {
        singleError(
                "model.unsupported-field",
                "quality",
                image("a").with("model", "nano-banana-2").with("quality", "high"),
                "quality is not supported by nano-banana-2; it is only supported by gpt-image-2; remove it");
    }

    @Test
    void videoFieldOnAnImageIsAnError() {
        singleError(
                "model.field-for-other-type",
                "options",
                image("a").with("options", "768p-6sec"),
                "options is only for videos; add type: video");
    }

    @Test
    void imageFieldOnAVideoIsAnError() {
        singleError(
                "model.field-for-other-type",
                "quantity",
                image("a").with("type", "video").with("quantity", 2),
                "quantity is only for images");
    }

    @Test
    void accountIsOnlyForUseapi() {
        assertThat(request(image("a").with("account", "123456")).account()).isEqualTo("123456");
        singleError(
                "model.account-not-used",
                "account",
                image("b").with("provider", "minimax").with("account", "123"),
                "account is only used by useapi");
    }

    @Test
    void promptIsRequiredForImages() {
        singleError("prompt.missing", "prompt", asset(dir, "a"), "prompt is required; describe the image");
        singleError("prompt.missing", "prompt", asset(dir, "b").with("prompt", "  "), "prompt is required");
    }

    @Test
    void placeholderProviderAcceptsAnyModelAndChecksOnlyTypes() {
        var request = request(image("a")
                .with("provider", "placeholder")
                .with("model", "my-own-model")
                .with("resolution", "8K")
                .with("quantity", 7));
        assertThat(request.model()).isEqualTo("my-own-model");
        assertThat(request.parameters()).isEqualTo(Map.of("resolution", "8K", "quantity", 7));
        assertThat(request.outputs()).hasSize(7);
        singleError(
                "asset.not-whole-number",
                "quantity",
                image("b").with("provider", "placeholder").with("quantity", "x"),
                "quantity must be a whole number");
    }

    @Test
    void allProblemsOfAllAssetsAreReportedSortedByPosition() {
        var validation =
                validate(image("b").with("resolution", "8K"), image("a").with("type", "x"));
        assertThat(validation.problems())
                .isSortedAccordingTo(Problem.BY_POSITION)
                .hasSize(2);
    }

    @Test
    void twentyDifferentMistakesGiveTwentyErrorLines() throws Exception {
        TestSpecs.write(dir, "notes.txt", "just text".getBytes());
        Path notAnImage = dir.resolve("notes.txt");
        assertThat(notAnImage).exists();
        var validation = validate(
                image("Bad Id"), // 1 id pattern
                image("t1").with("type", "vidoe"), // 2 type
                image("p1").with("provider", "useapl"), // 3 provider
                image("m1").with("model", "nano-banana-3"), // 4 model
                image("r1").with("model", "nano-banana-pro").with("resolution", "8K"), // 5 resolution
                image("ar1").with("model", "gpt-image-2").with("aspectRatio", "auto"), // 6 aspect ratio
                image("q1").with("model", "nano-banana-2").with("quality", "high"), // 7 quality elsewhere
                image("n1").with("quantity", 5), // 8 quantity
                asset(dir, "np1"), // 9 prompt missing
                image("pl1").with("model", "gpt-image-2").with("prompt", "x".repeat(1251)), // 10 prompt length
                image("ref1").with("model", "nano-banana-2").refs("missing.png"), // 11 missing file
                image("ref2").with("model", "nano-banana-2").refs("notes.txt"), // 12 not an image
                image("url1").with("model", "nano-banana-2").refs("http://x.test/a.png"), // 13 not https
                image("url2").with("model", "nano-banana-2").refs("https://x.test/a.png"), // 14 URL to useapi
                image("o1").with("output", "../escape.png"), // 15 output leaves
                image("o2").with("output", "hero.gif"), // 16 extension
                image("dup"),
                image("dup"), // 17 duplicate id
                image("w1").with("output", "same.png"),
                image("w2").with("output", "same.png"), // 18 same output
                image("v1").with("type", "video").with("model", "I2V-01").with("prompt", "x"), // 19 first frame missing
                image("s1").with("provider", "apixo").with("size", "100x100")); // 20 size range
        assertThat(validation.errors()).hasSize(20);
        assertThat(validation.errors())
                .extracting(Problem::format)
                .allMatch(line -> line.startsWith(TestSpecs.SOURCE + ":"));
        assertThat(validation.requests()).extracting(r -> r.id()).containsExactly("dup", "w1");
    }
}
