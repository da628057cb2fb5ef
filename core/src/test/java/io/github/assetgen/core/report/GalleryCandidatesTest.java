package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.provider.Cost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #12 item 8: the gallery shows every candidate of an asset with a pick, the picked one marked. */
class GalleryCandidatesTest {

    @TempDir
    Path target;

    /** Four candidates in a cache entry outside the report; the output is a copy of the picked one. */
    private AssetOutcome pickOf(int count, int pick) throws IOException {
        Path entry = Files.createDirectories(target.resolve("cache/entry"));
        List<OutcomeFile> candidates = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            Path file = entry.resolve(number + ".png");
            Files.write(file, GalleryMediaTest.png(20 + number, 20));
            candidates.add(
                    new OutcomeFile(file.getFileName().toString(), file, Files.size(file), Hashing.sha256(file)));
        }
        Path output = Files.createDirectories(target.resolve("out")).resolve("hero.png");
        Files.copy(candidates.get(pick - 1).absolutePath(), output);
        OutcomeFile written = new OutcomeFile("hero.png", output, Files.size(output), Hashing.sha256(output));
        return new AssetOutcome(
                "hero",
                "generated",
                "useapi",
                "midjourney-v7",
                "image",
                "A hero",
                "k",
                List.of(written),
                Cost.credits(4),
                Cost.credits(4),
                10,
                null,
                null,
                false,
                candidates,
                pick);
    }

    private String html(AssetOutcome outcome) throws IOException {
        Path reportDir = target.resolve("assetgen");
        List<AssetOutcome> outcomes = List.of(outcome);
        new ReportWriter().write(reportDir, target.resolve("out"), outcomes, ReportSummary.of(outcomes, "4", 10));
        return Files.readString(reportDir.resolve("report.html"));
    }

    private static String strip(String html) {
        int start = html.indexOf("<ol class=\"candidates\"");
        assertThat(start).as("the candidates' strip").isNotNegative();
        return html.substring(start, html.indexOf("</ol>", start));
    }

    @Test
    void fourCandidatesWithPickThreeShowFourNumberedThumbnailsTheThirdMarkedPicked() throws IOException {
        String strip = strip(html(pickOf(4, 3)));

        assertThat(Pattern.compile("<li").matcher(strip).results().count()).isEqualTo(4);
        for (int number = 1; number <= 4; number++) {
            assertThat(strip).contains("data-candidate=\"" + number + "\"><img loading=\"lazy\" src=\"media/");
        }
        assertThat(strip)
                .contains("<li class=\"picked\" data-candidate=\"3\">")
                .contains("<span class=\"number\">3 \u00b7 picked</span>")
                .contains("<span class=\"number\">1</span>")
                .containsOnlyOnce("picked</span>")
                .containsOnlyOnce("class=\"picked\"");
    }

    @Test
    void everyCandidatePictureIsAFileUnderTheReportDirectoryNotALinkIntoTheCache() throws IOException {
        String strip = strip(html(pickOf(4, 3)));
        Path reportDir = target.resolve("assetgen");

        Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(strip);
        List<String> sources = new ArrayList<>();
        while (src.find()) {
            sources.add(src.group(1));
        }
        assertThat(sources).hasSize(4).doesNotHaveDuplicates().allSatisfy(url -> {
            assertThat(url).startsWith(GalleryMedia.DIR + "/").doesNotContain("..");
            assertThat(reportDir.resolve(url)).isRegularFile();
        });
    }

    @Test
    void anAssetWithASingleCandidateOrNoneShowsNoStrip() throws IOException {
        assertThat(html(pickOf(1, 1))).doesNotContain("<ol class=\"candidates\"");
    }
}
