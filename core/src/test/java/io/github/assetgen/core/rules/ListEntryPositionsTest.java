package io.github.assetgen.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecReader;
import io.github.assetgen.core.specfile.SpecSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem with one entry of a list points at that entry in the file, not at the list's key. */
class ListEntryPositionsTest {

    @TempDir
    Path project;

    private Path specs;

    @BeforeEach
    void referenceFiles() {
        specs = project.resolve("src/main/assets");
        TestSpecs.png(specs, "refs/ok.png", 4, 4);
        TestSpecs.write(specs, "notes.txt", "not an image".getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(String name, String content) throws IOException {
        Files.writeString(specs.resolve(name), content, StandardCharsets.UTF_8);
        SpecSet set = new SpecReader().read(specs, project);
        assertThat(set.problems()).isEmpty();
        Validation validation = RuleBook.standard().validate(set.assets(), new ValidationContext(project, false));
        return validation.problems().stream()
                .sorted(Problem.BY_POSITION)
                .map(Problem::format)
                .toList();
    }

    private static String lookedAt(String file) {
        return " (looked at " + Path.of("src/main/assets", file) + ")";
    }

    @Test
    void eachBadReferenceInAYamlFileIsReportedAtItsOwnLineAndColumn() throws IOException {
        List<String> problems = problems("site.yaml", """
                defaults:
                  model: nano-banana-2
                  references:
                    - refs/ok.png
                    - refs/gone.png
                assets:
                  - id: hero
                    prompt: a lighthouse
                    references:
                      - refs/ok.png
                      - refs/missing.png
                      - notes.txt
                      - https://cdn.example/style.png
                      - ""
                      - 42
                  - id: flow
                    prompt: a harbour
                    references: [refs/ok.png,  "refs/missing.png"]
                  - id: inherits
                    prompt: a boat
                """);

        String file = "src/main/assets/site.yaml:";
        assertThat(problems)
                .containsExactly(
                        file + "5:7: [inherits] references[1] 'refs/gone.png' does not exist"
                                + lookedAt("refs/gone.png"),
                        file + "11:9: [hero] references[1] 'refs/missing.png' does not exist"
                                + lookedAt("refs/missing.png"),
                        file + "12:9: [hero] references[2] 'notes.txt' is not a PNG, JPEG or WebP image; convert it or"
                                + " choose another file",
                        file + "13:9: [hero] references[3] 'https://cdn.example/style.png' is a URL, but useapi uploads"
                                + " local files only; save the image in the project and give its path",
                        file + "14:9: [hero] references[4] is empty; give a file path or an https URL",
                        file + "15:9: [hero] references[5] is 42; give a file path or an https URL",
                        file + "18:32: [flow] references[1] 'refs/missing.png' does not exist"
                                + lookedAt("refs/missing.png"));
    }

    @Test
    void eachBadEntryInAJsonFileIsReportedAtItsOwnLineAndColumn() throws IOException {
        List<String> problems = problems("site.json", """
                {
                  "assets": [
                    {
                      "id": "hero",
                      "model": "nano-banana-2",
                      "prompt": "a lighthouse",
                      "references": [
                        "refs/ok.png",
                        "https://cdn.example/style.png",
                        "refs/missing.png"
                      ]
                    },
                    {
                      "id": "clip",
                      "type": "video",
                      "model": "Sora-2",
                      "firstFrame": "refs/ok.png"
                    },
                    {"id": "subjects", "type": "video", "model": "Veo-3.1-S2V", "firstFrame": "refs/ok.png",
                     "references": ["refs/ok.png", "notes.txt"]}
                  ]
                }
                """);

        String file = "src/main/assets/site.json:";
        assertThat(problems)
                .containsExactly(
                        file + "9:9: [hero] references[1] 'https://cdn.example/style.png' is a URL, but useapi uploads"
                                + " local files only; save the image in the project and give its path",
                        file + "10:9: [hero] references[2] 'refs/missing.png' does not exist"
                                + lookedAt("refs/missing.png"),
                        file
                                + "17:21: [clip] firstFrame of Sora-2 must be exactly 1280x720 or 720x1280 pixels (it is 4x4);"
                                + " resize the image",
                        file
                                + "20:36: [subjects] references[1] 'notes.txt' is not a PNG, JPEG or WebP image; convert it or"
                                + " choose another file");
    }

    @Test
    void aLocalReferenceGivenToApixoIsReportedAtTheEntry() throws IOException {
        List<String> problems = problems("apixo.yaml", """
                assets:
                  - id: panda
                    provider: apixo
                    prompt: a panda
                    references:
                      - refs/ok.png
                """);

        assertThat(problems)
                .containsExactly("src/main/assets/apixo.yaml:6:9: [panda] references[0] 'refs/ok.png' is"
                        + " a local file, but apixo takes only https URLs; publish the image and give its https URL");
    }
}
