package io.github.assetgen.core.report;

import static io.github.assetgen.core.report.Markup.escape;
import static io.github.assetgen.core.report.Markup.seconds;

import io.github.assetgen.core.plan.State;
import io.github.assetgen.core.specfile.Problem;
import java.util.List;

/**
 * {@code TEST-assetgen.xml}: one JUnit test case per asset, so CI servers list failed assets.
 * {@code failed} is a failure; {@code skipped} and {@code planned} (nothing was run) are skipped. A goal
 * that stopped early adds a failing test case per spec error (class name: the spec file; name: the
 * asset, the rule and the field; message: {@code file:line:col: [asset] message} with its fix), or one
 * for the build. Spec warnings fail nothing and are no test case: they are in the SARIF report.
 */
final class JunitReport {

    private JunitReport() {}

    static String render(List<AssetOutcome> outcomes, ReportSummary summary, BuildFailure failure) {
        List<String> stops = failureCases(failure);
        long failures = outcomes.stream().filter(JunitReport::isFailure).count() + stops.size();
        long skipped = outcomes.stream().filter(JunitReport::isSkipped).count();
        StringBuilder xml = new StringBuilder(Markup.capacity(outcomes.size(), 320));
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"assetgen\" tests=\"")
                .append(outcomes.size() + stops.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"")
                .append(skipped)
                .append("\" time=\"")
                .append(seconds(summary.durationMillis()))
                .append("\">\n");
        stops.forEach(xml::append);
        for (AssetOutcome outcome : outcomes) {
            xml.append("  <testcase classname=\"assetgen\" name=\"")
                    .append(escape(outcome.id()))
                    .append("\" time=\"")
                    .append(seconds(outcome.durationMillis()))
                    .append("\">\n");
            if (isFailure(outcome)) {
                String message = outcome.message() == null ? outcome.status() : outcome.message();
                xml.append("    <failure message=\"")
                        .append(escape(message))
                        .append("\" type=\"assetgen.")
                        .append(outcome.status())
                        .append("\">")
                        .append(escape(message))
                        .append("</failure>\n");
            } else if (isSkipped(outcome)) {
                xml.append("    <skipped");
                String message = outcome.message() != null
                        ? outcome.message()
                        : outcome.status().equals(State.PLANNED.label()) ? "planned, not generated" : null;
                if (message != null) {
                    xml.append(" message=\"").append(escape(message)).append('"');
                }
                xml.append("/>\n");
            }
            xml.append("    <system-out>");
            details(xml, outcome);
            xml.append("</system-out>\n");
            xml.append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    /**
     * The failing test cases of a goal that stopped early: one per spec error, named by the spec file
     * (its class name), the asset and the rule, so a CI server lists each mistake; otherwise one for
     * the build itself (budget, token, balance, locked build).
     */
    private static List<String> failureCases(BuildFailure failure) {
        if (failure == null) {
            return List.of();
        }
        List<Problem> errors =
                failure.problems().stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            return List.of(failureCase("assetgen", "build", "build", failure.message()));
        }
        return errors.stream()
                .map(p -> failureCase(
                        p.position().source(),
                        (p.assetId() == null ? "" : p.assetId() + " ")
                                + p.ruleId()
                                + (p.field() == null ? "" : " (" + p.field() + ")"),
                        p.ruleId(),
                        p.format(),
                        problemDetails(p)))
                .toList();
    }

    private static String failureCase(String className, String name, String type, String message) {
        return failureCase(className, name, type, message, message);
    }

    private static String failureCase(String className, String name, String type, String message, String body) {
        return "  <testcase classname=\"" + escape(className) + "\" name=\"" + escape(name) + "\" time=\"0\">\n"
                + "    <failure message=\"" + escape(message) + "\" type=\"assetgen." + escape(type) + "\">"
                + escape(body) + "</failure>\n"
                + "  </testcase>\n";
    }

    /** The failure's text: the contract's line (file:line:col, the message and its fix), then each fact alone. */
    private static String problemDetails(Problem problem) {
        StringBuilder text = new StringBuilder(problem.format()).append('\n');
        line(text, "file", problem.position().source());
        line(text, "line", String.valueOf(problem.position().line()));
        line(text, "column", String.valueOf(problem.position().column()));
        line(text, "asset", problem.assetId());
        line(text, "rule", problem.ruleId());
        line(text, "field", problem.field());
        return text.toString();
    }

    /** A failed asset, or a partial batch: both fail the build. */
    private static boolean isFailure(AssetOutcome outcome) {
        return outcome.status().equals(State.FAILED.label()) || outcome.status().equals(State.PARTIAL.label());
    }

    private static boolean isSkipped(AssetOutcome outcome) {
        return outcome.status().equals(State.SKIPPED.label())
                || outcome.status().equals(State.PLANNED.label());
    }

    /** What the case's output shows, escaped as it is written (no copy of 10,000 texts to escape afterwards). */
    private static void details(StringBuilder xml, AssetOutcome outcome) {
        escapedLine(xml, "status", outcome.status());
        escapedLine(xml, "provider", outcome.provider());
        escapedLine(xml, "model", outcome.model());
        escapedLine(xml, "type", outcome.type());
        escapedLine(xml, "key", outcome.key());
        escapedLine(xml, "cost", outcome.cost() == null ? null : outcome.cost().format());
        escapedLine(xml, "prompt", outcome.prompt());
        if (outcome.change() != null) {
            escapedLine(
                    xml,
                    "changed",
                    outcome.change().fields().isEmpty()
                            ? "request changed since the lock"
                            : String.join(", ", outcome.change().fields()));
            escapedLine(xml, "previous prompt", outcome.change().previousPrompt());
        }
        for (OutcomeFile file : outcome.files()) {
            escapedLine(xml, "file", file.path() + " (" + file.size() + " bytes, sha256 " + file.sha256() + ")");
        }
    }

    private static void escapedLine(StringBuilder xml, String name, String value) {
        line(xml, name, value == null ? null : escape(value));
    }

    private static void line(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(name).append(": ").append(value).append('\n');
        }
    }
}
