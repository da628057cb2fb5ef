package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin carries the spec schema where the docs tell offline editors to find it. In a reactor
 * {@code mvn verify} this module sees the plugin's jar itself; alone, its classes folder.
 */
class PluginJarSchemaTest {

    private static final String JAR_PATH = "META-INF/assetgen/assetgen-spec.schema.json";
    private static final Path SITE_COPY =
            Path.of("..", "src", "site", "resources", "schema", "assetgen-spec.schema.json");

    @Test
    void thePluginJarHoldsThePublishedSchemaForOfflineEditors() throws Exception {
        URL resource = PluginJarSchemaTest.class.getClassLoader().getResource(JAR_PATH);
        assertThat(resource).as(JAR_PATH + " on the classpath").isNotNull();
        assertThat(resource.toString())
                .as("comes from the plugin")
                .containsPattern("assetgen-maven-plugin-[^/]+\\.jar!/|maven-plugin/target/classes/");

        try (InputStream in = resource.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(SITE_COPY, StandardCharsets.UTF_8));
        }
    }
}
