package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.store.shared.SharedCacheConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** The shared cache's URL, credentials and proxy as settings.xml gives them, with Maven's real decryption. */
class SharedCacheSettingsTest {

    private static final String MASTER_PASSWORD = "master-of-tests";
    private static final String URL = "https://cache.example.com/assetgen";

    @TempDir
    Path home;

    private final DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    private SettingsDecrypter decrypter;

    @BeforeEach
    void writeSettingsSecurity() throws Exception {
        // what `mvn --encrypt-master-password` writes to ~/.m2/settings-security.xml
        Path security = home.resolve("settings-security.xml");
        Files.writeString(
                security,
                "<settingsSecurity><master>"
                        + cipher.encryptAndDecorate(MASTER_PASSWORD, DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION)
                        + "</master></settingsSecurity>",
                StandardCharsets.UTF_8);
        decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
    }

    private SharedCacheConfig resolve(Settings settings, String url, boolean save) throws MojoFailureException {
        return new SharedCacheSettings(settings, decrypter).resolve(url, save);
    }

    @Test
    void noUrlMeansNoSharedCache() throws Exception {
        assertThat(resolve(new Settings(), null, false)).isNull();
        assertThat(resolve(null, "  ", false)).isNull();
    }

    @Test
    void savingWithoutAUrlFailsNamingTheProperty() {
        assertThatThrownBy(() -> resolve(new Settings(), null, true))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("assetgen.remoteCache.save is true")
                .hasMessageContaining("-Dassetgen.remoteCache=<url>");
    }

    @Test
    void withoutTheServerReadsAreAnonymousAndDirect() throws Exception {
        SharedCacheConfig config = resolve(new Settings(), URL, false);

        assertThat(config.baseUrl()).isEqualTo(URL + "/");
        assertThat(config.save()).isFalse();
        assertThat(config.credentials()).isNull();
        assertThat(config.proxy()).isNull();
        assertThat(config.connectTimeout()).isEqualTo(SharedCacheConfig.DEFAULT_CONNECT_TIMEOUT);
    }

    @Test
    void theServerGivesBasicCredentialsWithItsEncryptedPasswordDecrypted() throws Exception {
        Settings settings = new Settings();
        settings.addServer(server("ci-bot", cipher.encryptAndDecorate("cache-password", MASTER_PASSWORD)));

        SharedCacheConfig config = resolve(settings, URL, true);

        assertThat(config.save()).isTrue();
        assertThat(config.credentials().username()).isEqualTo("ci-bot");
        assertThat(config.credentials().password().reveal()).isEqualTo("cache-password");
        assertThat(config.toString()).doesNotContain("cache-password");
    }

