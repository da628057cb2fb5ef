package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.rules.SpecSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The schema the documentation publishes (and the example specs point editors at) is the one core
 * generates; regenerate it with {@code SpecSchema.generate()} when the model catalog changes.
 */
class SiteSchemaTest {

    private static final Path SITE_COPY =
            Path.of("..", "src", "site", "resources", "schema", "assetgen-spec.schema.json");

    @Test
    void thePublishedSchemaIsTheGeneratedOne() throws Exception {
        assertThat(SITE_COPY).isRegularFile();

        assertThat(Files.readString(SITE_COPY, StandardCharsets.UTF_8)).isEqualTo(SpecSchema.generate());
    }
}
