package io.github.assetgen.core.report;

import static io.github.assetgen.core.report.Markup.escape;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.plan.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: a gallery with one card per asset (its pictures or videos, prompt, model,
 * provider, status, cost and failure). Self-contained: inline CSS, no scripts, no external
 * resources; media are linked by paths relative to the report, so the page works from disk and
 * as a CI artifact that keeps the directory layout. All user text is escaped.
 */
final class HtmlReport {

    private static final String STYLE = """
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
            dd{margin:0;word-break:break-all}
            .message{margin:10px 0 0;color:var(--ink);padding:8px 10px;background:#fef2f2;border-left:3px solid #b91c1c;white-space:pre-wrap;word-wrap:break-word}
            """;

    private HtmlReport() {}

    static String render(
            Path reportDir, Path outputDir, List<AssetOutcome> outcomes, ReportSummary summary, BuildFailure failure) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>assetgen report</title>\n<style>\n")
                .append(STYLE)
                .append(ChangeView.STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<header>\n<h1>assetgen</h1>\n<p>")
                .append(escape(summaryLine(summary)))
                .append("</p>\n");
        if (failure != null) {
            // the reason nothing (more) was run, with every spec problem, in the page a CI server publishes
            StringBuilder text = new StringBuilder(failure.message());
            failure.problems().forEach(p -> text.append('\n').append(p.format()));
            html.append("<p class=\"message\">").append(escape(text.toString())).append("</p>\n");
        }
        html.append("</header>\n");
        html.append("<main>\n");
        for (AssetOutcome outcome : outcomes) {
            card(html, reportDir, outputDir, outcome);
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String summaryLine(ReportSummary summary) {
        StringBuilder line =
                new StringBuilder().append(summary.total()).append(summary.total() == 1 ? " asset" : " assets");
        for (Map.Entry<String, Integer> count : summary.counts().entrySet()) {
            if (count.getValue() > 0) {
                line.append(" \u00b7 ").append(count.getValue()).append(' ').append(count.getKey());
            }
        }
        line.append(" \u00b7 total ")
                .append(summary.totalCost())
                .append(" \u00b7 ")
                .append(Markup.seconds(summary.durationMillis()))
                .append(" s");
        return line.toString();
    }

    private static void card(StringBuilder html, Path reportDir, Path outputDir, AssetOutcome outcome) {
        String status = escape(outcome.status());
        html.append("<article id=\"asset-")
                .append(escape(outcome.id()))
                .append("\" class=\"")
                .append(status)
                .append("\">\n<div class=\"media\">\n");
        if (outcome.files().isEmpty()) {
            html.append("<div class=\"nomedia\">no file</div>\n");
        }
        for (OutcomeFile file : outcome.files()) {
            String src = escape(relativeUrl(
                    reportDir, file.absolutePath() != null ? file.absolutePath() : outputDir.resolve(file.path())));
            MediaFormat format = MediaFormat.fromExtension(file.path());
            if (format == MediaFormat.MP4) {
                html.append("<video controls preload=\"metadata\" src=\"")
                        .append(src)
                        .append("\"></video>\n");
            } else if (format == MediaFormat.UNKNOWN) {
                html.append("<a class=\"nomedia\" href=\"")
                        .append(src)
                        .append("\">")
                        .append(escape(file.path()))
                        .append("</a>\n");
            } else {
                html.append("<img loading=\"lazy\" src=\"")
                        .append(src)
                        .append("\" alt=\"")
                        .append(escape(outcome.prompt() == null ? outcome.id() : outcome.prompt()))
                        .append("\">\n");
            }
        }
        html.append("</div>\n<div class=\"body\">\n<h2>")
                .append(escape(outcome.id()))
                .append(" <span class=\"badge ")
                .append(status)
                .append("\" title=\"")
                .append(escape(
                        State.ofLabel(outcome.status()).map(State::meaning).orElse("")))
                .append("\">")
                .append(status)
                .append("</span></h2>\n");
        if (outcome.prompt() != null && !outcome.prompt().isEmpty()) {
            html.append("<p class=\"prompt\">").append(escape(outcome.prompt())).append("</p>\n");
        }
        html.append("<dl>\n");
        term(html, "model", outcome.model());
        term(html, "provider", outcome.provider());
        term(html, "type", outcome.type());
        term(html, "cost", outcome.cost() == null ? null : outcome.cost().format());
        term(html, "time", Markup.seconds(outcome.durationMillis()) + " s");
        for (OutcomeFile file : outcome.files()) {
            term(html, "file", file.path() + " (" + humanSize(file.size()) + ")");
        }
        term(html, "key", outcome.key());
        html.append("</dl>\n");
        html.append(ChangeView.render(
                reportDir,
                outcome,
                file -> relativeUrl(
                        reportDir,
                        file.absolutePath() != null ? file.absolutePath() : outputDir.resolve(file.path()))));
        if (outcome.message() != null) {
            html.append("<p class=\"message\">")
                    .append(escape(outcome.message()))
                    .append("</p>\n");
        }
        html.append("</div>\n</article>\n");
    }

    private static void term(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append("<dt>")
                    .append(name)
                    .append("</dt><dd>")
                    .append(escape(value))
                    .append("</dd>\n");
        }
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

    /** {@code value / unit} rounded half-up to one decimal, without a Formatter per card. */
    private static String tenths(long value, long unit) {
        long tenths = (value * 10 + unit / 2) / unit;
        return tenths / 10 + "." + tenths % 10;
    }

    private static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return tenths(bytes, 1024) + " KB";
        }
        return tenths(bytes, 1024 * 1024) + " MB";
    }
}
