package io.github.assetgen.core.report;

import io.github.assetgen.core.rules.RuleDescription;
import io.github.assetgen.core.specfile.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code assetgen.sarif}: every spec problem as SARIF 2.1.0
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), for GitHub code scanning and
 * Jenkins' Warnings NG. One run; the driver lists every rule ({@link RuleDescription}); each result
 * names its rule, level, message and the spec file's line and column, relative to the project folder
 * ({@value #BASE_ID}).
 */
final class SarifReport {

    /** The uriBaseId of spec files, the project folder; {@code originalUriBaseIds} says where it was. */
    static final String BASE_ID = "PROJECTROOT";

    static final String INFORMATION_URI = "https://github.com/assetgen/assetgen";

    /** The final 2.1.0 schema, as the multitool's rule SARIF1011 wants it named. */
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {}

    /**
     * @param rootDirectory the reactor's root, which relative paths start from when the project is
     *     inside it: code scanning reads a relative path from the repository's root, which is where a
     *     multi-module build starts, not a module's folder
     */
    static String render(List<Problem> problems, Path projectBaseDir, Path rootDirectory) {
        Path module = projectBaseDir.toAbsolutePath().normalize();
        Path root =
                rootDirectory == null ? module : rootDirectory.toAbsolutePath().normalize();
        if (!module.startsWith(root)) {
            root = module;
        }
        JsonText json = new JsonText(Markup.capacity(problems.size(), 1024));
        json.object()
                .field("$schema", SCHEMA)
                .field("version", "2.1.0")
                .array("runs")
                .object()
                .object("tool")
                .object("driver")
                .field("name", "assetgen")
                .field("version", toolVersion())
                .field("informationUri", INFORMATION_URI)
                .array("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleDescription rule : RuleDescription.all()) {
            index.put(rule.id(), index.size());
            json.object()
                    .field("id", rule.id())
                    .object("shortDescription")
                    .field("text", rule.shortDescription())
                    .end()
                    .object("help")
                    .field("text", rule.help())
                    .end()
                    .end();
        }
        json.endArray().end().end();
        // the folder relative spec paths start from; a URI with a trailing slash, as SARIF §3.14.14 asks
        json.object("originalUriBaseIds")
                .object(BASE_ID)
                .field("uri", root.toUri().toString())
                .end()
                .end()
                .field("columnKind", "unicodeCodePoints")
                .array("results");
        for (Problem problem : problems) {
            json.object().field("ruleId", problem.ruleId());
            Integer ruleIndex = index.get(problem.ruleId());
            if (ruleIndex != null) {
                json.field("ruleIndex", ruleIndex.intValue());
            }
            String asset = problem.assetId() == null ? "" : "[" + problem.assetId() + "] ";
            json.field("level", problem.isError() ? "error" : "warning")
                    .object("message")
                    .field("text", asset + problem.message())
                    .end()
                    .array("locations")
                    .object()
                    .object("physicalLocation")
                    .object("artifactLocation");
            artifactLocation(json, problem.position().source(), module, root);
            json.end()
                    .object("region")
                    .field("startLine", problem.position().line())
                    .field("startColumn", problem.position().column())
                    .end()
                    .end()
                    .end()
                    .endArray()
                    .object("properties")
                    .field("asset", problem.assetId())
                    .field("field", problem.field())
                    .end()
                    .end();
        }
        return json.endArray().end().endArray().end().text();
    }

    /**
     * A spec file shown relative to the project becomes a relative URI reference on {@value #BASE_ID}
     * (the root); one outside the root an absolute {@code file:} URI.
     */
    private static void artifactLocation(JsonText location, String shown, Path module, Path root) {
        Path path = module.resolve(shown).normalize();
        if (!path.startsWith(root)) {
            location.field("uri", path.toUri().toString());
            return;
        }
        String source = slashes(root.relativize(path));
        try {
            // percent-encodes spaces and the like; the slashes stay. "./" keeps a colon in the first
            // segment from reading as a scheme (RFC 3986 §4.2)
            String first = source.contains("/") ? source.substring(0, source.indexOf('/')) : source;
            String relative = first.contains(":") ? "./" + source : source;
            location.field("uri", new URI(null, null, relative, null).toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + source, e);
        }
        location.field("uriBaseId", BASE_ID);
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /** The version in core's jar (Maven writes its pom.properties), or {@code development} when run from classes. */
    static String toolVersion() {
        try (InputStream in = SarifReport.class.getResourceAsStream(
                "/META-INF/maven/io.github.assetgen/assetgen-core/pom.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
