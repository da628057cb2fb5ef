package io.github.assetgen.core.wording;

/**
 * A wording that spells advice as the Maven plugin does, so core tests can keep asserting on the
 * texts users of the plugin read ({@code -Dassetgen.only=hero}).
 */
public final class MavenStyle implements Wording {

    public static final MavenStyle WORDING = new MavenStyle();

    private MavenStyle() {}

    /** The text as the Maven plugin would show it. */
    public static String text(String text) {
        return WORDING.render(text);
    }

    @Override
    public String parameter(String name, String value) {
        return value == null ? "-Dassetgen." + name : "-Dassetgen." + name + "=" + value;
    }

    @Override
    public String checkToken(String serverId, String variable) {
        String server = "the password of the <server> with id '" + serverId + "' in ~/.m2/settings.xml";
        return variable.isEmpty() ? server : server + ", or the environment variable " + variable;
    }

    @Override
    public String addToken(String serverId, String variable) {
        return "add a <server> with id '" + serverId + "' and the token as <password> to settings.xml, or set the"
                + " environment variable " + variable;
    }

    @Override
    public String online() {
        return "run Maven online (without -o or -Dassetgen.offline=true)";
    }
}
