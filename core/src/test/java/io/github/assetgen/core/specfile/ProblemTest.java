package io.github.assetgen.core.specfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemIsOneLineWhateverItsFileOrKeyHolds() {
        // a spec file (or a quoted key) named with a line break must not start a line of its own
        Problem problem = Problem.error(
                "spec.unknown-field",
                "a\n::warning title=Injected::key",
                new Position("src/main/assets/site\n::warning title=Injected::see.yaml", 5, 5),
                "hero",
                "unknown field 'a\n::warning title=Injected::key'\u0007");

        assertThat(problem.format())
                .doesNotContain("\n", "\u0007")
                .isEqualTo("src/main/assets/site\\n::warning title=Injected::see.yaml:5:5: [hero] unknown field"
                        + " 'a\\n::warning title=Injected::key'\\u0007");
    }
}
