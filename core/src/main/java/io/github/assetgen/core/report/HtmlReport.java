package io.github.assetgen.core.report;

import static io.github.assetgen.core.report.Markup.escape;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: a gallery with one card per asset (see {@link GalleryCard}), counts per state
 * that filter the cards when clicked, and what this build spent. Self-contained: its style, pictures
 * and videos are files under the report directory (see {@link GalleryMedia}), its script inline,
 * nothing from the network, so that directory alone can be published. All user text is escaped.
 */
final class HtmlReport {

    /**
     * The page's style, a file beside it ({@value ReportWriter#CSS}): Jenkins serves published HTML
     * under a Content-Security-Policy that refuses inline style but allows the directory's own files
     * (https://www.jenkins.io/doc/book/security/configuring-content-security-policy/).
     */
    static final String STYLE = """
            :root{--bg:#f4f5f7;--card:#fff;--ink:#1d2330;--muted:#5d6575;--line:#dde1e8}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
            header{padding:20px 28px;background:#1d2330;color:#fff}
            header h1{margin:0 0 4px;font-size:22px}
            header p{margin:0;color:#c9cfdb}
            main{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:20px;padding:24px 28px}
            article{background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden;display:flex;flex-direction:column}
            .media{background:#111;display:flex;flex-direction:column;gap:2px}
            .media img,.media video{display:block;width:100%;height:auto;max-height:420px;object-fit:contain;background:#111}
            .nomedia{color:#9aa3b2;padding:48px 12px;text-align:center}
            .body{padding:14px 16px 16px}
            h2{margin:0 0 8px;font-size:17px;display:flex;align-items:center;gap:8px;word-break:break-all}
            .badge{font-size:12px;font-weight:600;padding:2px 8px;border-radius:999px;color:#fff;background:#6b7280}
            .badge.generated{background:#15803d}.badge.restored{background:#0369a1}.badge.kept{background:#4b5563}
            .badge.failed{background:#b91c1c}.badge.partial{background:#c2410c}.badge.skipped{background:#a16207}.badge.planned{background:#6d28d9}
            .prompt{margin:0 0 10px;white-space:pre-wrap;word-wrap:break-word}
            dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0;color:var(--muted);font-size:13px}
            dd{margin:0;overflow-wrap:anywhere}
            .message{margin:10px 0 0;color:var(--ink);padding:8px 10px;background:#fef2f2;border-left:3px solid #b91c1c;white-space:pre-wrap;word-wrap:break-word}
            .note{margin:10px 0 0;color:var(--ink);padding:8px 10px;background:#f1f3f6;border-left:3px solid #9aa3b2;white-space:pre-wrap;word-wrap:break-word}
            .candidates{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:0;padding:8px;background:#1d2330}
            .candidates li{min-width:72px;display:flex;flex-direction:column;align-items:center;border:2px solid transparent;border-radius:6px;padding:2px}
            .candidates img,.candidates video{display:block;width:64px;height:64px;object-fit:cover;background:#111}
            .candidates .number{color:#c9cfdb;font-size:12px;white-space:nowrap}.candidates .nomedia{padding:4px;font-size:11px}
            .candidates li.picked{border-color:#facc15}.candidates li.picked .number{color:#facc15;font-weight:600}
            .medianote{color:#c9cfdb;font-size:13px;padding:6px 10px}.medianote a{color:#fff}
            nav.filter{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
            nav.filter button{font:inherit;font-size:13px;padding:3px 12px;border-radius:999px;border:1px solid #5d6575;background:transparent;color:#fff;cursor:pointer}
            nav.filter button[aria-pressed=true]{background:#fff;color:#1d2330}
            article[hidden]{display:none}
            """;

    /**
     * Shows only the cards of the state clicked; where scripts are refused (Jenkins' default policy)
     * every card stays visible.
     */
    private static final String SCRIPT = """
            document.querySelectorAll('nav.filter button').forEach(function (button) {
              button.addEventListener('click', function () {
                var state = button.getAttribute('data-state');
                document.querySelectorAll('main article').forEach(function (card) {
                  card.hidden = !(state === 'all' || card.classList.contains(state));
                });
                document.querySelectorAll('nav.filter button').forEach(function (other) {
                  other.setAttribute('aria-pressed', String(other === button));
                });
              });
            });
            """;

