package io.github.assetgen.core.specfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usual mistakes in a spec file are told at their line and column, with the fix, in the author's terms. */
class ParseMistakesTest {

    @TempDir
    Path project;

    /** The one problem of a spec file with this content, formatted as the build prints it. */
    private String problemOf(String name, String content) throws IOException {
        Path file = project.resolve("src/main/assets").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        SpecSet set = new SpecReader().read(project.resolve("src/main/assets"), project);
        assertThat(set.problems()).hasSize(1);
        assertThat(set.problems().get(0).ruleId()).isEqualTo("spec.malformed");
        return set.problems().get(0).format();
    }

    @Test
    void aDeIndentedKeyIsToldWhereToIndentItWithoutAnyQuestionMark() throws IOException {
        String problem = problemOf("a.yaml", "assets:\n  - id: hero\n    prompt: \"A lighthouse\"\n  output: x.png\n");

        assertThat(problem)
                .isEqualTo("src/main/assets/a.yaml:4:3: malformed YAML: this line starts at column 3, where the"
                        + " list's '- ' items start, but it is no item; indent it to column 5 to keep it with the"
                        + " fields above it (line 3), or start a new item with '- '")
                .doesNotContain("?");
    }

    @Test
    void aKeyBetweenTwoLevelsIsToldBothColumnsItCouldMeant() throws IOException {
        assertThat(problemOf("a.yaml", "defaults:\n  provider: useapi\n model: nano-banana-2\nassets: []\n"))
                .isEqualTo("src/main/assets/a.yaml:3:2: malformed YAML: this line starts at column 2, which lines"
                        + " up with no key above it; indent it to column 3 to keep it with the fields above it (line"
                        + " 2), or to column 1 for a field one level up");
    }

    @Test
    void anOverIndentedKeyIsToldToLineUpWithTheKeyAbove() throws IOException {
        String quoted = problemOf("a.yaml", "assets:\n  - id: hero\n    prompt: \"A\"\n      output: x.png\n");
        String plain = problemOf("a.yaml", "assets:\n  - id: hero\n    prompt: A\n      output: x.png\n");

        String expected = "src/main/assets/a.yaml:4:7: malformed YAML: this line starts at column 7, indented more"
                + " than the key above it (line 3, column 5), which already has a value; move it to column 5 to"
                + " make it a field beside that key";
        assertThat(quoted).isEqualTo(expected);
        assertThat(plain).isEqualTo(expected);
    }

    @Test
    void anOverIndentedListItemIsToldTheColumnOfTheOtherItems() throws IOException {
        assertThat(problemOf("a.yaml", "assets:\n  - id: hero\n    prompt: A\n   - id: two\n"))
                .isEqualTo("src/main/assets/a.yaml:4:4: malformed YAML: this line starts at column 4, but the '- '"
                        + " items of the list above start at column 3; move it to column 3");
    }

    @Test
    void anUnquotedColonInAValueIsToldToQuoteTheValue() throws IOException {
        assertThat(problemOf("a.yaml", "assets:\n  - id: hero\n    prompt: Title: subtitle\n"))
                .isEqualTo("src/main/assets/a.yaml:3:18: malformed YAML: a value holding ': ' must be in quotes:"
                        + " YAML reads this ': ' as a second key on the line; put the whole value in double quotes");
    }

    @Test
    void tabIndentationIsToldToUseSpaces() throws IOException {
        assertThat(problemOf("a.yaml", "assets:\n  - id: hero\n\tprompt: x\n"))
                .isEqualTo("src/main/assets/a.yaml:3:1: malformed YAML: a tab character cannot be used for"
                        + " indentation; indent with spaces");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() throws IOException {
        assertThat(problemOf("a.yaml", "assets:\n  - id: hero\n    prompt: 'A lighthouse\n    output: x.png\n"))
                .isEqualTo("src/main/assets/a.yaml:3:13: malformed YAML: the quote ' opened here is never closed,"
                        + " so the value runs on to the end of the file; end the value with ' on the same line");
    }

    @Test
    void anUnclosedYamlBracketIsReportedWhereItOpens() throws IOException {
        assertThat(problemOf("a.yaml", "assets:\n  - id: hero\n    references: [a.png, b.png\n    output: x.png\n"))
                .isEqualTo("src/main/assets/a.yaml:3:17: malformed YAML: the '[' opened here is not closed before"
                        + " line 4, column 11; close it with ']' on the same line, or write the list as lines"
                        + " starting with '- '");
    }

    @Test
    void aTrailingCommaInJsonPointsAtTheComma() throws IOException {
        assertThat(problemOf("a.json", "{\n  \"assets\": [\n    {\"id\": \"hero\", \"prompt\": \"A\"},\n  ]\n}\n"))
                .isEqualTo("src/main/assets/a.json:3:34: malformed JSON: a comma before ']': JSON allows no comma"
                        + " after the last entry; remove it");
    }

    @Test
    void anUnclosedJsonStringIsToldToCloseIt() throws IOException {
        assertThat(problemOf("a.json", "{\n  \"assets\": [\n    {\"id\": \"hero\", \"prompt\": \"A}\n  ]\n}\n"))
                .isEqualTo("src/main/assets/a.json:3:33: malformed JSON: a string is not closed before the end of"
                        + " the line; add the closing '\"' (a JSON string cannot span lines: write \\n for a line"
                        + " break)");
    }

    @Test
    void anUnclosedJsonBracketIsToldWhichOneAndWhereItOpened() throws IOException {
        assertThat(problemOf("a.json", "{\n  \"assets\": [\n    {\"id\": \"hero\", \"prompt\": \"A\"}\n\n}\n"))
                .isEqualTo("src/main/assets/a.json:5:1: malformed JSON: this '}' comes while the '[' opened at line"
                        + " 2, column 13 is still open; add ']' before it");
    }

    @Test
    void anUnquotedJsonKeyIsToldToQuoteIt() throws IOException {
        assertThat(problemOf("a.json", "{\n  \"assets\": [\n    {\"id\": \"hero\", prompt: \"A\"}\n  ]\n}\n"))
                .isEqualTo("src/main/assets/a.json:3:20: malformed JSON: a key must be in double quotes in JSON,"
                        + " like \"prompt\": (single quotes are not JSON)");
    }

    @Test
    void aMissingJsonCommaIsToldToAddIt() throws IOException {
        assertThat(problemOf("a.json", "{\n  \"assets\": [\n    {\"id\": \"hero\" \"prompt\": \"A\"}\n  ]\n}\n"))
                .isEqualTo("src/main/assets/a.json:3:19: malformed JSON: a comma is missing before this entry; add"
                        + " ',' after the value before it");
    }

    @Test
    void theRephrasingNeverEchoesTheFilesText() throws IOException {
        // a secret saved by mistake as a spec must not reach the build log
        String problem = problemOf("a.yaml", "token: not-a-real-secret\n  other: not-a-real-secret-either: x\n");

        assertThat(problem).doesNotContain("not-a-real");
    }
}
