package io.github.assetgen.core.specfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.assetgen.core.rules.RuleBook;
import io.github.assetgen.core.rules.RuleId;
import io.github.assetgen.core.rules.Validation;
import io.github.assetgen.core.rules.ValidationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as a spec file, YAML or JSON, through the reader and the rule book: problems come
 * out, never an exception, and a parse error never repeats a long run of the file's text. The
 * seeds are in {@code SpecReaderFuzzTestInputs}; {@code mvn verify} replays them, the {@code fuzz}
 * profile (JAZZER_FUZZ=1) mutates them for a bounded time.
 */
class SpecReaderFuzzTest {

    /** A project folder for the rule book: references resolve (and are confined) here. */
    private static final Path PROJECT = project();

    /** Long enough that no message wording matches by chance, short enough to catch a token. */
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9_]{16,}");

    @FuzzTest(maxDuration = "8s")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void yamlSpecsGiveProblemsNotExceptions(byte[] data) {
        check(data, "site.yaml");
    }

    @FuzzTest(maxDuration = "8s")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void jsonSpecsGiveProblemsNotExceptions(byte[] data) {
        check(data, "site.json");
    }

    /**
     * Any text the plain-YAML shortcut reads, the general parser reads into the same tree (see
     * {@code PlainYamlAgreesWithTheFullParserTest}): a difference would change a cache key.
     */
    @FuzzTest(maxDuration = "8s")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void plainYamlReadsAsTheGeneralParserReads(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        java.util.Optional<LocatedNode> plain = PlainYaml.read(text, "site.yaml");
        if (plain.isPresent()) {
            SpecFileParser.Parsed full = new SpecFileParser().parseInFull(text, true, "site.yaml");
            assertThat(full.problem()).as(text).isEmpty();
            assertThat(full.root()).as(text).contains(plain.get());
        }
    }

    private static void check(byte[] data, String name) {
        List<AssetSpec> assets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Path file = PROJECT.resolve("src/main/assets").resolve(name);
        SpecReader.readBytes(data, file, "src/main/assets/" + name, assets, problems);
        Validation validation = RuleBook.standard().validate(assets, new ValidationContext(PROJECT, false, PROJECT));

        assertThat(problems).extracting(Problem::ruleId).allMatch(RuleId.allIds()::contains);
        assertThat(validation.problems()).extracting(Problem::ruleId).allMatch(RuleId.allIds()::contains);
        String text = new String(data, StandardCharsets.UTF_8);
        for (Problem problem : problems) {
            if (problem.ruleId().equals(SpecRuleId.MALFORMED.id())) {
                Matcher run = RUN.matcher(problem.message());
                while (run.find()) {
                    assertThat(text).as(problem.message()).doesNotContain(run.group());
                }
            }
        }
    }

    private static Path project() {
        try {
            Path dir = Files.createTempDirectory("assetgen-fuzz");
            Files.createDirectories(dir.resolve("src/main/assets"));
            dir.toFile().deleteOnExit();
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
