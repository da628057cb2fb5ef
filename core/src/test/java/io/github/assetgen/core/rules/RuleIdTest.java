package io.github.assetgen.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecReader;
import io.github.assetgen.core.specfile.SpecRuleId;
import io.github.assetgen.core.specfile.SpecSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule ids are stable names that reports can rely on: well formed, unique and documented. */
class RuleIdTest {

    private static final String GRAMMAR = "[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*";

    @TempDir
    Path project;

    @Test
    void everyIdReadsFamilyDotRuleInLowerCaseWithDashes() {
        assertThat(RuleId.allIds()).isNotEmpty().allMatch(id -> id.matches(GRAMMAR));
    }

    @Test
    void idsAreUniqueAndTheConstantNamesFollowThem() {
        List<String> ids = Stream.concat(
                        Arrays.stream(RuleId.values()).map(RuleId::id),
                        Arrays.stream(SpecRuleId.values()).map(SpecRuleId::id))
                .toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(RuleId.allIds().size());
        for (RuleId rule : RuleId.values()) {
            assertThat(rule.name()).isEqualTo(constantName(rule.id()));
        }
        for (SpecRuleId rule : SpecRuleId.values()) {
            assertThat("SPEC_" + rule.name()).isEqualTo(constantName(rule.id()));
        }
    }

    @Test
    void everyIdIsListedInTheJavadocOfItsEnum() throws IOException {
        String rules = javadoc("io/github/assetgen/core/rules/RuleId.java");
        String spec = javadoc("io/github/assetgen/core/specfile/SpecRuleId.java");
        for (RuleId rule : RuleId.values()) {
            assertThat(rules).as(rule.id()).contains("{@code " + rule.id() + "}");
        }
        for (SpecRuleId rule : SpecRuleId.values()) {
            assertThat(spec).as(rule.id()).contains("{@code " + rule.id() + "}");
        }
    }

    @Test
    void everyIdEmittedByTheReaderAndTheRuleBookIsADocumentedOne() throws IOException {
        Path specs = project.resolve("src/main/assets");
        Files.createDirectories(specs);
        Files.writeString(specs.resolve("a.yaml"), """
                defaults:
                  id: nope
                  flavour: mint
                assets:
                  - id: Hero
                    prompt: [x]
                    quantity: 1.5
                    references: [missing.png, ""]
                    output: ../hero.gif
                  - id: v
                    type: video
                    model: Veo-3.1
                    quality: high
                    aspectRatio: "5:4"
                  - id: v
                    model: T2V-01
                  - id: refs
                    model: nano-banana-2
                    prompt: p
                    references: [missing.png]
                  - prompt: p
                    account: me
                    provider: minimax
                    prompt: twice
                """, StandardCharsets.UTF_8);
        Files.writeString(specs.resolve("b.json"), "{\"assets\": [", StandardCharsets.UTF_8);
        SpecSet set = new SpecReader().read(specs, project);
        Validation validation = RuleBook.standard().validate(set.assets(), new ValidationContext(project, false));

        List<Problem> problems = Stream.concat(set.problems().stream(), validation.problems().stream())
                .toList();
        assertThat(problems)
                .extracting(Problem::ruleId)
                .allMatch(RuleId.allIds()::contains)
                .extracting(id -> id.substring(0, id.indexOf('.')))
                .contains("spec", "asset", "model", "prompt", "input", "output");
    }

    /** {@code model.unsupported-value} is the constant {@code MODEL_UNSUPPORTED_VALUE}. */
    private static String constantName(String id) {
        return id.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The class comment of a main source file (tests run in the module's folder). */
    private static String javadoc(String file) throws IOException {
        String source = Files.readString(Path.of("src/main/java").resolve(file));
        return source.substring(source.indexOf("/**"), source.indexOf("public enum"));
    }
}
