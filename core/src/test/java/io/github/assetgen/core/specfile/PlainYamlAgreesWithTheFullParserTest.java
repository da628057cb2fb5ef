package io.github.assetgen.core.specfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain-YAML reader is a shortcut: wherever it reads a file, the tree must be the general
 * parser's, value for value, type for type, position for position (a different prompt or number
 * would change a cache key, and the asset would be bought again). Checked on every YAML file in
 * the repository and on many generated documents in and just outside the plain subset.
 */
class PlainYamlAgreesWithTheFullParserTest {

    private static final String SOURCE = "src/main/assets/site.yaml";

    private final SpecFileParser parser = new SpecFileParser();

    @Test
    void everyYamlSpecInTheRepositoryReadsAsTheFullParserReadsIt() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList();
        }
        int plain = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (agreesWhenPlain(text)) {
                plain++;
            }
        }
        assertThat(files).hasSizeGreaterThan(10);
        assertThat(plain).as("spec files read by the shortcut").isGreaterThan(files.size() / 2);
    }

    @Test
    void theExamplesAndTheBenchmarksLayoutAreReadWithoutTheGeneralParser() throws IOException {
        try (Stream<Path> examples = Files.list(Path.of("../src/examples/quickstart/src/main/assets"))) {
            for (Path file :
                    examples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertThat(agreesWhenPlain(Files.readString(file)))
                        .as(file.toString())
                        .isTrue();
            }
        }
        String benchmark = "defaults: {provider: useapi, model: nano-banana-2, resolution: 512P, aspectRatio: '1:1'}\n"
                + "assets:\n"
                + "  - {id: asset-1, prompt: \"benchmark asset number 1\"}\n"
                + "  - {id: asset-2, prompt: \"benchmark asset number 2\"}\n";
        assertThat(agreesWhenPlain(benchmark)).isTrue();
    }

    @Test
    void scalarsThatYaml11ReadsAsSomethingElseAreLeftToTheGeneralParserOrAgree() {
        String[] values = {
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "n",
            "true",
            "True",
            "TRUE",
            "tRue",
            "null",
            "Null",
            "NULL",
            "nULL",
            "~",
            "0",
            "7",
            "-7",
            "+7",
            "0123",
            "08",
            "0x1F",
            "0b101",
            "0o17",
            "1_000",
            "1,000",
            "12:30",
            "190:20:30",
            "1.5",
            ".5",
            "1.",
            "1e5",
            "1E+5",
            "6.8523015e+5",
            ".inf",
            "-.inf",
            ".NaN",
            "2001-12-14",
            "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10 -5",
            "512P",
            "4k",
            "1080p",
            "2K",
            "768p-6sec",
            "T2V-2.3",
            "12345678901234567890",
            "999999999999999999",
            "2147483648",
            "-2147483649",
            "<<",
            "=",
            "abc",
            "a b",
            "a  b",
            "a,b",
            "a[b]",
            "a{b}",
            "a'b",
            "a\"b",
            "é",
            "日本",
            "😀 x",
            "a:b",
            "a #b",
            "a#b",
            "@a",
            "`a",
            "%a",
            "&a",
            "*a",
            "!a",
            "|",
            ">",
            "-",
            "? a",
            ": a",
            "[a]",
            "{a: b}",
            "'a'",
            "\"a\"",
        };
        int plain = 0;
        for (String value : values) {
            for (String document : List.of(
                    "k: " + value + "\n",
                    "k: [" + value + "]\n",
                    "k: {a: " + value + "}\n",
                    "k:\n  - " + value + "\n",
                    "k: '" + value.replace("'", "''") + "'\n",
                    "k: \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n")) {
                if (agreesWhenPlain(document)) {
                    plain++;
                }
            }
        }
        assertThat(plain).isGreaterThan(values.length * 3);
    }

    @Test
    void blockScalarsFoldAndChompAsTheGeneralParserDoes() {
        List<String> documents = new ArrayList<>();
        for (String header : List.of("|", "|-", ">", ">-", "|+", ">2", "| # c")) {
            for (String body : List.of(
                    "  a\n",
                    "  a\n  b\n",
                    "  a\n\n  b\n",
                    "  a\n\n\n  b\n\n",
                    "  a\n    deeper\n  b\n",
                    "  a\n  b\n \n",
                    "  a\n      \n  b\n",
                    "\n  a\n",
                    "  # not a comment\n  a\n",
                    "  a\n # a comment\n",
                    "  a",
                    "  a  \n  b\n")) {
                documents.add("k: " + header + "\n" + body + "z: 1\n");
                documents.add("k: " + header + "\n" + body);
                documents.add("list:\n- " + header + "\n" + body);
                documents.add("list:\n  - k: " + header + "\n"
                        + body.replace("\n  ", "\n      ").replaceFirst("^  ", "      "));
            }
        }
        int plain = 0;
        for (String document : documents) {
            if (agreesWhenPlain(document)) {
                plain++;
            }
        }
        assertThat(plain).isGreaterThan(documents.size() / 4);
    }

    @Test
    void generatedDocumentsInAndAroundThePlainSubsetReadAlike() {
        Random random = new Random(20261126L);
        int plain = 0;
        // more with -DargLine=-DplainYaml.documents=400000 (1.2 million across three seeds found no difference)
        int documents = Integer.getInteger("plainYaml.documents", 30_000);
        for (int i = 0; i < documents; i++) {
            String document = new Generator(random).document();
            if (random.nextInt(3) == 0) {
                document = mutated(document, random);
            }
            if (agreesWhenPlain(document)) {
                plain++;
            }
        }
        // a good share must stay inside the subset, or this test would prove little
        assertThat(plain).isGreaterThan(documents / 5);
    }

    @Test
    void whatIsNotPlainIsReadByTheGeneralParserWithItsExplanation() {
        for (String document : List.of(
                "defaults: &d {provider: useapi}\nassets: []\n",
                "assets:\n  - id: a\n    prompt: one\n      two\n",
                "---\nassets: []\n",
                "assets:\n\t- id: a\n",
                "\"assets\": []\n",
                "assets: [a,\n  b]\n",
                "a: 1\r\nb: 2\r\n")) {
            assertThat(PlainYaml.read(document, SOURCE)).as(document).isEmpty();
            assertThat(parser.parse(document, true, SOURCE)).isEqualTo(parser.parseInFull(document, true, SOURCE));
        }
        assertThat(parser.parse("assets:\n\t- id: a\n", true, SOURCE).problem()).isPresent();
    }

    /**
     * True when the shortcut read the document; then asserts that the general parser read it
     * without a problem into the same tree.
     */
    private boolean agreesWhenPlain(String document) {
        Optional<LocatedNode> plain = PlainYaml.read(document, SOURCE);
        if (plain.isEmpty()) {
            return false;
        }
        SpecFileParser.Parsed full = parser.parseInFull(document, true, SOURCE);
        assertThat(full.problem())
                .as("general parser's problem with:\n%s", document)
                .isEmpty();
        assertThat(full.root()).as("general parser's tree of:\n%s", document).isPresent();
        assertThat(described(plain.get()))
                .as("tree of:\n%s", document)
                .isEqualTo(described(full.root().get()));
        assertThat(plain.get()).isEqualTo(full.root().get());
        return true;
    }

    /** The tree with every type, value, position and the order of keys, for a readable comparison. */
    private static String described(LocatedNode node) {
        StringBuilder out = new StringBuilder();
        describe(node, out);
        return out.toString();
    }

    private static void describe(LocatedNode node, StringBuilder out) {
        Position at = node.position();
        out.append('@').append(at.line()).append(':').append(at.column());
        if (node instanceof LocatedNode.Scalar scalar) {
            out.append(scalar.value().getClass().getSimpleName())
                    .append('(')
                    .append(scalar.value())
                    .append(')');
        } else if (node instanceof LocatedNode.Mapping mapping) {
            out.append('{');
            for (LocatedNode.Entry entry : mapping.entries().values()) {
                describeEntry(entry, out);
            }
            out.append(" dup:");
            for (LocatedNode.Entry entry : mapping.duplicates()) {
                describeEntry(entry, out);
            }
            out.append('}');
        } else if (node instanceof LocatedNode.Sequence sequence) {
            out.append('[');
            for (LocatedNode item : sequence.items()) {
                describe(item, out);
                out.append(", ");
            }
            out.append(']');
        }
    }

    private static void describeEntry(LocatedNode.Entry entry, StringBuilder out) {
        out.append(' ')
                .append(entry.key())
                .append('@')
                .append(entry.keyPosition().line())
                .append(':')
                .append(entry.keyPosition().column())
                .append('=');
        describe(entry.value(), out);
        out.append(',');
    }

    /** One character inserted, removed or replaced by one YAML cares about. */
    private static String mutated(String document, Random random) {
        if (document.isEmpty()) {
            return document;
        }
        String significant = " \n:#-'\"{}[],|>&*!?%@`\\\t\r~.0é";
        int at = random.nextInt(document.length());
        char c = significant.charAt(random.nextInt(significant.length()));
        return switch (random.nextInt(3)) {
            case 0 -> document.substring(0, at) + c + document.substring(at);
            case 1 -> document.substring(0, at) + document.substring(at + 1);
            default -> document.substring(0, at) + c + document.substring(at + 1);
        };
    }

    /** Random spec-like YAML, mostly inside the plain subset, sometimes just outside it. */
    private static final class Generator {

        private static final String[] KEYS = {
            "id", "prompt", "model", "provider", "assets", "defaults", "a", "b-c", "x_1", "on", "null", "yes", "K9"
        };

        private static final String[] WORDS = {
            "lighthouse",
            "at",
            "dusk",
            "512P",
            "2K",
            "768p-6sec",
            "T2V-2.3",
            "0",
            "42",
            "0123",
            "1.5",
            "1e5",
            "yes",
            "no",
            "true",
            "False",
            "NULL",
            "null",
            "~",
            "12:30",
            "1_000",
            "0x1F",
            "2001-12-14",
            "é",
            "日本",
            "😀",
            "a,b",
            "[x]",
            "{y}",
            "it's",
            "say \"hi\"",
            "#tag",
            "a #b",
            "x: y",
            "-",
            "- x",
            "?",
            "&a",
            "*a",
            "!t",
            "|",
            ">",
            "@Image1",
            "`",
            "%",
            "back\\slash",
            "\\n",
            "tab\there",
            "  ",
            "2147483648",
            "999999999999999999",
            ".inf",
            "<<",
            "y",
            "N"
        };

        private final Random random;
        private final StringBuilder out = new StringBuilder();

        Generator(Random random) {
            this.random = random;
        }

        String document() {
            maybeComments(0);
            mapping(0, 0, 1 + random.nextInt(4));
            return out.toString();
        }

        private void mapping(int indent, int depth, int entries) {
            for (int i = 0; i < entries; i++) {
                if (i > 0) {
                    maybeComments(indent);
                    out.append(" ".repeat(indent));
                }
                out.append(KEYS[random.nextInt(KEYS.length)]).append(':');
                value(indent, depth);
            }
        }

        /** After "key:" or "-": the rest of the line and any block below. */
        private void value(int indent, int depth) {
            int kind = random.nextInt(depth > 3 ? 5 : 9);
            switch (kind) {
                case 0, 1, 2 -> {
                    out.append(' ').append(scalar(false));
                    endLine();
                }
                case 3 -> {
                    out.append(' ').append(flow(depth));
                    endLine();
                }
                case 4 -> endLine(); // empty
                case 5 -> blockScalar(indent);
                case 6 -> {
                    endLine();
                    int inner = indent + 1 + random.nextInt(3);
                    maybeComments(inner);
                    out.append(" ".repeat(inner));
                    mapping(inner, depth + 1, 1 + random.nextInt(3));
                }
                default -> {
                    endLine();
                    int inner = indent + random.nextInt(3);
                    sequence(inner, depth + 1);
                }
            }
        }

        private void sequence(int indent, int depth) {
            int items = 1 + random.nextInt(3);
            for (int i = 0; i < items; i++) {
                maybeComments(indent);
                out.append(" ".repeat(indent)).append('-');
                if (random.nextInt(3) == 0) {
                    int spaces = 1 + random.nextInt(2);
                    out.append(" ".repeat(spaces));
                    mapping(indent + 1 + spaces, depth + 1, 1 + random.nextInt(3));
                } else {
                    value(indent, depth);
                }
            }
        }

        private void blockScalar(int indent) {
            String[] headers = {"|", "|-", ">", ">-", "|+", ">1"};
            out.append(' ').append(headers[random.nextInt(headers.length)]);
            endLine();
            int inner = indent + 1 + random.nextInt(3);
            int lines = 1 + random.nextInt(4);
            for (int i = 0; i < lines; i++) {
                int kind = random.nextInt(6);
                if (kind == 0 && i > 0) {
                    out.append(" ".repeat(random.nextInt(inner + 1))).append('\n');
                } else if (kind == 1) {
                    out.append(" ".repeat(inner + 1 + random.nextInt(2)))
                            .append(words())
                            .append('\n');
                } else {
                    out.append(" ".repeat(inner)).append(words()).append('\n');
                }
            }
        }

        private String flow(int depth) {
            if (depth > 3 || random.nextInt(3) == 0) {
                return scalar(true);
            }
            StringBuilder flow = new StringBuilder();
            boolean mapping = random.nextBoolean();
            flow.append(mapping ? '{' : '[');
            if (random.nextInt(5) == 0) {
                flow.append(' ');
            }
            int items = random.nextInt(4);
            for (int i = 0; i < items; i++) {
                if (i > 0) {
                    flow.append(random.nextInt(4) == 0 ? " , " : ", ");
                }
                if (mapping) {
                    flow.append(KEYS[random.nextInt(KEYS.length)]).append(": ");
                }
                flow.append(flow(depth + 1));
            }
            flow.append(mapping ? '}' : ']');
            return flow.toString();
        }

        private String scalar(boolean inFlow) {
            String words = words();
            return switch (random.nextInt(inFlow ? 3 : 4)) {
                case 0 ->
                    '"'
                            + words.replace("\\", random.nextBoolean() ? "\\\\" : "\\")
                                    .replace("\"", "\\\"")
                            + '"';
                case 1 -> "'" + words.replace("'", "''") + "'";
                default -> words;
            };
        }

        private String words() {
            StringBuilder words = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
            int more = random.nextInt(4);
            for (int i = 0; i < more; i++) {
                words.append(random.nextInt(6) == 0 ? "  " : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            if (random.nextInt(8) == 0) {
                words.append(' ');
            }
            return words.toString();
        }

        private void endLine() {
            if (random.nextInt(6) == 0) {
                out.append(random.nextBoolean() ? "  # note" : " #");
            }
            out.append('\n');
        }

        private void maybeComments(int indent) {
            while (random.nextInt(6) == 0) {
                out.append(random.nextBoolean() ? "\n" : " ".repeat(random.nextInt(indent + 2)) + "# comment\n");
            }
        }
    }
}
