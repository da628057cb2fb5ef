package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.Cost;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #13: the gallery's figures agree with the lock and with each other. */
class GalleryFiguresTest {

    @TempDir
    Path target;

    private static AssetOutcome outcome(String id, String status, Cost cost, Cost spent, String message) {
        return new AssetOutcome(
                id, status, "useapi", "nano-banana-2", "image", "A " + id, "k", List.of(), cost, spent, 10, message);
    }

    private String html(List<AssetOutcome> outcomes) throws IOException {
        Path reportDir = target.resolve("assetgen");
        new ReportWriter().write(reportDir, target.resolve("out"), outcomes, ReportSummary.of(outcomes, "ignored", 10));
        return Files.readString(reportDir.resolve("report.html"));
    }

    /** The text of one card. */
    private static String card(String html, String id) {
        int start = html.indexOf("<article id=\"asset-" + id + "\"");
        assertThat(start).as("card of " + id).isNotNegative();
        return html.substring(start, html.indexOf("</article>", start));
    }

    private static String header(String html) {
        return html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
    }

    @Test
    void aKeptAssetShowsWhatTheLockSaysItCostAsBoughtEarlierNotAsSpent() throws IOException {
        String html = html(List.of(outcome("hero", "kept", Cost.credits(6), Cost.free(), null)));

        assertThat(card(html, "hero"))
                .contains("<dt>bought for</dt><dd>6 credits by an earlier build (from the lock), not spent now</dd>")
                .doesNotContain("<dt>spent</dt>")
                .doesNotContain("free");
        assertThat(header(html))
                .contains("spent this build: nothing")
                .contains("kept and restored assets were bought for 6 credits (from the lock)");
    }

    @Test
    void aModeratedAssetTheProviderDidNotChargeShowsNotChargedLikeTheHeader() throws IOException {
        String html = html(List.of(outcome("logo", "failed", Cost.credits(4), Cost.free(), "moderated")));

        assertThat(card(html, "logo"))
                .contains("<dt>spent</dt><dd>not charged</dd>")
                .doesNotContain("4 credits");
        assertThat(header(html)).contains("spent this build: nothing").doesNotContain("4 credits");
    }

    @Test
    void theHeaderSpentIsTheSumOfTheCardsSpent() throws IOException {
        List<AssetOutcome> outcomes = List.of(
                outcome("a", "generated", Cost.credits(4), Cost.credits(4), null),
                outcome("b", "generated", Cost.credits(25), Cost.credits(25), null),
                outcome("c", "partial", Cost.credits(2), Cost.credits(2), "only 1 of 2 files came back"),
                outcome("d", "restored", Cost.credits(6), Cost.free(), null),
                outcome("e", "failed", Cost.credits(4), Cost.free(), "moderated"),
                outcome("f", "generated", Cost.credits(9), Cost.free(), null));

        String html = html(outcomes);

        Matcher spent =
                Pattern.compile("<dt>spent</dt><dd>(\\d+) credits?</dd>").matcher(html);
        BigDecimal sum = BigDecimal.ZERO;
        while (spent.find()) {
            sum = sum.add(new BigDecimal(spent.group(1)));
        }
        assertThat(sum).isEqualByComparingTo("31");
        assertThat(header(html)).contains("spent this build: 31 credits at useapi");
        assertThat(card(html, "f"))
                .as("a resumed job was paid by the build that submitted it")
                .contains("<dt>bought for</dt><dd>9 credits by the build that submitted it, not spent now</dd>");
    }

    @Test
    void aSkippedAssetsNoteIsNeutralAndAFailuresIsAnError() throws IOException {
        String html = html(List.of(
                outcome("later", "skipped", Cost.credits(4), null, "not selected"),
                outcome("broken", "failed", Cost.credits(4), Cost.free(), "moderated")));

        assertThat(card(html, "later"))
                .contains("<p class=\"note\">not selected</p>")
                .contains("<dt>spent</dt><dd>nothing (not run)</dd>")
                .doesNotContain("class=\"message\"");
        assertThat(card(html, "broken")).contains("<p class=\"message\">moderated</p>");
    }

    @Test
    void aSkippedAssetWhoseFilesAreOnDiskShowsThem() throws IOException {
        Path logo = Files.createDirectories(target.resolve("out")).resolve("logo.png");
        Files.write(logo, GalleryMediaTest.png(40, 40));
        AssetOutcome skipped = new AssetOutcome(
                "logo",
                "skipped",
                "useapi",
                "nano-banana-2",
                "image",
                "A logo",
                "k",
                List.of(new OutcomeFile("logo.png", logo, Files.size(logo), null)),
                Cost.credits(4),
                Cost.free(),
                0,
                "not selected");

        String card = card(html(List.of(skipped)), "logo");

        assertThat(card).contains("<img loading=\"lazy\" src=\"media/").doesNotContain("no file");
    }

    @Test
    void theCountsPerStateAreButtonsThatFilterTheCards() throws IOException {
        String html = html(List.of(
                outcome("a", "generated", Cost.credits(4), Cost.credits(4), null),
                outcome("b", "generated", Cost.credits(4), Cost.credits(4), null),
                outcome("c", "failed", Cost.credits(4), Cost.free(), "moderated")));

        assertThat(html)
                .contains("<button type=\"button\" data-state=\"all\" aria-pressed=\"true\">all <b>3</b></button>")
                .contains("data-state=\"generated\" aria-pressed=\"false\">generated <b>2</b></button>")
                .contains("data-state=\"failed\" aria-pressed=\"false\">failed <b>1</b></button>")
                .doesNotContain("data-state=\"kept\" aria-pressed")
                .contains("card.hidden = !(state === 'all' || card.classList.contains(state));");
    }
}