    /** What an agent's settings.xml gives when it names variables only the saving build binds (Jenkinsfile, setup-java). */
    private static Settings serverOfUnsetVariables() {
        Server server = new Server();
        server.setId("assetgen-cache");
        server.setUsername("${env.ASSETGEN_CACHE_USER}");
        server.setPassword("${env.ASSETGEN_CACHE_PASSWORD}");
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    @Test
    void aReadingBuildWhoseServerNamesUnsetVariablesReadsAnonymously() throws Exception {
        SharedCacheConfig config = resolve(serverOfUnsetVariables(), URL, false);

        assertThat(config.credentials()).isNull();
    }

    @Test
    void aSavingBuildWhoseServerNamesUnsetVariablesFailsNamingTheVariable() {
        assertThatThrownBy(() -> resolve(serverOfUnsetVariables(), URL, true))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("${env.ASSETGEN_CACHE_USER}")
                .hasMessageContaining("assetgen.remoteCache.save=true");
    }

    @Test
    void aServerWithAPasswordButNoUsernameFailsWithoutShowingThePassword() {
        Settings settings = new Settings();
        settings.addServer(server(null, "cache-password"));

        assertThatThrownBy(() -> resolve(settings, URL, false))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'assetgen-cache'")
                .hasMessageContaining("<username>")
                .hasMessageNotContaining("cache-password");
    }

    @Test
    void anEncryptedPasswordWithoutAMasterPasswordFailsWithoutShowingIt() throws Exception {
        String encrypted = cipher.encryptAndDecorate("cache-password", MASTER_PASSWORD);
        Settings settings = new Settings();
        settings.addServer(server("ci-bot", encrypted));
        SettingsDecrypter noMaster = new DefaultSettingsDecrypter(new DefaultSecDispatcher(
                cipher, Map.of(), home.resolve("missing-settings-security.xml").toString()));

        assertThatThrownBy(() -> new SharedCacheSettings(settings, noMaster).resolve(URL, false))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("assetgen-cache")
                .hasMessageNotContaining("cache-password")
                .hasMessageNotContaining(encrypted);
    }

    @Test
    void aUrlCarryingCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> resolve(new Settings(), "https://ci-bot:s3cret@cache.example.com/", false))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("assetgen.remoteCache")
                .hasMessageContaining("<server> with id 'assetgen-cache' in settings.xml")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("ci-bot");
    }

    @Test
    void theActiveProxyOfTheUrlsProtocolIsUsedWithItsNonProxyHostsAndDecryptedPassword() throws Exception {
        Settings settings = new Settings();
        Proxy inactive = proxy("off", "https", "unused.example.com", 1);
        inactive.setActive(false);
        settings.addProxy(inactive);
        settings.addProxy(proxy("plain", "http", "http-proxy.example.com", 3128));
        Proxy secure = proxy("secure", "https", "proxy.example.com", 8443);
        secure.setUsername("proxy-user");
        secure.setPassword(cipher.encryptAndDecorate("proxy-password", MASTER_PASSWORD));
        secure.setNonProxyHosts("localhost|*.internal.example.com");
        settings.addProxy(secure);

        SharedCacheConfig.Proxy chosen = resolve(settings, URL, false).proxy();

        assertThat(chosen.host()).isEqualTo("proxy.example.com");
        assertThat(chosen.port()).isEqualTo(8443);
        assertThat(chosen.username()).isEqualTo("proxy-user");
        assertThat(chosen.password().reveal()).isEqualTo("proxy-password");
        assertThat(chosen.nonProxyHosts()).containsExactly("localhost", "*.internal.example.com");
    }

    @Test
    void anHttpsCacheFallsBackToTheHttpProxyAsMavenDoes() throws Exception {
        Settings settings = new Settings();
        settings.addProxy(proxy("plain", "http", "http-proxy.example.com", 3128));

        SharedCacheConfig.Proxy chosen = resolve(settings, URL, false).proxy();

        assertThat(chosen.host()).isEqualTo("http-proxy.example.com");
        assertThat(chosen.username()).isNull();
        assertThat(chosen.password()).isNull();
    }

    @Test
    void anHttpCacheNeverUsesAnHttpsOnlyProxy() throws Exception {
        Settings settings = new Settings();
        settings.addProxy(proxy("secure", "https", "proxy.example.com", 8443));

        assertThat(resolve(settings, "http://cache.example.com/", false).proxy())
                .isNull();
    }

    @Test
    void aCacheHostWithAnUnderscoreIsMatchedAgainstNonProxyHostsInsteadOfCrashing() throws Exception {
        // a docker-compose service name: java.net.URI has no host for it, HTTP clients accept it
        Settings settings = new Settings();
        Proxy corporate = proxy("corporate", "http", "proxy.example.com", 3128);
        corporate.setNonProxyHosts("build_cache|localhost");
        settings.addProxy(corporate);

        assertThat(resolve(settings, "http://build_cache:8080/assetgen/", false).proxy())
                .isNull();
        assertThat(resolve(settings, "http://other_cache:8080/assetgen/", false)
                        .proxy()
                        .host())
                .isEqualTo("proxy.example.com");
    }

    @Test
    void aCacheHostListedInNonProxyHostsIsReachedDirectlyOrThroughTheNextProxy() throws Exception {
        Settings settings = new Settings();
        Proxy bypassing = proxy("corporate", "https", "proxy.example.com", 8443);
        bypassing.setNonProxyHosts("*.example.com");
        settings.addProxy(bypassing);

        assertThat(resolve(settings, URL, false).proxy()).isNull();

        settings.addProxy(proxy("other", "https", "other-proxy.example.org", 8080));
        assertThat(resolve(settings, URL, false).proxy().host()).isEqualTo("other-proxy.example.org");
        assertThat(resolve(settings, URL, false).proxy().nonProxyHosts()).isEqualTo(List.of());
    }

    private static Server server(String username, String password) {
        Server server = new Server();
        server.setId(SharedCacheSettings.SERVER_ID);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    private static Proxy proxy(String id, String protocol, String host, int port) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setHost(host);
        proxy.setPort(port);
        return proxy;
    }
}
