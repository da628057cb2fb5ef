package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.provider.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Where a provider's token comes from, with Maven's real password decryption. */
class CredentialsTest {

    private static final String MASTER_PASSWORD = "master-of-tests";

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

    @Test
    void anEncryptedSettingsServerPasswordWinsOverTheEnvironmentVariable() throws Exception {
        Settings settings = settingsWith("assetgen-useapi", cipher.encryptAndDecorate("server-token", MASTER_PASSWORD));

        Secret token = new Credentials(settings, decrypter, Map.of("USEAPI_TOKEN", "env-token")).find("useapi");

        assertThat(token.reveal()).isEqualTo("server-token");
    }

    @Test
    void aPlainSettingsServerPasswordIsUsedAsItIs() throws Exception {
        Settings settings = settingsWith("assetgen-minimax", "plain-token");

        Secret token = new Credentials(settings, decrypter, Map.of()).find("minimax");

        assertThat(token.reveal()).isEqualTo("plain-token");
    }

    @Test
    void theEnvironmentVariableIsUsedWhenNoServerMatches() throws Exception {
        Settings settings = settingsWith("assetgen-minimax", "minimax-token");

        Secret token = new Credentials(settings, decrypter, Map.of("APIXO_API_KEY", "apixo-token")).find("apixo");

        assertThat(token.reveal()).isEqualTo("apixo-token");
    }

    @Test
    void neitherServerNorVariableGivesNoToken() throws Exception {
        Credentials credentials = new Credentials(new Settings(), decrypter, Map.of("USEAPI_TOKEN", " "));

        assertThat(credentials.find("useapi")).isNull();
        assertThat(new Credentials(null, decrypter, Map.of()).find("minimax")).isNull();
    }

    @Test
    void aServerPasswordLeftAsAnUnsetVariableFallsBackToTheEnvironmentInsteadOfFailingToDecrypt() throws Exception {
        // a fork's pull request: settings.xml says ${env.USEAPI_TOKEN}, the secret is not given to forks
        Settings settings = settingsWith("assetgen-useapi", "${env.USEAPI_TOKEN}");
        SettingsDecrypter noMaster = new DefaultSettingsDecrypter(new DefaultSecDispatcher(
                cipher, Map.of(), home.resolve("missing-settings-security.xml").toString()));

        assertThat(new Credentials(settings, noMaster, Map.of()).find("useapi")).isNull();
        assertThat(new Credentials(settings, noMaster, Map.of("USEAPI_TOKEN", "env-token"))
                        .find("useapi")
                        .reveal())
                .isEqualTo("env-token");
    }

    @Test
    void anEncryptedPasswordWithoutAMasterPasswordFailsWithoutShowingIt() throws Exception {
        String encrypted = cipher.encryptAndDecorate("server-token", MASTER_PASSWORD);
        Settings settings = settingsWith("assetgen-useapi", encrypted);
        SettingsDecrypter noMaster = new DefaultSettingsDecrypter(new DefaultSecDispatcher(
                cipher, Map.of(), home.resolve("missing-settings-security.xml").toString()));

        assertThatThrownBy(
                        () -> new Credentials(settings, noMaster, Map.of("USEAPI_TOKEN", "env-token")).find("useapi"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("assetgen-useapi")
                .hasMessageNotContaining("server-token")
                .hasMessageNotContaining(encrypted);
    }

    @Test
    void forABuildThatMayNotSendThereAnUndecryptablePasswordIsAWarningAndNoToken() throws Exception {
        // a fork's placeholder build: settings.xml is there, the master password is not
        String encrypted = cipher.encryptAndDecorate("server-token", MASTER_PASSWORD);
        Settings settings = settingsWith("assetgen-minimax", encrypted);
        SettingsDecrypter noMaster = new DefaultSettingsDecrypter(new DefaultSecDispatcher(
                cipher, Map.of(), home.resolve("missing-settings-security.xml").toString()));
        List<String> warnings = new ArrayList<>();

        Secret token = new Credentials(settings, noMaster, Map.of()).findOrWarn("minimax", warnings::add);

        assertThat(token).isNull();
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("assetgen-minimax")
                .contains("only a build that sends to minimax needs")
                .doesNotContain("server-token")
                .doesNotContain(encrypted);
    }

    private static Settings settingsWith(String id, String password) {
        Server server = new Server();
        server.setId(id);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }
}
