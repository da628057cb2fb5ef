package io.github.assetgen.core.report;

import io.github.assetgen.core.specfile.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a build shows on GitHub Actions: spec problems as workflow commands ({@code ::error} and
 * {@code ::warning} annotations) and the build's table in the step summary. Both formats are
 * GitHub's: https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions
 * (the escaping is the one of GitHub's own toolkit, {@code @actions/core}'s command.ts).
 */
public final class GithubActions {

    private static final Object SUMMARY_LOCK = new Object();

    private final Path workspace;

    /**
     * @param workspace the checkout ({@code GITHUB_WORKSPACE}) that annotation paths are relative to,
     *     or null to keep them relative to the project
     */
    public GithubActions(Path workspace) {
        this.workspace = workspace;
    }

    /**
     * One problem as a workflow command, {@code ::error file=…,line=…,col=…,title=<rule>::message};
     * a warning as {@code ::warning}. Printed at the start of a line, GitHub annotates the file.
     *
     * @param projectBaseDir the folder the problem's spec path is relative to
     */
    public String annotation(Problem problem, Path projectBaseDir) {
        String asset = problem.assetId() == null ? "" : "[" + problem.assetId() + "] ";
        return "::" + (problem.isError() ? "error" : "warning")
                + " file=" + property(file(problem.position().source(), projectBaseDir))
                + ",line=" + problem.position().line()
                + ",col=" + problem.position().column()
                + ",title=" + property(problem.ruleId())
                + "::" + data(asset + problem.message());
    }

    /** The file as GitHub finds it: relative to the checkout when the project lies inside it. */
    private String file(String source, Path projectBaseDir) {
        Path file = projectBaseDir.resolve(source).toAbsolutePath().normalize();
        if (workspace != null) {
            Path root = workspace.toAbsolutePath().normalize();
            if (file.startsWith(root)) {
                return root.relativize(file).toString().replace('\\', '/');
            }
        }
        return source;
    }

    /** A command's message: {@code %}, CR and LF escaped. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: as {@link #data} and also {@code :} and {@code ,}. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * Puts this project's block in the step summary file: a Markdown table of the assets (asset,
     * state, cost, note) and the totals, then why the goal stopped, if it did. Each goal of a build
     * replaces the block of its project (marked by HTML comments, which GitHub does not show), so a
     * lifecycle build that runs validate, plan and generate leaves one table, the last goal's; anything
     * else in the file stays.
     *
     * @param project how the block is titled and told apart (the project's path in the checkout)
     * @throws IOException when the file cannot be read or written
     */
    public void writeStepSummary(
            Path summaryFile, String project, List<AssetOutcome> outcomes, ReportSummary summary, BuildFailure failure)
            throws IOException {
        String start = "<!-- assetgen " + project + " -->\n";
        String end = "<!-- /assetgen " + project + " -->\n";
        String block = start + markdown(project, outcomes, summary, failure) + end;
        synchronized (SUMMARY_LOCK) {
            String text = Files.exists(summaryFile) ? Files.readString(summaryFile, StandardCharsets.UTF_8) : "";
            int from = text.indexOf(start);
            int to = from < 0 ? -1 : text.indexOf(end, from);
            String updated = to < 0
                    ? text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + block
                    : text.substring(0, from) + block + text.substring(to + end.length());
            Files.writeString(summaryFile, updated, StandardCharsets.UTF_8);
        }
    }

    static String markdown(String project, List<AssetOutcome> outcomes, ReportSummary summary, BuildFailure failure) {
        StringBuilder md =
                new StringBuilder("### assetgen: ").append(cell(project)).append("\n\n");
        if (failure != null) {
            md.append("**Stopped:** ").append(cell(failure.message())).append("\n\n");
            for (Problem problem : failure.problems()) {
                if (problem.isError()) {
                    md.append("- ").append(cell(problem.position().toString())).append(' ');
                    md.append(cell(problem.ruleId())).append(": ");
                    md.append(problem.assetId() == null ? "" : "[" + cell(problem.assetId()) + "] ");
                    md.append(cell(problem.message())).append('\n');
                }
            }
            if (failure.problems().stream().anyMatch(Problem::isError)) {
                md.append('\n');
            }
        }
        if (!outcomes.isEmpty()) {
            md.append("| asset | state | cost | note |\n|---|---|---|---|\n");
            for (AssetOutcome outcome : outcomes) {
                md.append("| ").append(cell(outcome.id()));
                md.append(" | ").append(cell(outcome.status()));
                md.append(" | ")
                        .append(
                                outcome.cost() == null
                                        ? ""
                                        : cell(outcome.cost().format()));
                md.append(" | ").append(outcome.message() == null ? "" : cell(outcome.message()));
                md.append(" |\n");
            }
            md.append('\n');
        }
        md.append("**").append(summary.total()).append(" asset(s)**");
        for (Map.Entry<String, Integer> count : summary.counts().entrySet()) {
            if (count.getValue() > 0) {
                md.append(", ").append(count.getValue()).append(' ').append(count.getKey());
            }
        }
        md.append(". Spent: ").append(cell(summary.totalCost()));
        summary.spentByProvider()
                .forEach((provider, cost) ->
                        md.append("; ").append(cell(provider)).append(' ').append(cell(cost.format())));
        md.append(". Took ").append(Markup.seconds(summary.durationMillis())).append(" s.\n\n");
        return md.toString();
    }

    /**
     * Text in a table cell or a line: one line, no column breaks, no HTML (GitHub renders HTML in
     * Markdown), no Markdown emphasis or code marks.
     */
    static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                i = Markup.appendSurrogate(out, text, i);
                continue;
            }
            switch (c) {
                case '\r', '\n', '\t' -> out.append(' ');
                case '|', '\\', '`', '*', '_', '[', ']' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
