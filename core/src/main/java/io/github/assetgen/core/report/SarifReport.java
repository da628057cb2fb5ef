package io.github.assetgen.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SarifReport() {}

    static String render(List<Problem> problems, Path projectBaseDir) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "assetgen");
        driver.put("version", toolVersion());
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleDescription rule : RuleDescription.all()) {
            index.put(rule.id(), index.size());
            ObjectNode node = rules.addObject();
            node.put("id", rule.id());
            node.putObject("shortDescription").put("text", rule.shortDescription());
            node.putObject("help").put("text", rule.help());
        }
        // the folder relative spec paths start from; a URI with a trailing slash, as SARIF §3.14.14 asks
        run.putObject("originalUriBaseIds")
                .putObject(BASE_ID)
                .put("uri", projectBaseDir.toAbsolutePath().normalize().toUri().toString());
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Problem problem : problems) {
            ObjectNode result = results.addObject();
            result.put("ruleId", problem.ruleId());
            Integer ruleIndex = index.get(problem.ruleId());
            if (ruleIndex != null) {
                result.put("ruleIndex", ruleIndex);
            }
            result.put("level", problem.isError() ? "error" : "warning");
            String asset = problem.assetId() == null ? "" : "[" + problem.assetId() + "] ";
            result.putObject("message").put("text", asset + problem.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            artifactLocation(
                    physical.putObject("artifactLocation"), problem.position().source());
            physical.putObject("region")
                    .put("startLine", problem.position().line())
                    .put("startColumn", problem.position().column());
            ObjectNode properties = result.putObject("properties");
            properties.put("asset", problem.assetId());
            properties.put("field", problem.field());
        }
        return JsonReport.pretty(root);
    }

    /**
     * A spec file shown relative to the project becomes a relative URI reference on {@value #BASE_ID};
     * one outside the project (shown absolute) an absolute {@code file:} URI.
     */
    private static void artifactLocation(ObjectNode location, String source) {
        Path path = Path.of(source);
        if (path.isAbsolute()) {
            location.put("uri", path.toUri().toString());
            return;
        }
        try {
            // percent-encodes spaces and the like; the slashes stay. "./" keeps a colon in the first
            // segment from reading as a scheme (RFC 3986 §4.2)
            String first = source.contains("/") ? source.substring(0, source.indexOf('/')) : source;
            String relative = first.contains(":") ? "./" + source : source;
            location.put("uri", new URI(null, null, relative, null).toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + source, e);
        }
        location.put("uriBaseId", BASE_ID);
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
