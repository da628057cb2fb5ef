package io.github.assetgen.core.wording;

/**
 * Advice that names a parameter or a credential, written by core as a marker that the host's
 * {@link Wording} renders: core knows parameter names ({@code force}, {@code only}), not how a tool
 * spells them ({@code -Dassetgen.force=true} under Maven). Stateless.
 */
public final class Advice {

    private Advice() {}

    /** A parameter named alone (e.g. "raise {@code timeout}"). */
    public static String parameter(String name) {
        return marker("param", name);
    }

    /** A parameter set to a value for one run (e.g. {@code only} = {@code hero}). */
    public static String parameter(String name, String value) {
        return marker("param", name + "=" + value);
    }

    /** Where the token of a provider is looked up, to check it after the provider refused it. */
    public static String checkToken(String serverId, String variable) {
        return marker("check-token", serverId + " " + (variable == null ? "" : variable));
    }

    /** How to give a provider its token, when none was found. */
    public static String addToken(String serverId, String variable) {
        return marker("add-token", serverId + " " + (variable == null ? "" : variable));
    }

    /** How to run the build with the network, when an offline build could not make everything. */
    public static String online() {
        return marker("online", "");
    }

    private static String marker(String kind, String body) {
        return "{{" + kind + " " + body + "}}";
    }
}
