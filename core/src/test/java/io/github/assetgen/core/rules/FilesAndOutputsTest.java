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

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.specfile.Problem;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilesAndOutputsTest {

    @TempDir
    Path dir;

    private TestSpecs image(String id) {
        return asset(dir, id).with("model", "nano-banana-2").with("prompt", "p");
    }

    @Test
    void missingReferenceFileIsAnErrorNamingWhereItLooked() {
        singleError(
                "input.unreadable-file",
                "references",
                image("a").refs("refs/missing.png"),
                "references[0] 'refs/missing.png' does not exist",
                dir.resolve("refs/missing.png").toString());
    }

    @Test
    void missingFilesInsideTheProjectAreShownRelativeToIt() {
        var validation = io.github.assetgen.core.rules.RuleBook.standard()
                .validate(
                        java.util.List.of(image("a").refs("refs/missing.png").build()),
                        new ValidationContext(dir, false));
        assertThat(errors(validation))
                .containsExactly("references[0] 'refs/missing.png' does not exist (looked at "
                        + Path.of("refs", "missing.png") + ")");
        rules(validation.errors()).containsExactly(tuple("input.unreadable-file", "references"));
    }

    @Test
    void aPathNoFileSystemAcceptsIsAnErrorNotACrash() {
        // a "\0" escape in YAML, "\u0000" in JSON: Path.of threw InvalidPathException out of validation
        singleError(
                "input.unreadable-file",
                "references",
                image("a").refs("ref\u0000.png"),
                "references[0] 'ref?.png' is not a valid file path");
    }

    @Test
    void aReferenceOfGigabytesIsAnErrorWithoutReadingIt() throws Exception {
        Path big = dir.resolve("footage.png");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: no disk is used; reading it whole threw OutOfMemoryError
        }
        singleError("input.unreadable-file", "references", image("a").refs("footage.png"), "'footage.png' is 3072 MB");
    }

    @Test
    void directoryIsNotAFile() throws Exception {
        Files.createDirectories(dir.resolve("refs"));
        singleError("input.unreadable-file", "references", image("a").refs("refs"), "'refs' is not a file");
    }

    @Test
    void fileThatIsNotAnImageIsAnErrorWhateverItsName() {
        TestSpecs.write(dir, "fake.png", "<html>not a png</html>".getBytes());
        singleError(
                "input.not-an-image",
                "references",
                image("a").refs("fake.png"),
                "'fake.png' is not a PNG, JPEG or WebP image");
    }

    @Test
    void imageFileIsRecognisedByItsBytesNotItsName() {
        png(dir, "really-a-png.jpg", 4, 4);
        assertThat(request(image("a").refs("really-a-png.jpg"))
                        .references()
                        .get(0)
                        .mediaType())
                .isEqualTo("image/png");
    }

    @Test
    void referencesResolveAgainstTheSpecFilesFolder() {
        png(dir, "refs/a.png", 4, 4);
        var request = request(image("a").refs("refs/../refs/a.png"));
        assertThat(request.references().get(0).path())
                .isEqualTo(dir.resolve("refs/a.png").toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/a.png", "ftp://example.com/a.png"})
    void urlsMustBeHttps(String url) {
        singleError(
                "input.not-https",
                "references",
                asset(dir, "a").with("provider", "minimax").with("prompt", "p").refs(url),
                "is not an https URL");
    }

    @Test
    void useapiNeedsLocalFiles() {
        singleError(
                "input.url-not-accepted",
                "references",
                image("a").refs("https://example.com/a.png"),
                "is a URL, but useapi uploads local files only;" + " save the image in the project and give its path");
        singleError(
                "input.url-not-accepted",
                "firstFrame",
                asset(dir, "v")
                        .with("type", "video")
                        .with("model", "I2V-01")
                        .with("firstFrame", "https://example.com/a.png"),
                "firstFrame 'https://example.com/a.png' is a URL");
    }

    @Test
    void defaultOutputIsIdDotPng() {
        assertThat(request(image("hero")).outputs()).containsExactly("hero.png");
    }

    @Test
    void quantityExpandsOutputsWithNumberedStems() {
        assertThat(request(image("hero").with("quantity", 3).with("output", "img/hero.webp"))
                        .outputs())
                .containsExactly("img/hero-1.webp", "img/hero-2.webp", "img/hero-3.webp");
        assertThat(request(image("icon").with("quantity", 2)).outputs()).containsExactly("icon-1.png", "icon-2.png");
    }

    @ParameterizedTest
    @CsvSource({
        "img/hero.png, img/hero.png",
        "./img//hero.jpg, img/hero.jpg",
        "img/../hero.jpeg, hero.jpeg",
        "img\\\\hero.PNG, img/hero.PNG"
    })
    void outputsAreNormalised(String output, String expected) {
        assertThat(request(image("a").with("output", output)).outputs()).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "output.outside-directory, ../hero.png, leaves the output directory",
        "output.outside-directory, img/../../hero.png, leaves the output directory",
        "output.absolute, /tmp/hero.png, is absolute",
        "output.absolute, C:/hero.png, is absolute",
        "output.wrong-extension, hero.gif, must end in .png, .jpg, .jpeg, .webp",
        "output.wrong-extension, hero, must end in",
        "output.wrong-extension, img/.png, must end in",
        "output.empty, '  ', output is empty"
    })
    void outputsThatLeaveTheDirectoryOrHaveTheWrongExtensionAreErrors(String rule, String output, String fragment) {
        singleError(rule, "output", image("a").with("output", output), fragment);
    }

    @Test
    void duplicateIdsPointAtTheSecondAndNameTheFirst() {
        TestSpecs first = image("hero");
        TestSpecs second = image("hero").with("output", "other.png");
        var validation = validate(first, second);
        assertThat(validation.errors()).hasSize(1);
        Problem problem = validation.errors().get(0);
        assertThat(problem.position()).isEqualTo(second.at("id"));
        assertThat(problem).extracting(Problem::ruleId, Problem::field).containsExactly("asset.id-duplicate", "id");
        assertThat(problem.message())
                .isEqualTo("id 'hero' is already used at " + first.at("id") + "; ids must be unique in the project");
        assertThat(validation.requests()).hasSize(1);
    }

    @Test
    void aDuplicateAddedBeforeTheLockedOriginalIsTheOneReported() {
        TestSpecs added = image("hero").with("prompt", "a new idea").with("output", "other.png");
        TestSpecs original = image("hero");
        String lockedKey = CacheKey.of(request(original));

        Validation validation = RuleBook.standard()
                .validate(
                        List.of(added.build(), original.build()),
                        new ValidationContext(Path.of("."), false, null, Map.of("hero", lockedKey)));

        assertThat(validation.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.position()).isEqualTo(added.at("id"));
            assertThat(problem.message())
                    .isEqualTo("id 'hero' is already used at " + original.at("id")
                            + "; ids must be unique in the project");
        });
        assertThat(validation.requests())
                .singleElement()
                .satisfies(r -> assertThat(CacheKey.of(r)).isEqualTo(lockedKey));
    }

    @Test
    void twoAssetsWritingTheSameFileIsAnErrorAfterExpansion() {
        TestSpecs many = image("many").with("quantity", 2).with("output", "x.png");
        TestSpecs clash = image("clash").with("output", "X-2.png");
        var validation = validate(many, clash);
        assertThat(errors(validation))
                .containsExactly("output 'X-2.png' is also written by asset 'many' (" + many.at("output")
                        + "); give one of them another output");
        rules(validation.errors()).containsExactly(tuple("output.collision", "output"));
        assertThat(validation.errors().get(0).position()).isEqualTo(clash.at("output"));
        assertThat(validation.requests()).extracting(r -> r.id()).containsExactly("many");
    }

    @Test
    void anOutputThatIsAnotherAssetsFolderIsACollisionFoundBeforeAnythingIsBought() {
        // both were bought, then one could never be written: "hero.png: Is a directory" in every build
        TestSpecs file = image("hero").with("output", "hero.png");
        TestSpecs inside = image("detail").with("output", "Hero.png/detail.png");

        for (var validation : List.of(validate(file, inside), validate(inside, file))) {
            assertThat(errors(validation))
                    .singleElement()
                    .asString()
                    .contains("both need '")
                    .contains("one as a file and one as a folder");
            rules(validation.errors()).containsExactly(tuple("output.collision", "output"));
            assertThat(validation.requests()).hasSize(1);
        }
        assertThat(validate(image("a").with("output", "img/a.png"), image("b").with("output", "img/b.png"))
                        .hasErrors())
                .as("a folder two outputs share is no collision")
                .isFalse();
        // a lower case longer than the name ('İ' is two characters) must not shift the folder named
        var dotted =
                validate(image("c").with("output", "İİİİİİİİ.png"), image("d").with("output", "İİİİİİİİ.png/d.png"));
        assertThat(errors(dotted)).singleElement().asString().contains("both need 'İİİİİİİİ.png', one as a file");
    }

    @Test
    void differentOutputsDoNotClash() {
        assertThat(validate(image("a").with("output", "x.png"), image("b").with("output", "x.jpg"))
                        .hasErrors())
                .isFalse();
    }
}
