package io.github.assetgen.maven;

import io.github.assetgen.core.wording.Wording;

/**
 * The Maven wording of core's advice, in one place: parameters as {@code -Dassetgen.<name>} user
 * properties, credentials as settings.xml servers and environment variables. Stateless.
 */
final class MavenWording implements Wording {

    static final MavenWording INSTANCE = new MavenWording();

    private MavenWording() {}

    @Override
    public String parameter(String name, String value) {
        String property = "-D" + PropertyNames.PREFIX + name;
        return value == null ? property : property + "=" + value;
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
        return "run Maven online (without -o or -D" + PropertyNames.OFFLINE + "=true)";
    }
}
