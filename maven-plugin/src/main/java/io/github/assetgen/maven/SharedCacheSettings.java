package io.github.assetgen.maven;

import io.github.assetgen.core.provider.Secret;
import io.github.assetgen.core.store.shared.SharedCacheConfig;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Reads the shared cache's configuration: the {@code remoteCache} URL and {@code remoteCache.save}
 * switch, the settings.xml {@code <server>} {@value #SERVER_ID} (HTTP Basic, its password
 * decrypted by Maven) and the settings.xml {@code <proxy>} Maven itself would use for the URL.
 * Never puts a password in a message.
 */
final class SharedCacheSettings {

    /** The settings.xml server whose username and password the shared cache receives. */
    static final String SERVER_ID = "assetgen-cache";

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    SharedCacheSettings(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /**
     * The shared cache at {@code url}, or null when no URL is set.
     *
     * @throws MojoFailureException when saving is asked without a URL, the URL carries credentials,
     *     or the server or proxy entry cannot be used
     * @throws IllegalArgumentException when the URL is not a plain http(s) URL
     */
    SharedCacheConfig resolve(String url, boolean save) throws MojoFailureException {
        if (url == null || url.isBlank()) {
            if (save) {
                // a saving CI job whose URL came out empty would otherwise upload nothing, silently
                throw new MojoFailureException(PropertyNames.REMOTE_CACHE_SAVE + " is true but no shared cache is set: "
                        + "give its base URL with -D" + PropertyNames.REMOTE_CACHE + "=<url>");
            }
            return null;
        }
        if (carriesCredentials(url)) {
            // core refuses it too, in words that know no settings.xml; the URL itself is not echoed
            throw new MojoFailureException("The shared cache URL (" + PropertyNames.REMOTE_CACHE
                    + ") must not carry a user or password: put them in the <server> with id '" + SERVER_ID
                    + "' in settings.xml");
        }
        SharedCacheConfig config = SharedCacheConfig.of(url).withSave(save);
        URI normalised = URI.create(config.baseUrl());
        return config.withCredentials(credentials(save)).withProxy(proxy(normalised.getScheme(), host(normalised)));
    }

    /**
     * The URL's host name. {@link URI#getHost()} is null for a name the URI grammar refuses but HTTP
     * clients accept, such as a docker-compose service {@code build_cache}: read it from the authority.
     */
    private static String host(URI url) {
        if (url.getHost() != null) {
            return url.getHost();
        }
        String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostAndPort.lastIndexOf(':');
        return colon > 0 && !hostAndPort.endsWith("]") ? hostAndPort.substring(0, colon) : hostAndPort;
    }

    /** Basic credentials from the server {@value #SERVER_ID}; null (anonymous reads) when there is none. */
    private SharedCacheConfig.Credentials credentials(boolean save) throws MojoFailureException {
        Server server = settings == null ? null : settings.getServer(SERVER_ID);
        if (server == null || (isBlank(server.getUsername()) && isBlank(server.getPassword()))) {
            return null;
        }
        if (unresolved(server.getUsername()) || unresolved(server.getPassword())) {
            // CI agents name the writer's variables (${env.ASSETGEN_CACHE_USER}) that only the saving build is
            // given; Maven leaves an unset one as written, which must not be sent as a user name or password
            if (save) {
                throw new MojoFailureException("The server '" + SERVER_ID + "' in settings.xml refers to an"
                        + " environment variable that is not set ("
                        + (unresolved(server.getUsername()) ? server.getUsername() : "in its <password>")
                        + "): a build with " + PropertyNames.REMOTE_CACHE_SAVE + "=true needs the cache's username"
                        + " and password");
            }
            return null;
        }
        if (isBlank(server.getUsername()) || isBlank(server.getPassword())) {
            throw new MojoFailureException("The server '" + SERVER_ID + "' in settings.xml needs both a <username> and"
                    + " a <password> (or API token) for the shared cache's HTTP Basic authentication");
        }
        Server decrypted = decrypt(new DefaultSettingsDecryptionRequest(server), "server '" + SERVER_ID + "'")
                .getServer();
        try {
            return new SharedCacheConfig.Credentials(
                    decrypted.getUsername().trim(),
                    Secret.of(decrypted.getPassword().trim()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("The server '" + SERVER_ID + "' in settings.xml: " + e.getMessage(), e);
        }
    }

    /**
     * The proxy Maven would use for this URL: the first active {@code <proxy>} of the URL's
     * protocol whose {@code nonProxyHosts} do not name the host, else (for https) the first such
     * http proxy, as Maven's resolver chooses; null means a direct connection.
     */
    private SharedCacheConfig.Proxy proxy(String scheme, String host) throws MojoFailureException {
        Proxy chosen = candidate(scheme, host);
        if (chosen == null && scheme.equals("https")) {
            chosen = candidate("http", host);
        }
        if (chosen == null) {
            return null;
        }
        String what = "proxy '" + chosen.getId() + "'";
        Proxy decrypted =
                decrypt(new DefaultSettingsDecryptionRequest(chosen), what).getProxy();
        boolean authenticated = !isBlank(decrypted.getUsername());
        try {
            return new SharedCacheConfig.Proxy(
                    decrypted.getHost(),
                    decrypted.getPort(),
                    authenticated ? decrypted.getUsername() : null,
                    authenticated ? Secret.of(decrypted.getPassword() == null ? "" : decrypted.getPassword()) : null,
                    SharedCacheConfig.Proxy.parseNonProxyHosts(decrypted.getNonProxyHosts()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("The " + what + " in settings.xml: " + e.getMessage(), e);
        }
    }

    private Proxy candidate(String protocol, String host) {
        List<Proxy> proxies = settings == null ? List.of() : settings.getProxies();
        for (Proxy proxy : proxies) {
            String own =
                    proxy.getProtocol() == null ? "http" : proxy.getProtocol().toLowerCase(Locale.ROOT);
            if (proxy.isActive() && own.equals(protocol) && !bypasses(proxy, host)) {
                return proxy;
            }
        }
        return null;
    }

    private static boolean bypasses(Proxy proxy, String host) {
        List<String> hosts = SharedCacheConfig.Proxy.parseNonProxyHosts(proxy.getNonProxyHosts());
        // the host and port here are placeholders: only the nonProxyHosts rule is asked
        return new SharedCacheConfig.Proxy("proxy", 1, null, null, hosts).bypasses(host);
    }

    private SettingsDecryptionResult decrypt(SettingsDecryptionRequest request, String what)
            throws MojoFailureException {
        SettingsDecryptionResult result = decrypter.decrypt(request);
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // the problem's text is about the master password, never the password itself
                throw new MojoFailureException(
                        "Cannot decrypt the password of " + what + " in settings.xml: " + problem.getMessage());
            }
        }
        return result;
    }

    private static boolean carriesCredentials(String url) {
        try {
            return URI.create(url.trim()).getRawUserInfo() != null;
        } catch (IllegalArgumentException e) {
            return false; // not a URL at all: core says so
        }
    }

    /** A value that is a whole {@code ${…}} expression Maven could not resolve. */
    private static boolean unresolved(String text) {
        return text != null && text.trim().matches("\\$\\{[^}]+}");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
