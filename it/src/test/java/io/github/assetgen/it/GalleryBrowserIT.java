package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 item 6: the gallery of a real build, opened from {@code file://} in Debian's headless
 * chromium (driven by playwright-core from {@code .ci/tools}, see {@code src/test/js/gallery-check.js}),
 * shows what it claims; and the report directory published alone still shows every picture.
 */
class GalleryBrowserIT extends ItSupport {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String SPEC = "src/main/assets/site.yaml";

    /** The project's root: it/src/it is where failsafe says the templates are. */
    private static Path root() {
        return Paths.get(MavenBuild.required("it.templates"))
                .toAbsolutePath()
                .getParent()
                .getParent()
                .getParent();
    }

    private static Path playwright() {
        return root().resolve(".ci/tools/node_modules/playwright-core");
    }

    /**
     * Skips when chromium, node or playwright-core is missing, unless {@code CI=true}: there the test
     * must run (.ci/run installs all three).
     */
    @BeforeEach
    void requireBrowser() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (apt-get install chromium)");
        }
        if (!Files.isDirectory(playwright())) {
            missing.add(playwright() + " (npm ci --prefix .ci/tools)");
        }
        if (!onPath("node")) {
            missing.add("node");
        }
        if (missing.isEmpty()) {
            return;
        }
        String why = "the browser test needs " + String.join(", ", missing);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        assumeTrue(false, why);
    }

    @Test
    void theGalleryOfABuildShowsEveryStateAndReasonAndLoadsNothingFromOutside(@TempDir Path published)
            throws IOException {
        MavenBuild build = prepare("generate");
        String spec = read(build.file(SPEC));
        write(build.file(SPEC), spec + """
                  - id: badge
                    prompt: "A round badge with a paper boat"
                    aspectRatio: "1:1"
                  - id: cards
                    prompt: "Four postcards of a harbour"
                    quantity: 4
                    pick: 2
                    output: img/cards.png
                """);
        build.run(fakes.args(GENERATE)).assertSuccess();
        // second build: hero changed (generated), logo moderated (failed), badge and cards kept, intro skipped
        replace(build.file(SPEC), "long exposure", "short exposure");
        replace(
                build.file(SPEC),
                "A flat vector logo of a paper boat",
                "A flat vector logo of a paper boat " + FakeProvider.MODERATE_MARKER);
        build.run(fakes.args(GENERATE, "-Dassetgen.only=hero,logo,badge,cards")).assertFailure();
        Path reportDir = build.dir().resolve("target/assetgen");

        JsonNode page = open(reportDir.resolve("report.html"), null);

        assertThat(page.path("counts").toString())
                .isEqualTo("{\"all\":5,\"kept\":2,\"generated\":1,\"failed\":1,\"skipped\":1}");
        // the cards' pictures, and the changed assets' previous versions beside the new ones
        assertThat(page.path("images").findValuesAsText("card")).contains("asset-badge", "asset-hero");
        assertThat(page.path("images"))
                .allSatisfy(image -> assertThat(image.path("naturalWidth").asInt())
                        .as("decoded: " + image)
                        .isPositive());
        assertThat(page.path("videos").findValuesAsText("card"))
                .as("the skipped video shows its file on disk")
                .containsExactly("asset-intro");
        assertThat(page.path("videos"))
                .allSatisfy(video -> assertThat(video.path("readyState").asInt())
                        .as("metadata loaded: " + video)
                        .isGreaterThanOrEqualTo(1));
        // the asset that picks one of four: every candidate shown and decoded, the second marked
        assertThat(card(page, "cards").path("candidates"))
                .hasSize(4)
                .allSatisfy(
                        candidate -> assertThat(candidate.path("naturalWidth").asInt())
                                .as("candidate decoded: " + candidate)
                                .isPositive())
                .allSatisfy(candidate ->
                        assertThat(candidate.path("visible").asBoolean()).isTrue())
                .filteredOn(candidate -> candidate.path("picked").asBoolean())
                .singleElement()
                .satisfies(picked -> assertThat(picked.path("number").asInt()).isEqualTo(2));
        JsonNode logo = card(page, "logo");
        assertThat(logo.path("state").asText()).isEqualTo("failed");
        assertThat(logo.path("messageVisible").asBoolean()).isTrue();
        assertThat(logo.path("message").asText().toLowerCase()).contains("moderat");
        assertThat(card(page, "intro").path("note").asText()).isNotEmpty();
        // the figures agree with the lock and each other
        assertThat(lockEntry(build.lockFile(), "badge").path("cost").toString())
                .isEqualTo("{\"amount\":4,\"unit\":\"credits\"}");
        assertThat(card(page, "badge").path("details").path("bought for").asText())
                .startsWith("4 credits by an earlier build");
        assertThat(card(page, "hero").path("details").path("spent").asText()).isEqualTo("4 credits");
        assertThat(logo.path("details").path("spent").asText()).isEqualTo("not charged");
        assertThat(page.path("header").asText())
                .contains("spent this build: 4 credits at useapi")
                .contains("kept and restored assets were bought for 20 credits (from the lock)");
        assertThat(page.path("filters").path("failed").toString()).isEqualTo("[\"logo\"]");
        assertThat(page.path("filters").path("kept").toString()).isEqualTo("[\"badge\",\"cards\"]");
        assertThat(page.path("filters").path("all")).hasSize(5);
        assertThat(texts(page.path("requests")))
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith("file://"));
        assertThat(texts(page.path("consoleErrors"))).isEmpty();

        copyTree(reportDir, published);
        JsonNode alone = open(published.resolve("report.html"), null);

        assertThat(alone.path("images"))
                .hasSize(page.path("images").size())
                .allSatisfy(image -> assertThat(image.path("naturalWidth").asInt())
                        .as("decoded from the published copy: " + image)
                        .isPositive());
        assertThat(alone.path("videos"))
                .allSatisfy(
                        video -> assertThat(video.path("readyState").asInt()).isGreaterThanOrEqualTo(1));
        assertThat(texts(alone.path("requests")))
                .allSatisfy(url ->
                        assertThat(url).startsWith("file://" + published.toUri().getRawPath()));
    }

    /**
     * The quickstart of the README (placeholders), whose gallery is the README's screenshot: written
     * to it/target/gallery-quickstart.png, copied by hand to src/site/resources/images/gallery.png.
     */
    @Test
    void theQuickstartsPlaceholderGalleryShowsEveryPictureAndVideo() throws IOException {
        // MavenBuild copies a template directory; the quickstart is one, three levels up from the ITs'
        MavenBuild build = prepareWithoutTokens("../../../src/examples/quickstart");
        build.run(fakes.args(GENERATE, "-Dassetgen.placeholders=true")).assertSuccess();
        Path screenshot = root().resolve("it/target/gallery-quickstart.png");

        JsonNode page = open(build.dir().resolve("target/assetgen/report.html"), screenshot);

        assertThat(page.path("images"))
                .isNotEmpty()
                .allSatisfy(
                        image -> assertThat(image.path("naturalWidth").asInt()).isPositive());
        assertThat(page.path("videos"))
                .isNotEmpty()
                .allSatisfy(
                        video -> assertThat(video.path("readyState").asInt()).isGreaterThanOrEqualTo(1));
        assertThat(texts(page.path("requests")))
                .allSatisfy(url -> assertThat(url).startsWith("file://"));
        assertThat(screenshot).isNotEmptyFile();
    }

    /** Runs gallery-check.js on the page and returns what it printed. */
    private static JsonNode open(Path report, Path screenshot) {
        List<String> command = new ArrayList<>(List.of(
                "node",
                root().resolve("it/src/test/js/gallery-check.js").toString(),
                playwright().toString(),
                report.toUri().toString()));
        if (screenshot != null) {
            command.add(screenshot.toString());
        }
        try {
            Path out = Files.createTempFile("gallery-check", ".json");
            Path err = Files.createTempFile("gallery-check", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("gallery-check.js did not finish in 2 minutes: " + Files.readString(err));
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            assertThat(process.exitValue()).as("gallery-check.js: " + stderr).isZero();
            return new ObjectMapper().readTree(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode card(JsonNode page, String id) {
        for (JsonNode card : page.path("cards")) {
            if (card.path("id").asText().equals(id)) {
                return card;
            }
        }
        throw new AssertionError("no card " + id + " in " + page.path("cards"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Paths.get(dir, program)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
