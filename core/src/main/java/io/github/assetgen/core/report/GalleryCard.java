package io.github.assetgen.core.report;

import static io.github.assetgen.core.report.Markup.escape;

import io.github.assetgen.core.plan.State;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One asset's card in {@code report.html}: its pictures or videos, state, prompt, details, money
 * (see {@link CardMoney}), its candidates when it picks one, what changed (see {@link ChangeView}) and message. A card is a sequence of sections, each its own method, so a
 * new section is one call in {@link #append}. Stateless.
 */
final class GalleryCard {

    /** States whose message is an error; any other state's message is a neutral note. */
    private static final Set<String> ERRORS = Set.of("failed", "partial");

    /** Each state's meaning, escaped once: every card of that state shows it as its badge's title. */
    private static final Map<String, String> BADGE_TITLES = badgeTitles();

    private GalleryCard() {}

    static void append(StringBuilder html, Path outputDir, AssetOutcome outcome, GalleryMedia media) {
        String status = escape(outcome.status());
        html.append("<article id=\"asset-")
                .append(escape(outcome.id()))
                .append("\" class=\"")
                .append(status)
                .append("\" data-state=\"")
                .append(status)
                .append("\">\n");
        Map<OutcomeFile, String> shown = media(html, outputDir, outcome, media);
        candidates(html, outputDir, outcome, media);
        html.append("<div class=\"body\">\n");
        heading(html, outcome);
        details(html, outcome);
        if (outcome.change() != null) {
            // the previous version beside the new one, the new one as this card shows it
            html.append(ChangeView.render(
                    media.reportDir(),
                    outcome,
                    file -> shown.getOrDefault(
                            file, HtmlReport.relativeUrl(media.reportDir(), path(outputDir, file)))));
        }
        message(html, outcome);
        html.append("</div>\n</article>\n");
    }

    /** @return the URL each file is shown by, for those shown as a picture or video */
    private static Map<OutcomeFile, String> media(
            StringBuilder html, Path outputDir, AssetOutcome outcome, GalleryMedia media) {
        html.append("<div class=\"media\">\n");
        if (outcome.files().isEmpty()) {
            html.append("<div class=\"nomedia\">no file</div>\n</div>\n");
            return Map.of();
        }
        Map<OutcomeFile, String> sources = new HashMap<>();
        for (OutcomeFile file : outcome.files()) {
            GalleryMedia.Shown shown = media.show(path(outputDir, file), file.sha256());
            String src = shown.src() == null ? null : escape(shown.src());
            if (shown.kind() == GalleryMedia.Kind.IMAGE || shown.kind() == GalleryMedia.Kind.VIDEO) {
                sources.put(file, shown.src());
            }
            switch (shown.kind()) {
                case IMAGE ->
                    html.append("<img loading=\"lazy\" src=\"")
                            .append(src)
                            .append("\" alt=\"")
                            .append(escape(outcome.prompt() == null ? outcome.id() : outcome.prompt()))
                            .append("\">\n");
                case VIDEO ->
                    html.append("<video controls muted preload=\"metadata\" src=\"")
                            .append(src)
                            .append("\"></video>\n");
                case LINK ->
                    html.append("<div class=\"medianote\"><a href=\"")
                            .append(src)
                            .append("\">")
                            .append(escape(file.path()))
                            .append("</a> \u00b7 ")
                            .append(escape(shown.note()))
                            .append("</div>\n");
                case NONE ->
                    html.append("<div class=\"nomedia\">")
                            .append(escape(file.path()))
                            .append(": ")
                            .append(escape(shown.note()))
                            .append("</div>\n");
            }
        }
        html.append("</div>\n");
        return sources;
    }

    /**
     * With a {@code pick} among several: every candidate, numbered as the spec's {@code pick} counts
     * them, the picked one marked, so a reviewer sees which number to pick instead. Their files are in
     * the cache; they are put into the report's media like the outputs, so the page stays whole.
     */
    private static void candidates(StringBuilder html, Path outputDir, AssetOutcome outcome, GalleryMedia media) {
        if (outcome.candidates().size() < 2) {
            return;
        }
        html.append("<ol class=\"candidates\" aria-label=\"candidates\">\n");
        for (int i = 0; i < outcome.candidates().size(); i++) {
            OutcomeFile file = outcome.candidates().get(i);
            int number = i + 1;
            boolean picked = number == outcome.pick();
            GalleryMedia.Shown shown = media.show(path(outputDir, file), file.sha256());
            String src = shown.src() == null ? null : escape(shown.src());
            html.append("<li")
                    .append(picked ? " class=\"picked\"" : "")
                    .append(" data-candidate=\"")
                    .append(number)
                    .append("\">");
            switch (shown.kind()) {
                case IMAGE ->
                    html.append("<img loading=\"lazy\" src=\"")
                            .append(src)
                            .append("\" alt=\"candidate ")
                            .append(number)
                            .append("\">");
                case VIDEO ->
                    html.append("<video muted preload=\"metadata\" src=\"")
                            .append(src)
                            .append("\"></video>");
                case LINK -> html.append("<a href=\"").append(src).append("\">open</a>");
                case NONE ->
                    html.append("<span class=\"nomedia\">")
                            .append(escape(shown.note()))
                            .append("</span>");
            }
            html.append("<span class=\"number\">")
                    .append(number)
                    .append(picked ? " \u00b7 picked" : "")
                    .append("</span></li>\n");
        }
        html.append("</ol>\n");
    }

    private static Path path(Path outputDir, OutcomeFile file) {
        return file.absolutePath() != null ? file.absolutePath() : outputDir.resolve(file.path());
    }

    private static void heading(StringBuilder html, AssetOutcome outcome) {
        String status = escape(outcome.status());
        html.append("<h2>")
                .append(escape(outcome.id()))
                .append(" <span class=\"badge ")
                .append(status)
                .append("\" title=\"")
                .append(BADGE_TITLES.getOrDefault(outcome.status(), ""))
                .append("\">")
                .append(status)
                .append("</span></h2>\n");
        if (outcome.prompt() != null && !outcome.prompt().isEmpty()) {
            html.append("<p class=\"prompt\">").append(escape(outcome.prompt())).append("</p>\n");
        }
    }

    private static Map<String, String> badgeTitles() {
        Map<String, String> titles = new HashMap<>();
        for (State state : State.values()) {
            titles.putIfAbsent(state.label(), escape(state.meaning())); // the first, as ofLabel finds it
        }
        return Map.copyOf(titles);
    }

    private static void details(StringBuilder html, AssetOutcome outcome) {
        html.append("<dl>\n");
        term(html, "model", outcome.model());
        term(html, "provider", outcome.provider());
        term(html, "type", outcome.type());
        CardMoney.Term money = CardMoney.term(outcome);
        term(html, money.name(), money.value());
        term(html, "time", Markup.seconds(outcome.durationMillis()) + " s");
        for (OutcomeFile file : outcome.files()) {
            term(html, "file", file.path() + " (" + humanSize(file.size()) + ")");
        }
        term(html, "key", outcome.key());
        html.append("</dl>\n");
    }

    private static void message(StringBuilder html, AssetOutcome outcome) {
        if (outcome.message() != null) {
            html.append("<p class=\"")
                    .append(ERRORS.contains(outcome.status()) ? "message" : "note")
                    .append("\">")
                    .append(escape(outcome.message()))
                    .append("</p>\n");
        }
    }

    private static void term(StringBuilder html, String name, String value) {
        if (value != null) {
            // the name is the card's own word (never user text), so it needs no escaping
            html.append("<dt>")
                    .append(name)
                    .append("</dt><dd>")
                    .append(escape(value))
                    .append("</dd>\n");
        }
    }

    /** {@code value / unit} rounded half-up to one decimal, without a Formatter per card. */
    private static String tenths(long value, long unit) {
        long tenths = (value * 10 + unit / 2) / unit;
        return tenths / 10 + "." + tenths % 10;
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return tenths(bytes, 1024) + " KB";
        }
        return tenths(bytes, 1024 * 1024) + " MB";
    }
}
