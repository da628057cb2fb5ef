package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.plan.State;
import io.github.assetgen.core.provider.Cost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWriterTest {

    private static final String HOSTILE_PROMPT = "A <script>alert('x')</script> & \"quotes\" \u0001 sign";

    @TempDir
    Path target;

    Path reportDir;
    Path outputDir;
    List<AssetOutcome> outcomes;
    ReportSummary summary;

    @BeforeEach
    void outcomesOfABuild() throws IOException {
        reportDir = target.resolve("assetgen");
        outputDir = target.resolve("generated-assets");
        Path hero = Files.createDirectories(outputDir.resolve("img")).resolve("hero.png");
        Files.write(hero, GalleryMediaTest.png(32, 18));
        Path intro = Files.createDirectories(outputDir.resolve("video")).resolve("intro.mp4");
        Files.write(intro, GalleryMediaTest.MP4);
        outcomes = List.of(
                new AssetOutcome(
                        "intro",
                        "restored",
                        "useapi",
                        "T2V-2.3",
                        "video",
                        "Slow dolly [Push in]",
                        "bb22",
                        List.of(new OutcomeFile(
                                "video/intro.mp4", intro, GalleryMediaTest.MP4.length, "cafe".repeat(16))),
                        Cost.credits(0),
                        Cost.free(),
                        15,
                        null),
                new AssetOutcome(
                        "hero",
                        "generated",
                        "minimax",
                        "image-01",
                        "image",
                        HOSTILE_PROMPT,
                        "aa11",
                        List.of(new OutcomeFile("img/hero.png", hero, 3, "beef")),
                        Cost.credits(8),
                        Cost.credits(8),
                        1200,
                        null),
                new AssetOutcome(
                        "broken",
                        "failed",
                        "apixo",
                        "nano-banana-pro",
                        "image",
                        "A cat",
                        "cc33",
                        List.of(),
                        Cost.credits(0),
                        Cost.free(),
                        300,
                        "moderated by the provider: <content> & \"policy\""),
                new AssetOutcome(
                        "later",
                        "skipped",
                        "useapi",
                        "nano-banana-2",
                        "image",
                        "Later",
                        "dd44",
                        List.of(),
                        null,
                        null,
                        0,
                        "not selected by -Dassetgen.only"));
        summary = ReportSummary.of(outcomes, "8 credits", 1515);
    }

    @Test
    void allThreeReportsAreWrittenWithNoTemporaryFilesLeft() throws IOException {
        new ReportWriter().write(reportDir, outputDir, outcomes, summary);

        try (var listing = Files.list(reportDir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "report.json", "report.html", "report.css", "TEST-assetgen.xml", "media");
        }
    }

    @Test
    void theJsonListsEveryAssetSortedByIdWithItsFilesAndTheTotals() throws IOException {
        new ReportWriter().write(reportDir, outputDir, outcomes, summary);

        JsonNode json =
                new ObjectMapper().readTree(reportDir.resolve("report.json").toFile());
        assertThat(json.path("assets").findValuesAsText("id")).containsExactly("broken", "hero", "intro", "later");
        JsonNode hero = json.path("assets").get(1);
        assertThat(hero.path("status").asText()).isEqualTo("generated");
        assertThat(hero.path("key").asText()).isEqualTo("aa11");
        assertThat(hero.path("prompt").asText()).isEqualTo(HOSTILE_PROMPT);
        assertThat(hero.path("files").get(0).path("path").asText()).isEqualTo("img/hero.png");
        assertThat(hero.path("files").get(0).path("sha256").asText()).isEqualTo("beef");
        assertThat(hero.path("durationMillis").asLong()).isEqualTo(1200);
        assertThat(json.path("assets").get(0).path("message").asText()).startsWith("moderated");
        assertThat(json.path("summary").path("generated").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("kept").asInt()).isZero();
        assertThat(json.path("summary").path("assets").asInt()).isEqualTo(4);
        assertThat(json.path("summary").path("totalCost").asText()).isEqualTo("8 credits");
    }

    @Test
    void theJsonRecordsCostsAsAnAmountAndAUnitAndWhatWasSpentPerProvider() throws IOException {
        new ReportWriter().write(reportDir, outputDir, outcomes, summary);

        JsonNode json =
                new ObjectMapper().readTree(reportDir.resolve("report.json").toFile());
        JsonNode hero = json.path("assets").get(1);
        assertThat(hero.path("cost").toString()).isEqualTo("{\"amount\":8,\"unit\":\"credits\"}");
        assertThat(hero.path("spent").toString()).isEqualTo("{\"amount\":8,\"unit\":\"credits\"}");
        assertThat(json.path("assets").get(2).path("spent").toString()).isEqualTo("{\"amount\":0,\"unit\":\"free\"}");
        assertThat(json.path("assets").get(3).path("cost").isNull()).isTrue();
        assertThat(json.path("summary").path("spent").toString())
                .isEqualTo("{\"minimax\":{\"amount\":8,\"unit\":\"credits\"}}");
    }

    @Test
    void theSameOutcomesInAnotherOrderGiveByteIdenticalReports(@TempDir Path otherDir) throws IOException {
        List<AssetOutcome> shuffled = new ArrayList<>(outcomes);
        Collections.reverse(shuffled);

        new ReportWriter().write(reportDir, outputDir, outcomes, summary);
        new ReportWriter().write(otherDir, outputDir, shuffled, summary);

        assertThat(Files.readString(otherDir.resolve("report.json")))
                .isEqualTo(Files.readString(reportDir.resolve("report.json")))
                .doesNotContain("\r");
        assertThat(Files.readString(otherDir.resolve("TEST-assetgen.xml")))
                .isEqualTo(Files.readString(reportDir.resolve("TEST-assetgen.xml")));
    }

    @Test
    void aScriptInAPromptIsEscapedInTheHtml() throws IOException {
        new ReportWriter().write(reportDir, outputDir, outcomes, summary);

        String html = Files.readString(reportDir.resolve("report.html"));
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("\u0001")
                .contains("A &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .contains("moderated by the provider: &lt;content&gt; &amp; &quot;policy&quot;");
    }

    @Test
    void theHtmlShowsPicturesAndVideosFromCopiesInsideTheReportDirectory() throws IOException {
        new ReportWriter().write(reportDir, outputDir, outcomes, summary);

        String html = Files.readString(reportDir.resolve("report.html"));
        String heroSha = io.github.assetgen.core.files.Hashing.sha256(outputDir.resolve("img/hero.png"));
        assertThat(html)
                .contains("<img loading=\"lazy\" src=\"media/" + heroSha + ".png\"")
                .contains("<video controls muted preload=\"metadata\" src=\"media/cafe")
                .doesNotContain("../")
                .contains("<span class=\"badge failed\" title=\"" + State.FAILED.meaning() + "\">failed</span>")
                .contains("<dt>spent</dt><dd>8 credits</dd>")
                .contains("<dt>model</dt><dd>image-01</dd>")
                .contains("<dt>provider</dt><dd>minimax</dd>");
        assertThat(reportDir.resolve("media/" + heroSha + ".png"))
                .hasSameBinaryContentAs(outputDir.resolve("img/hero.png"));
    }

    @Test
    void theHtmlLoadsNothingFromOutside() throws IOException {
        new ReportWriter().write(reportDir, outputDir, outcomes, summary);

        String html = Files.readString(reportDir.resolve("report.html"));
        assertThat(html)
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("@import")
                .contains("<link rel=\"stylesheet\" href=\"report.css\">");
        assertThat(Files.readString(reportDir.resolve("report.css")))
                .contains("article[hidden]{display:none}")
                .doesNotContain("url(");
    }

    @Test
    void aFileGivenOnlyByRelativePathIsFoundInTheOutputDirectoryAndALinkToItIsUrlEncoded() throws IOException {
        Files.createDirectories(outputDir.resolve("brand"));
        Files.write(outputDir.resolve("brand/my logo #1.bin"), new byte[] {1, 2, 3});
        AssetOutcome spaced = new AssetOutcome(
                "logo",
                "kept",
                "useapi",
                "image-01",
                "image",
                "Logo",
                "ee55",
                List.of(new OutcomeFile("brand/my logo #1.bin", null, 3, null)),
                Cost.credits(0),
                Cost.free(),
                1,
                null);

        new ReportWriter().write(reportDir, outputDir, List.of(spaced), ReportSummary.of(List.of(spaced), "0", 1));

        assertThat(Files.readString(reportDir.resolve("report.html")))
                .contains("href=\"../generated-assets/brand/my%20logo%20%231.bin\"")
                .contains("no preview");
    }

    @Test
    void theJunitXmlIsValidAndHasOneTestCasePerAssetWithFailuresAndSkips() throws Exception {
        new ReportWriter().write(reportDir, outputDir, outcomes, summary);

        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reportDir.resolve("TEST-assetgen.xml").toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("1.515");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element broken = (Element) cases.item(0);
        assertThat(broken.getAttribute("classname")).isEqualTo("assetgen");
        assertThat(broken.getAttribute("name")).isEqualTo("broken");
        Element failure = (Element) broken.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("moderated by the provider: <content> & \"policy\"");
        Element hero = (Element) cases.item(1);
        assertThat(hero.getAttribute("name")).isEqualTo("hero");
        assertThat(hero.getElementsByTagName("failure").getLength()).isZero();
        assertThat(hero.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("A <script>alert('x')</script>")
                .contains("img/hero.png");
        Element later = (Element) cases.item(3);
        assertThat(later.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void aPlannedAssetIsASkippedTestCase() throws Exception {
        AssetOutcome planned = new AssetOutcome(
                "hero", "planned", "useapi", "image-01", "image", "A", "k", List.of(), Cost.credits(4), null, 0, null);

        new ReportWriter().write(reportDir, outputDir, List.of(planned), ReportSummary.of(List.of(planned), "4", 0));

        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reportDir.resolve("TEST-assetgen.xml").toFile());
        assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        Element skipped = (Element) xml.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("planned, not generated");
    }

    @Test
    void rewritingReplacesTheOldReports() throws IOException {
        new ReportWriter().write(reportDir, outputDir, outcomes, summary);
        AssetOutcome only = outcomes.get(0);

        new ReportWriter().write(reportDir, outputDir, List.of(only), ReportSummary.of(List.of(only), "0", 5));

        assertThat(Files.readString(reportDir.resolve("report.json")))
                .contains("\"intro\"")
                .doesNotContain("\"hero\"");
        assertThat(Files.readString(reportDir.resolve("report.html"))).doesNotContain("asset-hero");
    }

    @Test
    void theSummaryCountsEveryStatusAndListsMissingOnesAsZero() {
        assertThat(summary.counts())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("kept", 0),
                        org.assertj.core.api.Assertions.entry("restored", 1),
                        org.assertj.core.api.Assertions.entry("generated", 1),
                        org.assertj.core.api.Assertions.entry("partial", 0),
                        org.assertj.core.api.Assertions.entry("failed", 1),
                        org.assertj.core.api.Assertions.entry("skipped", 1),
                        org.assertj.core.api.Assertions.entry("planned", 0));
        assertThat(summary.total()).isEqualTo(4);
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThatThrownBy(() -> new AssetOutcome("x", "done", null, null, null, null, null, null, null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("done");
    }

    @Test
    void aChangedAssetsPreviousFilesAreCopiedBesideTheReportAndAnOlderBuildsCopiesRemoved() throws IOException {
        Path cached = Files.write(target.resolve("cache-1.png"), new byte[] {9, 9});
        AssetOutcome hero =
                outcomes.stream().filter(o -> o.id().equals("hero")).findFirst().orElseThrow();
        AssetOutcome changed = hero.withChange(
                new AssetOutcome.Change("cc33", List.of("prompt"), "A <b>old</b> sign", List.of(cached)));
        Files.createDirectories(reportDir.resolve("previous/gone"));
        Files.writeString(reportDir.resolve("previous/gone/1.png"), "an older build's copy");

        new ReportWriter().write(reportDir, outputDir, List.of(changed), summary);

        assertThat(reportDir.resolve("previous/hero/1.png")).hasBinaryContent(new byte[] {9, 9});
        assertThat(reportDir.resolve("previous/gone")).doesNotExist();
        JsonNode change = new ObjectMapper()
                .readTree(reportDir.resolve("report.json").toFile())
                .path("assets")
                .get(0)
                .path("change");
        assertThat(change.path("previousKey").asText()).isEqualTo("cc33");
        assertThat(change.path("previousFiles").get(0).asText()).isEqualTo("previous/hero/1.png");
        assertThat(Files.readString(reportDir.resolve("report.html")))
                .contains("src=\"previous/hero/1.png\"")
                .doesNotContain("<b>old</b>");
        assertThat(Files.readString(reportDir.resolve(ReportWriter.JUNIT)))
                .contains("changed: prompt\n")
                .contains("previous prompt: A &lt;b&gt;old&lt;/b&gt; sign");

        new ReportWriter().write(reportDir, outputDir, outcomes, summary);

        assertThat(reportDir.resolve("previous"))
                .as("no change in this build, no copies")
                .doesNotExist();
    }
}
