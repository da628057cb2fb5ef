package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    /** Characters a prompt, a provider's message or a path may hold, the awkward ones many times. */
    private static final String ALPHABET =
            "ab z\"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f\u0080é€\u2028\ud83d\ude00\ud800{}[]:,";

    @Test
    void anObjectLeftOpenIsAnErrorRatherThanQuietlyClosed() {
        // a missing end() in a report writer would move every later field into the wrong object
        JsonText json = new JsonText().object().object("summary").field("assets", 2);

        assertThatThrownBy(json::text).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongNestingIsAnErrorRatherThanBrokenJson() {
        assertThatThrownBy(() -> new JsonText().object().element("loose")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonText().object().array("a").field("b", 1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonText().object().array("a").end()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonText().object().end().object()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyContainersAndEveryKindOfValueAreLaidOutAsTheReportsAlwaysWere() {
        String text = new JsonText()
                .object()
                .object("spent")
                .end()
                .array("files")
                .endArray()
                .field("amount", new BigDecimal("0.25"))
                .field("size", 12L)
                .field("ok", true)
                .nullField("key")
                .field("message", (String) null)
                .array("fields")
                .element("prompt")
                .element("aspectRatio")
                .endArray()
                .end()
                .text();

        assertThat(text)
                .isEqualTo("{\n  \"spent\" : { },\n  \"files\" : [ ],\n  \"amount\" : 0.25,\n  \"size\" : 12,\n"
                        + "  \"ok\" : true,\n  \"key\" : null,\n  \"message\" : null,\n"
                        + "  \"fields\" : [\n    \"prompt\",\n    \"aspectRatio\"\n  ]\n}\n");
    }

    @Test
    void deepNestingNullElementsAndDecimalsInExponentFormAreWrittenAsJacksonWroteThem() throws IOException {
        Obj deepest = new Obj(List.of("amount"), List.of(new Num(new BigDecimal("1E+3"))));
        Obj document = deepest;
        for (int level = 0; level < 20; level++) {
            document = new Obj(
                    List.of("level" + level, "items"),
                    List.of(document, new Arr(List.of(new Str(null), new Str("x"), deepest))));
        }

        assertThat(render(document)).isEqualTo(jackson(document));
    }

    @Test
    void randomDocumentsAreByteForByteWhatJacksonsPrettyPrinterWrites() throws IOException {
        // the reports were written with Jackson's generator before; readers diff them between builds
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            Obj document = randomObject(random, 0);
            String ours = render(document);

            assertThat(ours).isEqualTo(jackson(document));
            // and it is JSON, lone surrogates aside (they are not text)
            if (!ours.contains("\ud800")) {
                assertThat(new ObjectMapper().readTree(ours).size()).isEqualTo(new HashSet<>(document.names()).size());
            }
        }
    }

    private sealed interface Node {}

    private record Obj(List<String> names, List<Node> values) implements Node {}

    private record Arr(List<Node> elements) implements Node {}

    private record Str(String value) implements Node {}

    private record Num(Object value) implements Node {}

    private record Bool(boolean value) implements Node {}

    private record Null() implements Node {}

    private static Obj randomObject(Random random, int depth) {
        int size = random.nextInt(depth > 2 ? 2 : 5);
        List<String> names = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            names.add(randomString(random));
            values.add(
                    switch (depth > 2 ? random.nextInt(4) : random.nextInt(6)) {
                        case 0 -> random.nextBoolean() ? new Str(randomString(random)) : new Null();
                        case 1 ->
                            new Num(
                                    switch (random.nextInt(3)) {
                                        case 0 -> random.nextInt();
                                        case 1 -> random.nextLong();
                                        default ->
                                            new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(4));
                                    });
                        case 2 -> new Bool(random.nextBoolean());
                        case 3 -> new Str(randomString(random));
                        case 4 -> randomObject(random, depth + 1);
                        default -> randomArray(random, depth + 1);
                    });
        }
        return new Obj(names, values);
    }

    private static Arr randomArray(Random random, int depth) {
        List<Node> elements = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            elements.add(random.nextBoolean() ? new Str(randomString(random)) : randomObject(random, depth + 1));
        }
        return new Arr(elements);
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        int[] alphabet = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    private static String render(Obj document) {
        JsonText json = new JsonText().object();
        writeFields(json, document);
        return json.end().text();
    }

    private static void writeFields(JsonText json, Obj object) {
        for (int i = 0; i < object.names().size(); i++) {
            String name = object.names().get(i);
            Node value = object.values().get(i);
            if (value instanceof Obj inner) {
                json.object(name);
                writeFields(json, inner);
                json.end();
            } else if (value instanceof Arr array) {
                json.array(name);
                for (Node element : array.elements()) {
                    if (element instanceof Str text) {
                        json.element(text.value());
                    } else {
                        json.object();
                        writeFields(json, (Obj) element);
                        json.end();
                    }
                }
                json.endArray();
            } else if (value instanceof Str text) {
                json.field(name, text.value());
            } else if (value instanceof Num number) {
                if (number.value() instanceof Integer n) {
                    json.field(name, n.intValue());
                } else if (number.value() instanceof Long n) {
                    json.field(name, n.longValue());
                } else {
                    json.field(name, (BigDecimal) number.value());
                }
            } else if (value instanceof Bool bool) {
                json.field(name, bool.value());
            } else {
                json.nullField(name);
            }
        }
    }

    /** The generator the reports were written with until JsonText wrote them itself. */
    private static String jackson(Obj document) throws IOException {
        StringWriter text = new StringWriter();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        try (JsonGenerator out = new JsonFactory()
                .createGenerator(text)
                .setPrettyPrinter(
                        new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter))) {
            out.writeStartObject();
            writeFields(out, document);
            out.writeEndObject();
        }
        return text + "\n";
    }

    private static void writeFields(JsonGenerator out, Obj object) throws IOException {
        for (int i = 0; i < object.names().size(); i++) {
            out.writeFieldName(object.names().get(i));
            writeValue(out, object.values().get(i));
        }
    }

    private static void writeValue(JsonGenerator out, Node value) throws IOException {
        if (value instanceof Obj inner) {
            out.writeStartObject();
            writeFields(out, inner);
            out.writeEndObject();
        } else if (value instanceof Arr array) {
            out.writeStartArray();
            for (Node element : array.elements()) {
                writeValue(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof Str text) {
            out.writeString(text.value());
        } else if (value instanceof Num number) {
            if (number.value() instanceof Integer n) {
                out.writeNumber(n);
            } else if (number.value() instanceof Long n) {
                out.writeNumber(n);
            } else {
                out.writeNumber((BigDecimal) number.value());
            }
        } else if (value instanceof Bool bool) {
            out.writeBoolean(bool.value());
        } else {
            out.writeNull();
        }
    }
}
