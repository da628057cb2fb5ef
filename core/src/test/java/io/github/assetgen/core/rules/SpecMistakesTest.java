package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static io.github.assetgen.core.rules.TestSpecs.errors;
import static io.github.assetgen.core.rules.TestSpecs.png;
import static io.github.assetgen.core.rules.TestSpecs.request;
import static io.github.assetgen.core.rules.TestSpecs.rules;
import static io.github.assetgen.core.rules.TestSpecs.singleError;
import static io.github.assetgen.core.rules.TestSpecs.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.assetgen.core.specfile.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ordinary spec mistakes that used to pass validation and then break (or stall) every build. */
class SpecMistakesTest {

    @TempDir
    Path dir;

    private TestSpecs image(String id) {
        return asset(dir, id).with("model", "nano-banana-2").with("prompt", "p");
    }

    private TestSpecs placeholder(String id) {
        return asset(dir, id).with("provider", "placeholder").with("prompt", "p");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a:b.png",
                "img/x:y.png",
                "x<y.png",
                "x>y.png",
                "x\"y.png",
                "x|y.png",
                "x?.png",
                "x*.png",
                "x\ty.png",
                "x\u0001.png",
                "dir./x.png",
                "dir /x.png",
                "nul.png",
                "img/COM1.png"
            })
    void anOutputNameNoWindowsFileCanHoldIsAnError(String output) {
        Problem problem = singleError(image("a").with("output", output), "output '");
        assertThat(problem.ruleId()).isIn("output.invalid-character", "output.absolute");
        assertThat(problem.field()).isEqualTo("output");
        assertThat(problem.message()).doesNotContain("\t").doesNotContain("\u0001");
    }

    @Test
    void aColonInsideAnOutputPathNamesTheCharacter() {
        singleError(
                "output.invalid-character",
                "output",
                image("a").with("output", "img/hero:v2.png"),
                "output 'img/hero:v2.png' contains the character ':'",
                "rename it");
    }

    @Test
    void anIdThatWindowsReservesIsAnErrorForItsDefaultOutput() {
        singleError("output.invalid-character", "output", image("nul"), "'nul.png'", "reserves for a device");
    }

    @Test
    void aWebpOutputOfThePlaceholderCollidesWithThePngItIsWrittenAs() {
        Validation validation = validate(
                placeholder("a").with("output", "x.webp"), placeholder("b").with("output", "x.png"));

        assertThat(errors(validation))
                .singleElement()
                .asString()
                .contains("output 'x.png' is also written by asset 'a' as 'x.webp'");
        rules(validation.errors()).containsExactly(tuple("output.collision", "output"));
    }

    @Test
    void aWebpOutputCollidesWithAPngWhenPlaceholdersRenderEverything() {
        Validation validation =
                validate(true, image("a").with("output", "x.png"), image("b").with("output", "x.webp"));

        assertThat(errors(validation))
                .singleElement()
                .asString()
                .contains("output 'x.webp' (written as 'x.png', since the placeholder renders PNG)")
                .contains("is also written by asset 'a'");
    }

    @Test
    void aWebpAndAPngOfARealProviderAreLeftToTheRunner() {
        Validation validation =
                validate(image("a").with("output", "x.png"), image("b").with("output", "x.webp"));

        assertThat(errors(validation)).isEmpty();
    }

    @Test
    void aHugeQuantityForThePlaceholderIsOutOfRangeAndNamesNoFiles() {
        Problem problem = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> singleError(placeholder("a").with("quantity", 2_000_000_000), "quantity"));

        assertThat(problem.ruleId()).isEqualTo("model.out-of-range");
        assertThat(problem.message())
                .isEqualTo("quantity 2000000000 is out of range for the placeholder provider (supported: 1 to 16)");
    }

    @Test
    void thePlaceholderUsesTheNamedModelsQuantityRange() {
        singleError(
                "model.out-of-range",
                "quantity",
                placeholder("a").with("model", "nano-banana-2").with("quantity", 5),
                "quantity 5 is out of range for nano-banana-2 on the placeholder (supported: 1 to 4)");
    }

    @Test
    void aHugeQuantityForARealModelIsOneErrorAndNamesNoFiles() {
        Problem problem = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> singleError(image("a").with("quantity", 2_000_000_000), "quantity"));

        assertThat(problem.ruleId()).isEqualTo("model.out-of-range");
    }

    @Test
    void aPlaceholderQuantityInRangeStillExpandsTheOutputs() {
        assertThat(request(placeholder("a").with("quantity", 3)).outputs())
                .containsExactly("a-1.png", "a-2.png", "a-3.png");
    }

    @Test
    void aSeedBeyondSixtyFourBitsIsOutOfRangeForThePlaceholder() {
        singleError(
                "model.out-of-range",
                "seed",
                placeholder("a").with("seed", new java.math.BigInteger("123456789012345678901234567890")),
                "seed 123456789012345678901234567890 is out of range for the placeholder provider");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999x999999", "0x512", "9000x10"})
    void aPlaceholderSizeBeyondWhatItRendersIsOutOfRange(String size) {
        singleError("model.out-of-range", "size", placeholder("a").with("size", size), "size '" + size + "'");
    }

    @Test
    void aMalformedPlaceholderSizeIsAnError() {
        singleError("model.malformed-size", "size", placeholder("a").with("size", "big"), "size 'big'");
    }

    @Test
    void aReferenceLinkedOutsideTheProjectRootIsRefused(@TempDir Path elsewhere) throws IOException {
        Path outside = png(elsewhere, "secret.png", 4, 4);
        try {
            Files.createSymbolicLink(dir.resolve("ref.png"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links are supported").isTrue();
        }
        Validation validation = RuleBook.standard()
                .validate(List.of(image("a").refs("ref.png").build()), new ValidationContext(dir, false, dir));

        assertThat(errors(validation))
                .singleElement()
                .asString()
                .startsWith("references[0] 'ref.png' resolves to " + outside.toRealPath())
                .contains("outside the project root")
                .contains("copy the file into the project instead of linking to it");
        rules(validation.errors()).containsExactly(tuple("input.outside-root", "references"));
    }

    @Test
    void aReferenceGivenAsAPathOutsideTheProjectRootIsRefused(@TempDir Path elsewhere) {
        png(elsewhere, "other.png", 4, 4);
        Path relative = dir.relativize(elsewhere.resolve("other.png"));
        Validation validation = RuleBook.standard()
                .validate(
                        List.of(image("a").refs(relative.toString()).build()), new ValidationContext(dir, false, dir));

        rules(validation.errors()).containsExactly(tuple("input.outside-root", "references"));
    }

    @Test
    void aReferenceInsideTheProjectRootIsAccepted() {
        png(dir, "refs/ok.png", 4, 4);
        Validation validation = RuleBook.standard()
                .validate(List.of(image("a").refs("refs/ok.png").build()), new ValidationContext(dir, false, dir));

        assertThat(errors(validation)).isEmpty();
    }
}
