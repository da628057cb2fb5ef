package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A duplicate id is reported on the asset just added, even in a file read before the original's. */
class DuplicateIdTest {

    @TempDir
    Path project;

    private void spec(String name, String yaml) throws Exception {
        Path spec = project.resolve("src/main/assets").resolve(name);
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, yaml, StandardCharsets.UTF_8);
    }

    @Test
    void aDuplicateInAFileReadFirstIsReportedThereNamingTheLockedOriginal() throws Exception {
        spec("site.yaml", """
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild first = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());
        first.generate(first.validate(), false);
        spec("banner.yaml", """
                assets:
                  - {id: hero, provider: placeholder, model: nano-banana-2, prompt: a wide banner, output: b.png}
                """);
        AssetBuild second = new AssetBuild(BuildFixtures.placeholderConfig(project), BuildLog.silent());

        SpecErrorsException failure = catchThrowableOfType(second::validate, SpecErrorsException.class);

        assertThat(failure.errors())
                .singleElement()
                .satisfies(problem -> assertThat(problem.format())
                        .isEqualTo("src/main/assets/banner.yaml:2:10: [hero] id 'hero' is already used at"
                                + " src/main/assets/site.yaml:2:10; ids must be unique in the project"));
    }
}
