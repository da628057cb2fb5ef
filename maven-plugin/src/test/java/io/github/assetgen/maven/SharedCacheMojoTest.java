package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.lenient;

import io.github.assetgen.core.api.BuildConfig;
import io.github.assetgen.core.store.shared.SharedCacheConfig;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The team parameters ({@code remoteCache}, {@code remoteCache.save}, {@code locked}) as the goals
 * hand them to core, and where the shared cache's credentials and proxy come from.
 */
@MojoTest
class SharedCacheMojoTest {

    private static final String PASSWORD = "cache-password-never-printed";

    private static Settings settingsWithServerAndProxy() {
        Server server = new Server();
        server.setId("assetgen-cache");
        server.setUsername("ci-bot");
        server.setPassword(PASSWORD);
        Proxy proxy = new Proxy();
        proxy.setId("corporate");
        proxy.setProtocol("http");
        proxy.setHost("proxy.example.com");
        proxy.setPort(3128);
        proxy.setNonProxyHosts("localhost|127.0.0.1");
        Settings settings = new Settings();
        settings.addServer(server);
        settings.addProxy(proxy);
        return settings;
    }

    @Test
    @Basedir("/unit/generate")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "remoteCache", value = "http://cache.example.com/assetgen")
    @MojoParameter(name = "remoteCacheSave", value = "true")
    @MojoParameter(name = "locked", value = "true")
    void generateAssetsHandsCoreTheSharedCacheWithTheServersCredentialsAndTheProxy(GenerateAssetsMojo mojo)
            throws Exception {
        lenient().when(mojo.session.getSettings()).thenReturn(settingsWithServerAndProxy());

        BuildConfig config = mojo.buildConfig();

        SharedCacheConfig cache = config.sharedCache();
        assertThat(cache.baseUrl()).isEqualTo("http://cache.example.com/assetgen/");
        assertThat(cache.save()).isTrue();
        assertThat(cache.credentials().username()).isEqualTo("ci-bot");
        assertThat(cache.credentials().password().reveal()).isEqualTo(PASSWORD);
        assertThat(cache.proxy().host()).isEqualTo("proxy.example.com");
        assertThat(cache.proxy().port()).isEqualTo(3128);
        assertThat(cache.proxy().nonProxyHosts()).containsExactly("localhost", "127.0.0.1");
        assertThat(config.locked()).isTrue();
        assertThat(config.toString()).doesNotContain(PASSWORD);
    }

    @Test
    @Basedir("/unit/generate")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    void byDefaultThereIsNoSharedCacheAndBuildsMayBuy(GenerateAssetsMojo mojo) throws Exception {
        BuildConfig config = mojo.buildConfig();

        assertThat(mojo.remoteCacheSave).isFalse();
        assertThat(config.sharedCache()).isNull();
        assertThat(config.locked()).isFalse();
    }

    @Test
    @Basedir("/unit/generate")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "remoteCache", value = "http://cache.example.com/")
    void withoutTheServerTheSharedCacheIsReadAnonymously(GenerateAssetsMojo mojo) throws Exception {
        lenient().when(mojo.session.getSettings()).thenReturn(new Settings());

        SharedCacheConfig cache = mojo.buildConfig().sharedCache();

        assertThat(cache.save()).isFalse();
        assertThat(cache.credentials()).isNull();
        assertThat(cache.proxy()).isNull();
    }

    @Test
    @Basedir("/unit/generate")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "remoteCacheSave", value = "true")
    void savingWithoutASharedCacheFailsTheBuild(GenerateAssetsMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessageContaining("assetgen.remoteCache");
    }

    @Test
    @Basedir("/unit/generate")
    @InjectMojo(goal = GenerateAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "remoteCache", value = "ftp://cache.example.com/")
    void aSharedCacheUrlThatIsNotHttpIsAnInvalidConfiguration(GenerateAssetsMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Invalid assetgen configuration: ")
                .hasMessageContaining("http:// or https://");
    }

    @Test
    @Basedir("/unit/generate")
    @InjectMojo(goal = PlanAssetsMojo.GOAL_NAME)
    @MojoParameter(name = "remoteCache", value = "http://cache.example.com/assetgen/")
    @MojoParameter(name = "locked", value = "true")
    void planAssetsPlansWithTheSharedCacheAndLockedBecauseGenerateCarriesOutItsPlan(PlanAssetsMojo mojo)
            throws Exception {
        lenient().when(mojo.session.getSettings()).thenReturn(settingsWithServerAndProxy());

        BuildConfig config = mojo.buildConfig();

        assertThat(config.locked()).isTrue();
        assertThat(config.sharedCache().baseUrl()).isEqualTo("http://cache.example.com/assetgen/");
        assertThat(config.sharedCache().save()).isFalse();
    }

    @Test
    void theCommandLinePropertiesBindToTheParameters() throws Exception {
        Document descriptor;
        try (InputStream in = SharedCacheMojoTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("the plugin descriptor is generated").isNotNull();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            descriptor = factory.newDocumentBuilder().parse(in);
        }

        Element generate = mojo(descriptor, GenerateAssetsMojo.GOAL_NAME);
        assertThat(expression(generate, "remoteCache")).isEqualTo("${assetgen.remoteCache}");
        assertThat(expression(generate, "remoteCacheSave")).isEqualTo("${assetgen.remoteCache.save}");
        assertThat(expression(generate, "locked")).isEqualTo("${assetgen.locked}");
        Element plan = mojo(descriptor, PlanAssetsMojo.GOAL_NAME);
        assertThat(expression(plan, "locked")).isEqualTo("${assetgen.locked}");
        assertThat(expression(plan, "remoteCache")).isEqualTo("${assetgen.remoteCache}");
    }

    @Test
    void eachGoalOffersOnlyTheParametersItUses() throws Exception {
        // issue #13: help listed force, pollInterval and timeout under validate-assets
        Document descriptor;
        try (InputStream in = SharedCacheMojoTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            descriptor = factory.newDocumentBuilder().parse(in);
        }

        assertThat(parameters(mojo(descriptor, ValidateAssetsMojo.GOAL_NAME)))
                .containsExactlyInAnyOrder("specDirectory", "skip", "placeholders", "project", "session");
        assertThat(parameters(mojo(descriptor, PlanAssetsMojo.GOAL_NAME)))
                .contains("lockFile", "cacheDirectory", "only", "force", "maxCredits", "maxUsd", "offline")
                .doesNotContain("timeout", "pollInterval", "retryDelay", "providers");
        assertThat(parameters(mojo(descriptor, GenerateAssetsMojo.GOAL_NAME)))
                .contains("timeout", "pollInterval", "retryDelay", "providers", "force", "only", "lockFile");
    }

    /** The names of a goal's parameters in the descriptor. */
    private static List<String> parameters(Element mojo) {
        Element parameters = (Element) mojo.getElementsByTagName("parameters").item(0);
        NodeList list = parameters.getElementsByTagName("parameter");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            names.add(((Element) list.item(i))
                    .getElementsByTagName("name")
                    .item(0)
                    .getTextContent());
        }
        return names;
    }

    private static Element mojo(Document descriptor, String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                return mojo;
            }
        }
        throw new AssertionError("no goal " + goal + " in the plugin descriptor");
    }

    /** The {@code ${property}} a parameter reads, from the mojo's {@code <configuration>}; null if none. */
    private static String expression(Element mojo, String parameter) {
        NodeList configurations = mojo.getElementsByTagName("configuration");
        if (configurations.getLength() == 0) {
            return null;
        }
        NodeList values = ((Element) configurations.item(0)).getElementsByTagName(parameter);
        return values.getLength() == 0 ? null : values.item(0).getTextContent().trim();
    }
}
