package io.github.assetgen.core.report;

import static io.github.assetgen.core.report.Markup.escape;

import io.github.assetgen.core.files.MediaFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The "what changed" part of a gallery card: the fields that changed since the lock, the previous
 * version beside the new one, and a word diff of the prompt, so a reviewer sees what they approve.
 * Renders nothing for an asset whose request did not change. All user text is escaped. Stateless.
 */
final class ChangeView {

    /** The styles of the fragment, appended to the gallery's style sheet. */
    static final String STYLE = """
            .change{margin:10px 0 0;padding:8px 10px;background:#f8fafc;border-left:3px solid #0369a1;font-size:13px}
            .change p{margin:0 0 6px}
            .change .fields code{background:#e0f2fe;padding:0 4px;border-radius:3px}
            .change .sides{display:grid;grid-template-columns:1fr 1fr;gap:6px;margin:0 0 6px}
            .change figure{margin:0;background:#111;display:flex;flex-direction:column}
            .change figure img,.change figure video{display:block;width:100%;height:auto;max-height:220px;object-fit:contain}
            .change figcaption{color:#c9cfdb;font-size:12px;padding:2px 6px}
            .change .diff{white-space:pre-wrap;word-wrap:break-word}
            .change del{background:#fee2e2;color:#991b1b}
            .change ins{background:#dcfce7;color:#166534;text-decoration:none}
            """;

    private ChangeView() {}

    /**
     * The fragment for one card, or the empty string when the request did not change.
     *
     * @param reportDir where the report is, so the previous files are linked relative to it
     * @param source how the card links one of its current files (the gallery's own rule)
     */
    static String render(Path reportDir, AssetOutcome outcome, Function<OutcomeFile, String> source) {
        AssetOutcome.Change change = outcome.change();
        if (change == null) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section class=\"change\">\n<p class=\"fields\">");
        if (change.fields().isEmpty()) {
            html.append("request changed since the lock");
        } else {
            html.append("changed since the lock: ");
            List<String> fields = change.fields();
            for (int i = 0; i < fields.size(); i++) {
                html.append(i == 0 ? "" : ", ")
                        .append("<code>")
                        .append(escape(fields.get(i)))
                        .append("</code>");
            }
        }
        html.append("</p>\n");
        if (change.previousFiles().isEmpty()) {
            html.append("<p>the previous version (key ")
                    .append(escape(shortKey(change.previousKey())))
                    .append(") is no longer in the cache</p>\n");
        } else {
            html.append("<div class=\"sides\">\n");
            Path previous = change.previousFiles().get(0);
            figure(html, HtmlReport.relativeUrl(reportDir, previous), previous.toString(), "before");
            if (!outcome.files().isEmpty()) {
                OutcomeFile now = outcome.files().get(0);
                figure(html, source.apply(now), now.path(), "now");
            }
            html.append("</div>\n");
        }
        if (change.previousPrompt() != null
                && outcome.prompt() != null
                && !change.previousPrompt().equals(outcome.prompt())) {
            html.append("<p class=\"diff\">")
                    .append(WordDiff.html(change.previousPrompt(), outcome.prompt()))
                    .append("</p>\n");
        }
        html.append("</section>\n");
        return html.toString();
    }

    private static void figure(StringBuilder html, String src, String name, String caption) {
        html.append("<figure class=\"").append(caption).append("\">");
        if (MediaFormat.fromExtension(name) == MediaFormat.MP4) {
            html.append("<video controls preload=\"metadata\" src=\"")
                    .append(escape(src))
                    .append("\"></video>");
        } else {
            html.append("<img loading=\"lazy\" src=\"")
                    .append(escape(src))
                    .append("\" alt=\"")
                    .append(caption)
                    .append("\">");
        }
        html.append("<figcaption>").append(caption).append("</figcaption></figure>\n");
    }

    private static String shortKey(String key) {
        return key.length() > 12 ? key.substring(0, 12) + "…" : key;
    }
}
