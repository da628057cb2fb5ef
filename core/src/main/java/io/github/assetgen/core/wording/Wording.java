package io.github.assetgen.core.wording;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the tool that runs assetgen names its parameters and credentials. Core writes {@link Advice}
 * markers into its messages; the entry point renders every message it logs, throws or reports
 * through the host's wording (the Maven plugin's says {@code -Dassetgen.force=true} and names
 * settings.xml servers). Implementations are immutable and thread-safe.
 */
public interface Wording {

    /** Plain names, for hosts that bring no wording of their own. */
    Wording PLAIN = new Wording() {
        @Override
        public String parameter(String name, String value) {
            return value == null ? name : name + "=" + value;
        }

        @Override
        public String checkToken(String serverId, String variable) {
            return variable.isEmpty()
                    ? "the credential '" + serverId + "'"
                    : "the credential '" + serverId + "' or the environment variable " + variable;
        }

        @Override
        public String addToken(String serverId, String variable) {
            return "set the credential '" + serverId + "' or the environment variable " + variable;
        }
    };

    /** How to set a parameter for one run; a null value names the parameter alone. */
    String parameter(String name, String value);

    /** Where a provider's token is read from, as advice to check it; the variable may be empty. */
    String checkToken(String serverId, String variable);

    /** How to give a provider a token (an imperative clause). */
    String addToken(String serverId, String variable);

    /**
     * How to run the build again with the network (an imperative clause), for a build that was
     * offline; hosts with their own offline switch name it.
     */
    default String online() {
        return "run the build online";
    }

    /** The text with every {@link Advice} marker replaced by this wording; null stays null. */
    default String render(String text) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher marker = Markers.PATTERN.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (marker.find()) {
            String body = marker.group(2);
            String replacement = switch (marker.group(1)) {
                case "param" -> {
                    int equals = body.indexOf('=');
                    yield equals < 0
                            ? parameter(body, null)
                            : parameter(body.substring(0, equals), body.substring(equals + 1));
                }
                case "check-token" -> checkToken(Markers.first(body), Markers.second(body));
                case "online" -> online();
                default -> addToken(Markers.first(body), Markers.second(body));
            };
            marker.appendReplacement(rendered, Matcher.quoteReplacement(replacement));
        }
        marker.appendTail(rendered);
        return rendered.toString();
    }

    /** The marker grammar {@link Advice} writes. */
    final class Markers {
        static final Pattern PATTERN = Pattern.compile("\\{\\{(param|check-token|add-token|online) ([^}]*)}}");

        private Markers() {}

        static String first(String body) {
            int space = body.indexOf(' ');
            return space < 0 ? body : body.substring(0, space);
        }

        static String second(String body) {
            int space = body.indexOf(' ');
            return space < 0 ? "" : body.substring(space + 1);
        }
    }
}
