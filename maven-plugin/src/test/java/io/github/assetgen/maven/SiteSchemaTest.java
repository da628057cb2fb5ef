package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.rules.SpecSchema;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The schema the documentation publishes (and the example specs point editors at) is the one core
 * generates; regenerate it with {@code SpecSchema.generate()} when the model catalog changes. The
 * plugin jar carries it too, for editors without the network.
 */
class SiteSchemaTest {

    private static final Path SITE_COPY =
            Path.of("..", "src", "site", "resources", "schema", "assetgen-spec.schema.json");

    /** Where the plugin jar holds the schema; the site's schema page and the README name this path. */
    static final String JAR_PATH = "META-INF/assetgen/assetgen-spec.schema.json";

    @Test
    void thePublishedSchemaIsTheGeneratedOne() throws Exception {
        assertThat(SITE_COPY).isRegularFile();

        assertThat(Files.readString(SITE_COPY, StandardCharsets.UTF_8)).isEqualTo(SpecSchema.generate());
    }

    @Test
    void thePluginsResourcesCarryTheSchemaAtThePathTheDocsName() throws Exception {
        try (InputStream in = SiteSchemaTest.class.getResourceAsStream("/" + JAR_PATH)) {
            assertThat(in).as(JAR_PATH + " on the plugin's classpath").isNotNull();

            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(SpecSchema.generate());
        }
    }
}
