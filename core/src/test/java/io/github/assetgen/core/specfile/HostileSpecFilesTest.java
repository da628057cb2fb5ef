package io.github.assetgen.core.specfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec files that are not what they claim: links out of the project, token files, garbage. */
class HostileSpecFilesTest {

    private static final String TOKEN = "not_a_real_token_only_for_tests";

    @TempDir
    Path project;

    @TempDir
    Path elsewhere;

    private final SpecReader reader = new SpecReader();

    private Path specs() throws IOException {
        return Files.createDirectories(project.resolve("src/main/assets"));
    }

    private SpecSet read(String name, String content) throws IOException {
        Files.writeString(specs().resolve(name), content, StandardCharsets.UTF_8);
        return reader.read(specs(), project, project);
    }

    private static List<String> formatted(SpecSet set) {
        return set.problems().stream().map(Problem::format).toList();
    }

    private void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links are supported").isTrue();
        }
    }

    @Test
    void aSpecLinkedToAFileOutsideTheProjectRootIsNotRead() throws IOException {
        Path token = Files.writeString(elsewhere.resolve("token.json"), TOKEN + "\n");
        link(specs().resolve("site.json"), token);

        SpecSet set = reader.read(specs(), project, project);

        assertThat(set.assets()).isEmpty();
        assertThat(set.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.ruleId()).isEqualTo("spec.outside-root");
            assertThat(problem.isError()).isTrue();
            assertThat(problem.format())
                    .startsWith("src/main/assets/site.json:1:1: the file resolves to ")
                    .contains("outside the project root")
                    .contains("copy the file in instead of linking to it")
                    .doesNotContain(TOKEN);
        });
    }

    @Test
    void aSpecLinkedToAFileInsideTheProjectRootIsRead() throws IOException {
        Path shared = Files.writeString(
                Files.createDirectories(project.resolve("shared")).resolve("a.yaml"), "assets:\n  - id: shared\n");
        link(specs().resolve("a.yaml"), shared);

        SpecSet set = reader.read(specs(), project, project);

        assertThat(set.problems()).isEmpty();
        assertThat(set.assets()).extracting(AssetSpec::id).containsExactly("shared");
    }

    @Test
    void aSpecDirectoryLinkedOutsideTheRootIsRefusedFileByFile() throws IOException {
        Files.writeString(elsewhere.resolve("a.yaml"), "assets:\n  - id: a\n");
        link(specs().resolve("linked"), elsewhere);

        SpecSet set = reader.read(specs(), project, project);

        assertThat(set.assets()).isEmpty();
        assertThat(set.problems()).extracting(Problem::ruleId).containsExactly("spec.outside-root");
    }

    @Test
    void aTokenSavedAsJsonIsNotPrintedInTheParseError() throws IOException {
        SpecSet set = read("token.json", TOKEN + "\n");

        assertThat(formatted(set))
                .containsExactly("src/main/assets/token.json:1:1: malformed JSON: unrecognized token: was expecting"
                        + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void aTokenInABrokenJsonValueIsNotPrinted() throws IOException {
        SpecSet set = read("a.json", "{\"assets\": [" + TOKEN + "]}");

        assertThat(formatted(set))
                .singleElement()
                .asString()
                .doesNotContain(TOKEN)
                .doesNotContain("SECRET");
    }

    @Test
    void yamlParseErrorsNameThePositionNotTheContent() throws IOException {
        List<String> hostile = List.of(
                "assets:\n  - id: a\n    prompt: !<" + TOKEN + "> x\n",
                "assets:\n  - !" + TOKEN + "!x a\n",
                "a: \"\\x" + TOKEN + "\"\n",
                "a: \"\\U" + TOKEN + "\"\n",
                "%" + TOKEN + " x\n---\na: b\n",
                "a: *" + TOKEN + "\n",
                "a: '" + TOKEN + "\n",
                "a: b: " + TOKEN + "\n",
                "[" + TOKEN + "\n",
                "{" + TOKEN + ": [\n",
                "- " + TOKEN + "\n x: y\n");
        for (String content : hostile) {
            SpecSet set = read("a.yaml", content);
            assertThat(formatted(set)).as(content).noneMatch(line -> line.contains("SECRET"));
        }
    }

    @Test
    void scrubKeepsSingleCharactersAndTokenKindsButNotQuotedText() {
        assertThat(SpecFileParser.scrub("found character '@' that cannot start any token"))
                .isEqualTo("found character '@' that cannot start any token");
        assertThat(SpecFileParser.scrub("expected <block end>, but found '<scalar>'"))
                .isEqualTo("expected <block end>, but found '<scalar>'");
        assertThat(SpecFileParser.scrub("Numeric value (" + TOKEN + ") out of range of int"))
                .isEqualTo("Numeric value out of range of int");
        assertThat(SpecFileParser.scrub("found undefined tag handle !" + TOKEN + "!"))
                .isEqualTo("found undefined tag handle (see the position)");
        assertThat(SpecFileParser.scrub("unexpected '" + TOKEN + "' here"))
                .isEqualTo("unexpected (see the position) here");
    }
}
