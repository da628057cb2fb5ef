package io.github.assetgen.core.specfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {

    @TempDir
    Path project;

    private static final Set<String> SPEC_IDS =
            Arrays.stream(SpecRuleId.values()).map(SpecRuleId::id).collect(Collectors.toSet());

    private final SpecReader reader = new SpecReader();

    private Path specs() {
        return project.resolve("src/main/assets");
    }

    private Path write(String relative, String content) throws IOException {
        Path file = specs().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private SpecSet read() {
        return reader.read(specs(), project);
    }

    private static List<String> formatted(SpecSet set) {
        return set.problems().stream().map(Problem::format).toList();
    }

    /** The rule id and field of each problem, in order; every id is one of the documented ones. */
    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> rules(SpecSet set) {
        assertThat(set.problems()).extracting(Problem::ruleId).allMatch(SPEC_IDS::contains);
        return assertThat(set.problems()).extracting(Problem::ruleId, Problem::field);
    }

    private static AssetSpec only(SpecSet set) {
        assertThat(set.assets()).hasSize(1);
        return set.assets().get(0);
    }

    // --- many files ---

    @Test
    void manyFilesReadOnSeveralThreadsKeepTheirAssetsInTheOrderOfTheWalk() throws IOException {
        List<String> expected = new java.util.ArrayList<>();
        for (int f = 1; f <= 40; f++) {
            StringBuilder yaml = new StringBuilder("assets:\n");
            for (int a = 1; a <= 25; a++) {
                String id = String.format("f%02d-a%02d", f, a);
                yaml.append("  - {id: ").append(id).append(", prompt: \"x\"}\n");
                expected.add(id);
            }
            // one unknown key per file, so each file also contributes a problem
            yaml.append("  - {id: f").append(String.format("%02d", f)).append("-z, promt: \"x\"}\n");
            expected.add(String.format("f%02d-z", f));
            write(String.format("part-%02d.yaml", f), yaml.toString());
        }

        SpecSet set = read();

        assertThat(set.assets()).extracting(AssetSpec::id).containsExactlyElementsOf(expected);
        assertThat(set.problems()).hasSize(40);
        assertThat(set.problems())
                .extracting(p -> p.position().source())
                .isSorted()
                .doesNotHaveDuplicates();
    }

    // --- positions ---

    @Test
    void yamlValuesKeepTheLineAndColumnWhereTheyStart() throws IOException {
        Path file = write("site.yaml", """
                defaults:
                  provider: useapi
                assets:
                  - id: hero
                    prompt: "A lighthouse"
                    references:
                      - a.png
                    seed: 42
                """);

        SpecSet set = read();

        assertThat(set.problems()).isEmpty();
        AssetSpec hero = only(set);
        assertThat(hero.id()).isEqualTo("hero");
        assertThat(hero.specFile()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(hero.position()).isEqualTo(new Position("src/main/assets/site.yaml", 4, 5));
        assertThat(hero.positionOf("id")).hasToString("src/main/assets/site.yaml:4:9");
        assertThat(hero.positionOf("prompt")).hasToString("src/main/assets/site.yaml:5:13");
        assertThat(hero.positionOf("references")).hasToString("src/main/assets/site.yaml:6:5");
        assertThat(hero.positionOf("seed")).hasToString("src/main/assets/site.yaml:8:11");
        assertThat(hero.positionOf("provider")).hasToString("src/main/assets/site.yaml:2:13");
        assertThat(hero.field("references").orElseThrow().positionOf(0)).hasToString("src/main/assets/site.yaml:7:9");
    }

    @Test
    void jsonValuesKeepTheLineAndColumnWhereTheyStart() throws IOException {
        write("site.json", """
                {
                  "assets": [
                    {
                      "id": "hero",
                      "seed": 42,
                      "references": ["a.png"]
                    }
                  ]
                }
                """);

        AssetSpec hero = only(read());

        assertThat(hero.position()).hasToString("src/main/assets/site.json:3:5");
        assertThat(hero.positionOf("id")).hasToString("src/main/assets/site.json:4:13");
        assertThat(hero.positionOf("seed")).hasToString("src/main/assets/site.json:5:15");
        assertThat(hero.positionOf("references")).hasToString("src/main/assets/site.json:6:7");
        assertThat(hero.field("references").orElseThrow().positionOf(0)).hasToString("src/main/assets/site.json:6:22");
    }

    @Test
    void eachListItemKeepsItsOwnPositionInFlowAndBlockStyleAndFromDefaults() throws IOException {
        write("a.yaml", """
                defaults:
                  references: [d1.png,  "d2.png"]
                assets:
                  - id: block
                    references:
                      - a.png
                      -   "b.png"
                  - id: inherits
                """);

        SpecSet set = read();

        SpecValue block = set.assets().get(0).field("references").orElseThrow();
        assertThat(block.itemPositions())
                .extracting(Position::toString)
                .containsExactly("src/main/assets/a.yaml:6:9", "src/main/assets/a.yaml:7:11");
        SpecValue inherited = set.assets().get(1).field("references").orElseThrow();
        assertThat(inherited.inherited()).isTrue();
        assertThat(inherited.itemPositions())
                .extracting(Position::toString)
                .containsExactly("src/main/assets/a.yaml:2:16", "src/main/assets/a.yaml:2:25");
        assertThat(inherited.positionOf(2)).as("no such item: the list itself").isEqualTo(inherited.position());
    }

    @Test
    void anAssetWrittenAsAFlowMappingStartsAtItsBrace() throws IOException {
        write("a.yaml", "assets:\n  - {id: one, seed: 1}\n");

        AssetSpec one = only(read());

        assertThat(one.position()).hasToString("src/main/assets/a.yaml:2:5");
        assertThat(one.positionOf("seed")).hasToString("src/main/assets/a.yaml:2:21");
    }

    @Test
    void aSpecDirectoryOutsideTheProjectIsShownWithItsAbsolutePath(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("a.yaml"), "assets:\n  - id: a\n");

        AssetSpec a = only(reader.read(elsewhere, project));

        String absolute = elsewhere
                .toAbsolutePath()
                .normalize()
                .resolve("a.yaml")
                .toString()
                .replace('\\', '/');
        assertThat(a.position().source()).isEqualTo(absolute);
    }

    // --- files ---

    @Test
    void readsAllThreeExtensionsInNestedFoldersSortedByRelativePath() throws IOException {
        write("z.yaml", "assets:\n  - id: z\n");
        write("m/n/o.yml", "assets:\n  - id: o\n");
        write("a/b.yaml", "assets:\n  - id: b\n");
        write("a.json", "{\"assets\": [{\"id\": \"a\"}]}");
        write("notes.txt", "assets:\n  - id: ignored\n");

        SpecSet set = read();

        assertThat(set.problems()).isEmpty();
        assertThat(set.assets()).extracting(AssetSpec::id).containsExactly("a", "b", "o", "z");
        assertThat(set.assets())
                .extracting(asset -> asset.position().source())
                .containsExactly(
                        "src/main/assets/a.json",
                        "src/main/assets/a/b.yaml",
                        "src/main/assets/m/n/o.yml",
                        "src/main/assets/z.yaml");
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() throws IOException {
        write(".hidden.yaml", "assets:\n  - id: hidden\n");
        write(".git/x.yaml", "not: [valid");
        write("sub/.secret/y.yaml", "assets:\n  - id: secret\n");
        write("visible.yaml", "assets:\n  - id: visible\n");

        SpecSet set = read();

        assertThat(set.problems()).isEmpty();
        assertThat(set.assets()).extracting(AssetSpec::id).containsExactly("visible");
    }

    @Test
    void aMissingSpecDirectoryGivesAnEmptySet() {
        SpecSet set = reader.read(project.resolve("no/such/dir"), project);

        assertThat(set.assets()).isEmpty();
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void aSpecDirectoryThatIsAFileIsAProblem() throws IOException {
        Path file = Files.writeString(project.resolve("assets.yaml"), "assets: []");

        SpecSet set = reader.read(file, project);

        assertThat(formatted(set)).containsExactly("assets.yaml:1:1: the spec directory is a file, not a directory");
        rules(set).containsExactly(tuple("spec.not-a-directory", null));
    }

    @Test
    void aSpecFileOfGigabytesIsAProblemWithoutReadingIt() throws IOException {
        Path dump = specs().resolve("dump.json");
        Files.createDirectories(specs());
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: no disk is used; reading it whole threw OutOfMemoryError
        }
        write("site.yaml", "assets:\n  - {id: hero, prompt: a lighthouse}\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .singleElement()
                .asString()
                .startsWith("src/main/assets/dump.json:1:1: the file is 3072 MB; spec files are read up to 32 MB");
        assertThat(set.assets()).extracting(AssetSpec::id).containsExactly("hero");
    }

    @Test
    void emptyAndCommentOnlyFilesYieldNothingButAWarningNamingThem() throws IOException {
        write("empty.yaml", "");
        write("comments.yml", "# nothing yet\n   # still nothing\n");
        write("empty.json", "  \n");
        write("bare.yaml", "---\n");
        write("no-assets.yaml", "assets:\n");

        SpecSet set = read();

        assertThat(set.assets()).isEmpty();
        assertThat(set.problems())
                .allSatisfy(problem -> assertThat(problem.isError()).isFalse());
        assertThat(formatted(set))
                .containsExactly(
                        "src/main/assets/bare.yaml:1:1: warning: the spec file src/main/assets/bare.yaml is empty;"
                                + " it declares no assets",
                        "src/main/assets/comments.yml:1:1: warning: the spec file src/main/assets/comments.yml is"
                                + " empty; it declares no assets",
                        "src/main/assets/empty.json:1:1: warning: the spec file src/main/assets/empty.json is empty;"
                                + " it declares no assets",
                        "src/main/assets/empty.yaml:1:1: warning: the spec file src/main/assets/empty.yaml is empty;"
                                + " it declares no assets");
        rules(set).containsOnly(tuple("spec.empty-file", null));
    }

    @Test
    void anExplicitNullIsAnErrorNamingTheField() throws IOException {
        write("a.yaml", "defaults:\n  model: ~\nassets:\n  - id: a\n    seed:\n");
        write("b.json", "{\"assets\": [{\"id\": \"b\", \"quantity\": null}]}");

        SpecSet set = read();

        assertThat(formatted(set))
                .contains(
                        "src/main/assets/a.yaml:2:10: model is empty (null); give it a value or remove the line to use"
                                + " the default",
                        "src/main/assets/b.json:1:37: [b] quantity is empty (null); give it a value or remove the line"
                                + " to use the default");
        assertThat(set.problems())
                .filteredOn(problem -> problem.ruleId().equals("spec.null-value"))
                .extracting(Problem::field, Problem::isError)
                .containsExactly(tuple("model", true), tuple("seed", true), tuple("quantity", true));
    }

    @Test
    void aByteOrderMarkIsIgnored() throws IOException {
        write("bom.yaml", "\uFEFFassets:\n  - id: bom\n");

        assertThat(only(read()).id()).isEqualTo("bom");
    }

    @Test
    void aFileThatIsNotUtf8IsAProblemAndOtherFilesAreStillRead() throws IOException {
        Path latin1 = write("latin1.yaml", "");
        Files.write(latin1, "assets:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("ok.yaml", "assets:\n  - id: ok\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/latin1.yaml:1:1: the file is not valid UTF-8 text; save it as UTF-8");
        rules(set).containsExactly(tuple("spec.not-utf8", null));
        assertThat(set.assets()).extracting(AssetSpec::id).containsExactly("ok");
    }

    @Test
    void anUnreadableFileIsAProblem() throws IOException {
        Path file = write("locked.yaml", "assets:\n  - id: locked\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeThat(false).as("POSIX permissions").isTrue();
        }
        assumeThat(Files.isReadable(file))
                .as("running as a user that permissions apply to")
                .isFalse();

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/locked.yaml:1:1: cannot read the file: permission denied");
        rules(set).containsExactly(tuple("spec.unreadable", null));
    }

    @Test
    void aDanglingSymbolicLinkIsAProblem() throws IOException {
        Files.createDirectories(specs());
        try {
            Files.createSymbolicLink(specs().resolve("gone.yaml"), specs().resolve("missing.yaml"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links are supported").isTrue();
        }
        write("ok.yaml", "assets:\n  - id: ok\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly(
                        "src/main/assets/gone.yaml:1:1: cannot read: the symbolic link points to a file that does not exist");
        rules(set).containsExactly(tuple("spec.unreadable", null));
        assertThat(set.assets()).extracting(AssetSpec::id).containsExactly("ok");
    }

    @Test
    void aSymbolicLinkToASpecFileIsRead(@TempDir Path elsewhere) throws IOException {
        Path target = Files.writeString(elsewhere.resolve("shared.yaml"), "assets:\n  - id: shared\n");
        Files.createDirectories(specs());
        try {
            Files.createSymbolicLink(specs().resolve("link.yaml"), target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links are supported").isTrue();
        }

        AssetSpec shared = only(read());

        assertThat(shared.id()).isEqualTo("shared");
        assertThat(shared.position().source()).isEqualTo("src/main/assets/link.yaml");
    }

    // --- defaults ---

    @Test
    void defaultsAreMergedIntoEveryAssetKeepingTheirOwnPosition() throws IOException {
        write("site.yaml", """
                defaults:
                  provider: useapi
                  model: nano-banana-2
                assets:
                  - id: one
                  - id: two
                    model: nano-banana-pro
                """);

        SpecSet set = read();

        assertThat(set.problems()).isEmpty();
        AssetSpec one = set.assets().get(0);
        assertThat(one.field("model")).hasValueSatisfying(model -> {
            assertThat(model.asText()).isEqualTo("nano-banana-2");
            assertThat(model.inherited()).isTrue();
            assertThat(model.position()).hasToString("src/main/assets/site.yaml:3:10");
        });
        assertThat(one.field("provider").orElseThrow().inherited()).isTrue();
        assertThat(one.fields().keySet()).containsExactly("id", "provider", "model");

        AssetSpec two = set.assets().get(1);
        assertThat(two.field("model")).hasValueSatisfying(model -> {
            assertThat(model.asText()).isEqualTo("nano-banana-pro");
            assertThat(model.inherited()).isFalse();
            assertThat(model.position()).hasToString("src/main/assets/site.yaml:7:12");
        });
        assertThat(two.field("id").orElseThrow().inherited()).isFalse();
        assertThat(two.positionOf("provider")).hasToString("src/main/assets/site.yaml:2:13");
    }

    @Test
    void defaultsWrittenAfterTheAssetsStillApply() throws IOException {
        write("late.yaml", "assets:\n  - id: a\ndefaults:\n  seed: 7\n");

        AssetSpec a = only(read());

        assertThat(a.field("seed").orElseThrow().node().intValue()).isEqualTo(7);
        assertThat(a.field("seed").orElseThrow().inherited()).isTrue();
    }

    @Test
    void defaultsOfOneFileDoNotLeakIntoAnother() throws IOException {
        write("a.yaml", "defaults:\n  model: m1\nassets:\n  - id: a\n");
        write("b.yaml", "assets:\n  - id: b\n");

        SpecSet set = read();

        assertThat(set.assets().get(1).field("model")).isEmpty();
    }

    @Test
    void anIdInDefaultsIsAProblem() throws IOException {
        write("a.yaml", "defaults:\n  id: shared\nassets:\n  - id: a\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/a.yaml:2:3: 'id' cannot be a default: each asset needs its own id");
        rules(set).containsExactly(tuple("spec.id-in-defaults", "id"));
        assertThat(only(set).id()).isEqualTo("a");
    }

    @Test
    void defaultsThatAreNotAMappingAreAProblem() throws IOException {
        write("a.yaml", "defaults:\n  - model: x\nassets:\n  - id: a\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly(
                        "src/main/assets/a.yaml:1:1: 'defaults' must be a mapping of asset fields, but it is a list");
        rules(set).containsExactly(tuple("spec.wrong-shape", "defaults"));
        assertThat(only(set).fields()).containsOnlyKeys("id");
    }

    // --- unknown keys ---

    @Test
    void anUnknownFieldSuggestsTheClosestOneAndNamesTheAsset() throws IOException {
        write("a.yaml", "assets:\n  - id: hero\n    promt: A lighthouse\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/a.yaml:3:5: [hero] unknown field 'promt' (did you mean 'prompt'?)");
        rules(set).containsExactly(tuple("spec.unknown-field", "promt"));
        assertThat(only(set).fields()).containsOnlyKeys("id");
    }

    @Test
    void fieldNamesAreCaseSensitive() throws IOException {
        write("a.yaml", "assets:\n  - id: hero\n    Prompt: A lighthouse\n");

        assertThat(formatted(read()))
                .containsExactly("src/main/assets/a.yaml:3:5: [hero] unknown field 'Prompt' (did you mean 'prompt'?)");
        rules(read()).containsExactly(tuple("spec.unknown-field", "Prompt"));
    }

    @Test
    void anUnknownFieldWithNothingCloseHasNoSuggestion() throws IOException {
        write("a.json", "{\"assets\": [{\"id\": \"hero\", \"flavour\": \"mint\"}]}");

        assertThat(formatted(read())).containsExactly("src/main/assets/a.json:1:28: [hero] unknown field 'flavour'");
        rules(read()).containsExactly(tuple("spec.unknown-field", "flavour"));
    }

    @Test
    void anUnknownFieldOfAnAssetWithoutIdHasNoIdInTheMessage() throws IOException {
        write("a.yaml", "assets:\n  - promt: x\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/a.yaml:2:5: unknown field 'promt' (did you mean 'prompt'?)");
        rules(set).containsExactly(tuple("spec.unknown-field", "promt"));
        assertThat(only(set).id()).isNull();
    }

    @Test
    void anUnknownFieldInDefaultsIsAProblem() throws IOException {
        write("a.yaml", "defaults:\n  modle: x\nassets:\n  - id: a\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/a.yaml:2:3: unknown field 'modle' (did you mean 'model'?)");
        rules(set).containsExactly(tuple("spec.unknown-field", "modle"));
        assertThat(only(set).fields()).containsOnlyKeys("id");
    }

    @Test
    void anUnknownTopLevelKeyIsAProblem() throws IOException {
        write("a.yaml", "asset:\n  - id: a\nproviders: {}\n");

        assertThat(formatted(read()))
                .containsExactly(
                        "src/main/assets/a.yaml:1:1: unknown top-level key 'asset' (did you mean 'assets'?)",
                        "src/main/assets/a.yaml:3:1: unknown top-level key 'providers' "
                                + "(a spec file has 'defaults' and 'assets')");
        rules(read()).containsExactly(tuple("spec.unknown-key", "asset"), tuple("spec.unknown-key", "providers"));
    }

    @Test
    void aYamlMergeKeyIsExplained() throws IOException {
        write("a.yaml", "assets:\n  - id: a\n    <<: {model: x}\n");

        assertThat(formatted(read()))
                .containsExactly("src/main/assets/a.yaml:3:5: [a] YAML merge keys ('<<') are not supported; "
                        + "put shared fields in 'defaults'");
        rules(read()).containsExactly(tuple("spec.merge-key", "<<"));
    }

    // --- shapes ---

    @Test
    void aTopLevelThatIsNotAMappingIsAProblem() throws IOException {
        write("list.yaml", "- id: a\n");
        write("text.json", "\"hello\"");

        assertThat(formatted(read()))
                .containsExactly(
                        "src/main/assets/list.yaml:1:1: a spec file must be a mapping with 'assets' (and optionally "
                                + "'defaults'), but this file holds a list",
                        "src/main/assets/text.json:1:1: a spec file must be a mapping with 'assets' (and optionally "
                                + "'defaults'), but this file holds text");
        rules(read()).containsExactly(tuple("spec.wrong-shape", null), tuple("spec.wrong-shape", null));
    }

    @Test
    void assetsThatAreNotAListAreAProblem() throws IOException {
        write("a.yaml", "assets:\n  id: a\n  prompt: x\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/a.yaml:1:1: 'assets' must be a list of assets "
                        + "(each starting with '- id: ...'), but it is a mapping");
        rules(set).containsExactly(tuple("spec.wrong-shape", "assets"));
        assertThat(set.assets()).isEmpty();
    }

    @Test
    void anAssetThatIsNotAMappingIsAProblemAndTheOthersAreStillRead() throws IOException {
        write("a.yaml", "assets:\n  - hero\n  -\n  - id: ok\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly(
                        "src/main/assets/a.yaml:2:5: an asset must be a mapping of fields (like 'id: hero'), "
                                + "but this one is text",
                        "src/main/assets/a.yaml:3:4: an asset must be a mapping of fields (like 'id: hero'), "
                                + "but this one is empty");
        rules(set).containsExactly(tuple("spec.wrong-shape", null), tuple("spec.wrong-shape", null));
        assertThat(set.assets()).extracting(AssetSpec::id).containsExactly("ok");
    }

    @Test
    void aDuplicateKeyIsReportedAtItsSecondOccurrence() throws IOException {
        write("a.yaml", "assets:\n  - id: hero\n    prompt: first\n    prompt: second\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly(
                        "src/main/assets/a.yaml:4:5: [hero] duplicate key 'prompt' (first written at line 3, column 5)");
        rules(set).containsExactly(tuple("spec.duplicate-key", "prompt"));
        assertThat(only(set).text("prompt")).contains("first");
    }

    @Test
    void duplicateKeysAreFoundInJsonAndAtEveryLevel() throws IOException {
        write("a.json", "{\"assets\": [], \"assets\": [],\n \"defaults\": {\"model\": \"a\", \"model\": \"b\"}}");

        assertThat(formatted(read()))
                .containsExactly(
                        "src/main/assets/a.json:1:16: duplicate key 'assets' (first written at line 1, column 2)",
                        "src/main/assets/a.json:2:29: duplicate key 'model' (first written at line 2, column 15)");
        rules(read()).containsExactly(tuple("spec.duplicate-key", "assets"), tuple("spec.duplicate-key", "model"));
    }

    @Test
    void anUnknownDurationFieldPointsAtOptions() throws IOException {
        write("a.yaml", "assets:\n  - id: intro\n    duration: 6\n");

        assertThat(formatted(read()))
                .containsExactly("src/main/assets/a.yaml:3:5: [intro] unknown field 'duration' (a video's duration is"
                        + " part of options, like 768p-6sec; see the model's options)");
    }

    // --- malformed files ---

    @Test
    void malformedYamlIsOneCleanProblemAtTheParsersPosition() throws IOException {
        write("bad.yaml", "assets:\n  - id: hero\n    prompt: a: b\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/bad.yaml:3:14: malformed YAML: a value holding ': ' must be in"
                        + " quotes: YAML reads this ': ' as a second key on the line; put the whole value in double"
                        + " quotes");
        rules(set).containsExactly(tuple("spec.malformed", null));
        assertThat(set.assets()).isEmpty();
    }

    @Test
    void tabIndentationIsACleanProblem() throws IOException {
        write("tab.yaml", "assets:\n  - id: hero\n\tprompt: x\n");

        assertThat(formatted(read()))
                .containsExactly("src/main/assets/tab.yaml:3:1: malformed YAML: a tab character "
                        + "cannot be used for indentation; indent with spaces");
        rules(read()).containsExactly(tuple("spec.malformed", null));
    }

    @Test
    void badIndentationIsExplained() throws IOException {
        write("indent.yaml", "assets:\n  - id: hero\n   prompt: x\n");

        assertThat(formatted(read()))
                .containsExactly("src/main/assets/indent.yaml:3:4: malformed YAML: this line starts at column 4,"
                        + " which lines up with no key above it; indent it to column 5 to keep it with the fields"
                        + " above it (line 2)");
        rules(read()).containsExactly(tuple("spec.malformed", null));
    }

    @Test
    void anUnclosedQuoteNamesWhereTheQuoteStarted() throws IOException {
        write("quote.yaml", "assets:\n  - id: hero\n    prompt: \"unclosed\n");

        assertThat(formatted(read()))
                .singleElement()
                .asString()
                .isEqualTo("src/main/assets/quote.yaml:3:13: malformed YAML: the quote \" opened here is never"
                        + " closed, so the value runs on to the end of the file; end the value with \" on the same"
                        + " line");
        rules(read()).containsExactly(tuple("spec.malformed", null));
    }

    @Test
    void aPromptStartingWithAnImageMentionIsToldToUseQuotes() throws IOException {
        write("at.yaml", "assets:\n  - id: hero\n    prompt: @Image1 at dusk\n");

        assertThat(formatted(read()))
                .containsExactly("src/main/assets/at.yaml:3:13: malformed YAML: a value cannot "
                        + "start with '@'; put the value in quotes");
        rules(read()).containsExactly(tuple("spec.malformed", null));
    }

    @Test
    void aListAsAKeyIsACleanProblem() throws IOException {
        write("key.yaml", "? [a, b]\n: c\n");

        assertThat(formatted(read()))
                .containsExactly(
                        "src/main/assets/key.yaml:1:4: malformed YAML: a key must be plain text, not a list or mapping");
        rules(read()).containsExactly(tuple("spec.malformed", null));
    }

    @Test
    void jsonMessagesLeaveOutJacksonFeatureNames() throws IOException {
        write("comment.json", "// assets\n{}");
        write("nan.json", "{\"assets\": [{\"id\": \"a\", \"seed\": NaN}]}");

        assertThat(formatted(read()))
                .containsExactly(
                        "src/main/assets/comment.json:1:1: malformed JSON: JSON has no comments; remove it, or write"
                                + " the spec in YAML, where '#' starts a comment",
                        "src/main/assets/nan.json:1:36: malformed JSON: non-standard token 'NaN'");
        rules(read()).containsExactly(tuple("spec.malformed", null), tuple("spec.malformed", null));
    }

    @Test
    void malformedJsonIsOneCleanProblemAtTheParsersPosition() throws IOException {
        write("bad.json", "{\n  \"assets\": [\n    {\"id\": \"a\",}\n  ]\n}\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/bad.json:3:15: malformed JSON: a comma before '}': JSON allows"
                        + " no comma after the last entry; remove it");
        rules(set).containsExactly(tuple("spec.malformed", null));
        assertThat(set.assets()).isEmpty();
    }

    @Test
    void truncatedJsonHasNoJacksonSourceNoise() throws IOException {
        write("cut.json", "{\n  \"assets\": [\n    {\"id\": \"a\"}\n");

        Problem problem = read().problems().get(0);

        assertThat(problem.position()).hasToString("src/main/assets/cut.json:2:13");
        assertThat(problem.message())
                .isEqualTo("malformed JSON: the '[' opened here is never closed; add ']' where it ends");
    }

    @Test
    void oneMalformedFileDoesNotHideTheProblemsOrAssetsOfOthers() throws IOException {
        write("a.yaml", "assets: [\n");
        write("b.yaml", "assets:\n  - id: b\n    sede: 1\n");
        write("c.json", "{\"assets\": [{\"id\": \"c\"}]}");

        SpecSet set = read();

        assertThat(set.problems())
                .extracting(p -> p.position().source())
                .containsExactly("src/main/assets/a.yaml", "src/main/assets/b.yaml");
        assertThat(set.problems().get(0).message()).startsWith("malformed YAML: ");
        assertThat(set.problems().get(1).format())
                .isEqualTo("src/main/assets/b.yaml:3:5: [b] unknown field 'sede' (did you mean 'seed'?)");
        assertThat(set.assets()).extracting(AssetSpec::id).containsExactly("b", "c");
    }

    @Test
    void problemsOfAMalformedFileAreNotMixedWithItsShapeProblems() throws IOException {
        write("a.yaml", "assets:\n  - id: a\n    promt: x\n    prompt: a: b\n");

        assertThat(read().problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("malformed YAML: "));
    }

    @Test
    void aSecondYamlDocumentIsAProblem() throws IOException {
        write("a.yaml", "assets:\n  - id: a\n---\nassets:\n  - id: b\n");

        SpecSet set = read();

        assertThat(formatted(set))
                .containsExactly("src/main/assets/a.yaml:4:1: a spec file holds one YAML document; "
                        + "move the document after '---' to its own file");
        rules(set).containsExactly(tuple("spec.multiple-documents", null));
        assertThat(set.assets()).isEmpty();
    }

    @Test
    void trailingJsonContentIsAProblem() throws IOException {
        write("a.json", "{\"assets\": []}\n{\"assets\": []}\n");

        assertThat(formatted(read()))
                .containsExactly(
                        "src/main/assets/a.json:2:1: unexpected content after the end of the top-level object");
        rules(read()).containsExactly(tuple("spec.multiple-documents", null));
    }

    @Test
    void aYamlAliasIsAProblemRatherThanItsAnchorNameAsText() throws IOException {
        write("a.yaml", "defaults:\n  references: &refs [a.png]\nassets:\n  - id: a\n    references: *refs\n");

        assertThat(formatted(read()))
                .containsExactly("src/main/assets/a.yaml:5:17: YAML aliases ('*refs') are not "
                        + "supported; put shared fields in 'defaults'");
        rules(read()).containsExactly(tuple("spec.alias", null));
    }

    @Test
    void problemsAreSortedByFileAndPosition() throws IOException {
        write("b.yaml", "assets:\n  - id: b\n    sede: 1\n    promt: x\n");
        write("a.yaml", "asset: []\ndefaults:\n  id: x\n");

        assertThat(read().problems())
                .extracting(p -> p.position().toString())
                .containsExactly(
                        "src/main/assets/a.yaml:1:1", "src/main/assets/a.yaml:3:3",
                        "src/main/assets/b.yaml:3:5", "src/main/assets/b.yaml:4:5");
    }

    // --- scalar types ---

    @Test
    void yamlScalarsKeepTheTypeTheUserMeant() throws IOException {
        write("types.yaml", """
                assets:
                  - id: hero
                    aspectRatio: 16:9
                    resolution: 2K
                    seed: 42
                    quantity: "2"
                    promptOptimization: false
                    size: 1.5
                    references: [a.png, b.png]
                    character:
                    options: yes
                    account: 0x10
                    output: 1_000
                """);

        AssetSpec hero = only(read());

        assertThat(node(hero, "aspectRatio").isTextual()).isTrue();
        assertThat(node(hero, "aspectRatio").textValue()).isEqualTo("16:9");
        assertThat(node(hero, "resolution").textValue()).isEqualTo("2K");
        assertThat(node(hero, "seed").isInt()).isTrue();
        assertThat(node(hero, "seed").intValue()).isEqualTo(42);
        assertThat(node(hero, "quantity").isTextual()).isTrue();
        assertThat(node(hero, "quantity").textValue()).isEqualTo("2");
        assertThat(node(hero, "promptOptimization").isBoolean()).isTrue();
        assertThat(node(hero, "promptOptimization").booleanValue()).isFalse();
        assertThat(node(hero, "size").isDouble()).isTrue();
        assertThat(node(hero, "references").isArray()).isTrue();
        assertThat(node(hero, "references")).extracting(JsonNode::textValue).containsExactly("a.png", "b.png");
        assertThat(node(hero, "character").isNull()).isTrue();
        assertThat(hero.text("character")).isEmpty();
        // YAML 1.1 forms that Jackson would turn into booleans or numbers stay as written.
        assertThat(node(hero, "options").textValue()).isEqualTo("yes");
        assertThat(node(hero, "account").textValue()).isEqualTo("0x10");
        assertThat(node(hero, "output").textValue()).isEqualTo("1_000");
    }

    @Test
    void blockAndFlowListsGiveTheSameList() throws IOException {
        write(
                "a.yaml",
                "assets:\n  - id: flow\n    references: [a.png, b.png]\n"
                        + "  - id: block\n    references:\n      - a.png\n      - b.png\n");

        SpecSet set = read();

        assertThat(node(set.assets().get(0), "references"))
                .isEqualTo(node(set.assets().get(1), "references"));
    }

    @Test
    void yamlAndJsonGiveTheSameShapes() throws IOException {
        write("a.yaml", """
                assets:
                  - id: same
                    seed: 42
                    quantity: "2"
                    size: 1.5
                    promptOptimization: true
                    aspectRatio: "16:9"
                    references: [a.png]
                    options: {motion: slow}
                    character: null
                """);
        write("b.json", """
                {"assets": [{"id": "same", "seed": 42, "quantity": "2", "size": 1.5, "promptOptimization": true,
                  "aspectRatio": "16:9", "references": ["a.png"], "options": {"motion": "slow"}, "character": null}]}
                """);

        SpecSet set = read();

        assertThat(set.problems())
                .extracting(Problem::ruleId, Problem::field)
                .containsExactly(tuple("spec.null-value", "character"), tuple("spec.null-value", "character"));
        AssetSpec yaml = set.assets().get(0);
        AssetSpec json = set.assets().get(1);
        assertThat(yaml.fields().keySet())
                .containsExactlyElementsOf(json.fields().keySet());
        yaml.fields()
                .forEach((name, value) -> assertThat(value.node())
                        .as(name)
                        .isEqualTo(json.fields().get(name).node()));
    }

    @Test
    void aNumericIdIsReadAsItsText() throws IOException {
        write("a.yaml", "assets:\n  - id: 2024\n  - id: {a: b}\n");

        assertThat(read().assets()).extracting(AssetSpec::id).containsExactly("2024", null);
    }

    private static JsonNode node(AssetSpec asset, String field) {
        return asset.field(field)
                .orElseThrow(() -> new AssertionError("no field " + field))
                .node();
    }
}