    private HtmlReport() {}

    /**
     * The page; its pictures and videos are put into {@code media} as it goes.
     *
     * @param outcomes sorted as the cards appear
     */
    static String render(
            Path outputDir,
            List<AssetOutcome> outcomes,
            ReportSummary summary,
            BuildFailure failure,
            GalleryMedia media) {
        StringBuilder html = new StringBuilder(Markup.capacity(outcomes.size(), 768));
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>assetgen report</title>\n<link rel=\"stylesheet\" href=\"")
                .append(ReportWriter.CSS)
                .append("\">\n</head>\n<body>\n");
        html.append("<header>\n<h1>assetgen</h1>\n<p>")
                .append(escape(summaryLine(summary, outcomes)))
                .append("</p>\n");
        filter(html, summary);
        if (failure != null) {
            // the reason nothing (more) was run, with every spec problem, in the page a CI server publishes
            StringBuilder text = new StringBuilder(failure.message());
            failure.problems().forEach(p -> text.append('\n').append(p.format()));
            html.append("<p class=\"message\">").append(escape(text.toString())).append("</p>\n");
        }
        if (summary.placeholders() > 0) {
            // placeholder renders never ship silently: the page a reviewer opens says so first
            html.append("<p class=\"message placeholders\">")
                    .append(summary.placeholders())
                    .append(" of ")
                    .append(summary.total())
                    .append(" assets in the output directory are placeholder renders, not real assets</p>\n");
        }
        html.append("</header>\n");
        html.append("<main>\n");
        for (AssetOutcome outcome : outcomes) {
            GalleryCard.append(html, outputDir, outcome, media);
        }
        html.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The summary line: counts per state, what this build spent (the sum of the cards) and what kept assets cost. */
    private static String summaryLine(ReportSummary summary, List<AssetOutcome> outcomes) {
        StringBuilder line =
                new StringBuilder().append(summary.total()).append(summary.total() == 1 ? " asset" : " assets");
        for (Map.Entry<String, Integer> count : summary.counts().entrySet()) {
            if (count.getValue() > 0) {
                line.append(" \u00b7 ").append(count.getValue()).append(' ').append(count.getKey());
            }
        }
        line.append(" \u00b7 spent this build: ").append(CardMoney.spentThisBuild(outcomes));
        String earlier = CardMoney.boughtEarlier(outcomes);
        if (earlier != null) {
            line.append(" \u00b7 kept and restored assets were bought for ")
                    .append(earlier)
                    .append(" (from the lock)");
        }
        line.append(" \u00b7 ").append(Markup.seconds(summary.durationMillis())).append(" s");
        return line.toString();
    }

    /** One button per state that occurs, with its count, and one for all. */
    private static void filter(StringBuilder html, ReportSummary summary) {
        if (summary.total() == 0) {
            return;
        }
        html.append("<nav class=\"filter\" aria-label=\"show only\">\n")
                .append("<button type=\"button\" data-state=\"all\" aria-pressed=\"true\">all <b>")
                .append(summary.total())
                .append("</b></button>\n");
        for (Map.Entry<String, Integer> count : summary.counts().entrySet()) {
            if (count.getValue() > 0) {
                html.append("<button type=\"button\" data-state=\"")
                        .append(count.getKey())
                        .append("\" aria-pressed=\"false\">")
                        .append(count.getKey())
                        .append(" <b>")
                        .append(count.getValue())
                        .append("</b></button>\n");
            }
        }
        html.append("</nav>\n");
    }

    /** The file's path relative to the report directory, percent-encoded segment by segment. */
    static String relativeUrl(Path reportDir, Path file) {
        Path relative;
        try {
            relative = reportDir
                    .toAbsolutePath()
                    .normalize()
                    .relativize(file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            // another drive on Windows: no relative path exists
            return file.toAbsolutePath().toUri().toString();
        }
        StringBuilder url = new StringBuilder();
        for (Path segment : relative) {
            if (url.length() > 0) {
                url.append('/');
            }
            url.append(encodeSegment(segment.toString()));
        }
        return url.toString();
    }

    private static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
