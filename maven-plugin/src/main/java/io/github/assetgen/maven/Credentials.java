package io.github.assetgen.maven;

import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.Secret;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds a provider's token: the settings.xml {@code <server>} with id {@code assetgen-<name>}
 * (its password, decrypted by Maven), then the environment variable. Never logs a token.
 */
final class Credentials {

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;

    Credentials(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
    }

    /**
     * The provider's token for a build that may not send to it at all: a server password that cannot
     * be decrypted (a fork's build without the master password) is a warning and no token, so only a
     * build that needs this provider fails, for want of its token, and one that does not (a
     * placeholder build, another provider's assets) goes on.
     */
    Secret findOrWarn(String provider, Consumer<String> warn) {
        try {
            return find(provider);
        } catch (MojoFailureException undecryptable) {
            warn.accept(undecryptable.getMessage() + "; going on without a " + provider + " token, which only a"
                    + " build that sends to " + provider + " needs");
            return null;
        }
    }

    /** The provider's token, or null when neither source has one. */
    Secret find(String provider) throws MojoFailureException {
        ProviderDescriptor descriptor = ProviderRegistry.standard().get(provider);
        String serverId = descriptor.serverId();
        Server server = settings == null || serverId == null ? null : settings.getServer(serverId);
        if (server != null
                && server.getPassword() != null
                && !server.getPassword().isBlank()
                && !isUnresolved(server.getPassword())) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    // the problem's text is about the master password, never the token itself
                    throw new MojoFailureException("Cannot decrypt the password of server '" + serverId
                            + "' in settings.xml: " + problem.getMessage());
                }
            }
            return Secret.of(result.getServer().getPassword().trim());
        }
        // no password, or "${env.USEAPI_TOKEN}" left as written because the variable is unset (a fork's
        // pull request): the documented environment variable, else no token (only needed to send)
        String variable = descriptor.tokenVariable();
        String value = variable == null ? null : environment.get(variable);
        return value == null || value.isBlank() ? null : Secret.of(value.trim());
    }

    /**
     * Whether Maven left the password as an expression it could not resolve: an unset variable. Its
     * braces would otherwise be taken for an encrypted password, and fail as one that cannot be
     * decrypted.
     */
    private static boolean isUnresolved(String password) {
        String text = password.trim();
        return text.startsWith("${") && text.endsWith("}") && text.indexOf('}') == text.length() - 1;
    }
}
