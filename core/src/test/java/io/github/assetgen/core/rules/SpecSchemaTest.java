package io.github.assetgen.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.assetgen.core.specfile.SpecFields;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecSchemaTest {

    /** Run with {@code -Dassetgen.regenerateSchema=true} to rewrite the committed schema. */
    private static final String REGENERATE = "assetgen.regenerateSchema";

    private static Schema schema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SpecSchema.generate(), InputFormat.JSON);
    }

    @Test
    void committedSchemaMatchesTheGeneratedOne() throws Exception {
        Path committed = Path.of(SpecSchema.RESOURCE);
        String generated = SpecSchema.generate();
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as(
                        "core/%s is out of date; regenerate it with: mvn -B -q -pl core test -Dtest=SpecSchemaTest -D%s=true",
                        SpecSchema.RESOURCE, REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void schemaIsOnTheClasspath() throws Exception {
        try (var in = SpecSchema.class.getResourceAsStream("/io/github/assetgen/core/assetgen-spec.schema.json")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(SpecSchema.generate());
        }
    }

    @Test
    void everySpecFieldIsDescribedWithAType() throws Exception {
        JsonNode properties = TestSpecs.JSON.readTree(SpecSchema.generate()).at("/$defs/asset/properties");
        assertThat(properties.size()).isEqualTo(SpecFields.ASSET_FIELDS.size());
        for (String field : SpecFields.ASSET_FIELDS) {
            assertThat(properties.get(field).get("description").asText())
                    .as(field)
                    .isNotBlank();
            assertThat(properties.get(field).get("type").asText()).as(field).isNotBlank();
        }
        JsonNode models = TestSpecs.JSON.readTree(SpecSchema.generate()).at("/$defs/catalogModel/enum");
        assertThat(models.toString())
                .contains("nano-banana-pro", "Veo-3.1-S2V-Fast", "MiniMax-Hailuo-02", "minimax-image-01");
        assertThat(properties.at("/model/examples"))
                .as("offered for completion")
                .isEqualTo(models);
        assertThat(properties.at("/options/enum").toString()).contains("512p-10sec", "veo-4k-8sec", "720p-6sec");
    }

    @Test
    void aValidYamlSpecPasses() {
        String yaml = """
                defaults:
                  provider: useapi
                  model: nano-banana-2
                assets:
                  - id: hero
                    prompt: "A lighthouse at dusk in the style of @Image1"
                    model: nano-banana-pro
                    aspectRatio: "16:9"
                    resolution: 2K
                    references: [refs/style.png]
                    output: img/hero.png
                  - id: intro
                    type: video
                    model: T2V-2.3
                    options: 768p-6sec
                    prompt: "Slow dolly over a misty harbour [Push in]"
                    output: video/intro.mp4
                  - id: panda
                    provider: apixo
                    prompt: a panda
                    size: 1024x1024
                    seed: -1
                    quantity: 3
                    promptOptimization: false
                """;
        List<Error> errors = schema().validate(yaml, InputFormat.YAML);
        assertThat(errors).isEmpty();
    }

    @Test
    void unknownFieldsWrongEnumsAndMissingIdsFail() {
        String yaml = """
                assets:
                  - prompt: no id here
                    resolutoin: 2K
                  - id: Bad Id
                    provider: useapl
                    quantity: "2"
                """;
        List<Error> errors = schema().validate(yaml, InputFormat.YAML);
        assertThat(errors)
                .extracting(e -> e.getInstanceLocation() + " " + e.getMessage())
                .hasSize(5)
                .anyMatch(m -> m.contains("required property 'id'"))
                .anyMatch(m -> m.contains("resolutoin"))
                .anyMatch(m -> m.contains("provider") && m.contains("enumeration"))
                .anyMatch(m -> m.contains("quantity") && m.contains("integer expected"));
    }

    @Test
    void thePlaceholderProviderTakesAnyModelNameOnTheAssetOrFromDefaults() {
        String yaml = """
                defaults:
                  provider: placeholder
                  model: my-own-model
                assets:
                  - id: inherited
                    prompt: a lighthouse
                  - id: own
                    prompt: a harbour
                    model: not-in-any-catalog-9000
                  - id: video
                    type: video
                    provider: placeholder
                    model: Imaginary-Video-1
                    prompt: a slow pan
                """;

        List<Error> errors = schema().validate(yaml, InputFormat.YAML);

        assertThat(errors).isEmpty();
    }

    @Test
    void aMadeUpModelFailsForEveryOtherProvider() {
        String yaml = """
                defaults:
                  provider: placeholder
                assets:
                  - id: overrides
                    provider: useapi
                    model: my-own-model
                  - id: fine
                    model: anything-goes
                """;
        String noDefaults = """
                assets:
                  - id: implicit-useapi
                    model: my-own-model
                  - id: own-placeholder
                    provider: placeholder
                    model: anything-goes
                  - id: apixo
                    provider: apixo
                    model: my-own-model
                """;
        String defaultsProvider = """
                defaults:
                  provider: minimax
                  model: my-own-model
                assets:
                  - id: a
                """;

        assertThat(schema().validate(yaml, InputFormat.YAML))
                .extracting(e -> e.getInstanceLocation().toString())
                .containsExactly("/assets/0/model");
        assertThat(schema().validate(noDefaults, InputFormat.YAML))
                .extracting(e -> e.getInstanceLocation().toString())
                .containsExactlyInAnyOrder("/assets/0/model", "/assets/2/model");
        assertThat(schema().validate(defaultsProvider, InputFormat.YAML))
                .extracting(e -> e.getInstanceLocation() + " " + e.getMessage())
                .singleElement()
                .asString()
                .startsWith("/defaults/model")
                .contains("enumeration");
    }
}
