package io.github.assetgen.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.specfile.AssetSpec;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.specfile.Problem;
import io.github.assetgen.core.specfile.SpecValue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;

/** Builds assets as the spec reader would, with one line per field, and real image files. */
final class TestSpecs {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "src/main/assets/site.yaml";

    private static int nextLine = 1;

    private final Path specFile;
    private final String id;
    private final int line;
    private final Map<String, SpecValue> fields = new LinkedHashMap<>();

    private TestSpecs(Path specFile, String id) {
        this.specFile = specFile;
        this.id = id;
        this.line = nextLine;
        nextLine += 30;
        if (id != null) {
            fields.put("id", new SpecValue(JSON.valueToTree(id), new Position(SOURCE, line, 9), false, List.of()));
        }
    }

    /** An asset declared in {@code dir/site.yaml}. */
    static TestSpecs asset(Path dir, String id) {
        return new TestSpecs(dir.resolve("site.yaml"), id);
    }

    /** Adds a field on its own line; values are converted as YAML would (List for sequences). */
    TestSpecs with(String name, Object value) {
        JsonNode node = JSON.valueToTree(value);
        Position position = new Position(SOURCE, line + 1 + fields.size(), 5 + name.length() + 2);
        fields.put(name, new SpecValue(node, position, false, List.of()));
        return this;
    }

    TestSpecs refs(String... files) {
        return with("references", Arrays.asList(files));
    }

    /** The position the named field was given. */
    Position at(String name) {
        return fields.get(name).position();
    }

    AssetSpec build() {
        return new AssetSpec(id, specFile, new Position(SOURCE, line, 5), fields);
    }

    static Validation validate(TestSpecs... assets) {
        return validate(false, assets);
    }

    static Validation validate(boolean placeholders, TestSpecs... assets) {
        List<AssetSpec> specs = Arrays.stream(assets).map(TestSpecs::build).toList();
        Validation validation = RuleBook.standard().validate(specs, new ValidationContext(Path.of("."), placeholders));
        // every test of the rule book also checks that the ids it meets are documented ones
        assertThat(validation.problems()).extracting(Problem::ruleId).allMatch(RuleId.allIds()::contains);
        return validation;
    }

    static List<String> errors(Validation validation) {
        return validation.errors().stream().map(Problem::message).toList();
    }

    static List<String> warnings(Validation validation) {
        return validation.problems().stream()
                .filter(p -> !p.isError())
                .map(Problem::message)
                .toList();
    }

    /** The rule id and field of each problem, in order, to assert on. */
    static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> rules(List<Problem> problems) {
        return assertThat(problems).extracting(Problem::ruleId, Problem::field);
    }

    /** Asserts the asset is valid and returns its request. */
    static AssetRequest request(TestSpecs asset) {
        Validation validation = validate(asset);
        assertThat(errors(validation)).isEmpty();
        assertThat(validation.requests()).hasSize(1);
        return validation.requests().get(0);
    }

    /** Asserts exactly one error, containing all fragments, and returns it. */
    static Problem singleError(TestSpecs asset, String... fragments) {
        Validation validation = validate(asset);
        assertThat(validation.errors()).as(validation.problems().toString()).hasSize(1);
        Problem problem = validation.errors().get(0);
        assertThat(problem.message()).contains(fragments);
        assertThat(validation.requests()).isEmpty();
        return problem;
    }

    /** Asserts exactly one error, from {@code ruleId} about {@code field}, containing all fragments. */
    static Problem singleError(String ruleId, String field, TestSpecs asset, String... fragments) {
        Problem problem = singleError(asset, fragments);
        assertThat(problem).extracting(Problem::ruleId, Problem::field).containsExactly(ruleId, field);
        return problem;
    }

    static Path png(Path dir, String name, int width, int height) {
        return image(dir, name, "png", width, height);
    }

    static Path jpeg(Path dir, String name, int width, int height) {
        return image(dir, name, "jpg", width, height);
    }

    private static Path image(Path dir, String name, String format, int width, int height) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, name.hashCode() | 0xFF000000);
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lossless WebP header (VP8L) of the given size; enough for sniffing and size reading. */
    static Path webp(Path dir, String name, int width, int height) {
        byte[] b = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        b[4] = 22;
        System.arraycopy("WEBPVP8L".getBytes(), 0, b, 8, 8);
        b[16] = 10;
        b[20] = 0x2f;
        int bits = (width - 1) | (height - 1) << 14;
        b[21] = (byte) bits;
        b[22] = (byte) (bits >> 8);
        b[23] = (byte) (bits >> 16);
        b[24] = (byte) (bits >> 24);
        return write(dir, name, b);
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String repeat(int length) {
        return "a".repeat(length);
    }
}
