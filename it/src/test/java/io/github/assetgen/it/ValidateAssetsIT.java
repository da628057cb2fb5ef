package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code mvn validate-assets}: all errors at once, one line each, no stack trace, nothing sent. */
class ValidateAssetsIT extends ItSupport {

    /** {@code path:line:col: [id] message} as the contract writes it. */
    private static final Pattern ERROR_LINE =
            Pattern.compile("src/main/assets/[\\w./-]+:\\d+:\\d+: (\\[[^\\]]*\\] )?\\S.*");

    @Test
    void aValidProjectPassesOfflineAndSendsNothing() {
        MavenBuild build = prepare("generate");

        BuildResult result = build.run(fakes.args("-o", VALIDATE));

        result.assertSuccess();
        assertThat(result.stackTraceLines()).isEmpty();
        assertThat(result.lines()).noneMatch(l -> ERROR_LINE.matcher(l).find());
        assertThat(fakes.requests()).isZero();
        assertThat(build.outputDir()).doesNotExist();
    }

    @Test
    void errorsAcrossSeveralFilesAreAllReportedOneLineEachWithoutAStackTrace() {
        MavenBuild build = prepare("validate-errors");

        BuildResult result = build.run(fakes.args(VALIDATE));

        result.assertFailure();
        assertThat(result.stackTraceLines()).as("stack trace lines").isEmpty();
        List<String> errors = result.lines().stream()
                .filter(l -> ERROR_LINE.matcher(l).find())
                .toList();
        assertThat(errors)
                .as("error lines")
                .anySatisfy(l -> assertThat(l)
                        .containsPattern("src/main/assets/a\\.yaml:6:\\d+: \\[hero\\] .*promt")
                        .contains("prompt"));
        assertThat(errors)
                .anySatisfy(l -> assertThat(l).containsPattern("src/main/assets/a\\.yaml:10:\\d+: \\[banner\\] .*8K"));
        assertThat(errors)
                .anySatisfy(
                        l -> assertThat(l)
                                .containsPattern(
                                        "src/main/assets/[ab]\\.yaml:\\d+:\\d+: \\[hero\\] id 'hero' is already used at src/main/assets/[ab]\\.yaml"));
        assertThat(errors)
                .anySatisfy(l -> assertThat(l).containsPattern("src/main/assets/b\\.yaml:10:\\d+: \\[escape\\] "));
        assertThat(errors)
                .anySatisfy(l -> assertThat(l)
                        .containsPattern("src/main/assets/b\\.yaml:15:\\d+: \\[styled\\] .*missing\\.png"));
        assertThat(errors).anySatisfy(l -> assertThat(l).containsPattern("src/main/assets/c\\.json:3:\\d+: "));
        assertThat(fakes.requests()).isZero();
        // a CI server's junit step finds this build's spec errors, one failing test case each
        assertThat(build.file("target/assetgen/TEST-assetgen.xml"))
                .content()
                .contains("failures=\"" + errors.size() + "\"")
                .contains("<testcase classname=\"src/main/assets/a.yaml\" name=\"hero ")
                .contains("<testcase classname=\"src/main/assets/b.yaml\" name=\"styled ");
        assertThat(build.file("target/assetgen/report.json")).content().contains("\"failure\"");
    }
}
