package io.github.assetgen.core.store.shared;

import static io.github.assetgen.core.store.shared.SharedCacheFixtures.KEY;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.fastConfig;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.provider.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Credentials go only where they belong, proxies are used as settings.xml says, passwords never print. */
class SharedCacheClientTest {

    private static final String PASSWORD = "pa55-w0rd-never-printed";

    @StartStop
    MockWebServer server = new MockWebServer();

    @StartStop
    MockWebServer elsewhere = new MockWebServer();

    private SharedCacheConfig withCredentials() {
        return fastConfig(server.url("/cache/").toString())
                .withCredentials(new SharedCacheConfig.Credentials("ci-bot", Secret.of(PASSWORD)));
    }

    @Test
    void configuredCredentialsAreSentAsBasicWithEveryRequest() throws Exception {
        server.enqueue(status(404));
        server.enqueue(status(200));

        HttpSharedCache cache = new HttpSharedCache(withCredentials());
        cache.find(KEY);
        cache.has(KEY);

        String expected =
                "Basic " + Base64.getEncoder().encodeToString(("ci-bot:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo(expected);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo(expected);
    }

    @Test
    void withoutCredentialsRequestsAreAnonymous() throws Exception {
        server.enqueue(status(404));

        new HttpSharedCache(fastConfig(server.url("/cache/").toString())).find(KEY);

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aRedirectToAnotherHostNeverCarriesTheCredentials() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader(
                        "Location",
                        elsewhere.url("/signed/manifest.json?sig=abc").toString())
                .build());
        elsewhere.enqueue(status(404));

        new HttpSharedCache(withCredentials()).find(KEY);

        assertThat(server.takeRequest().getHeaders().get("Authorization")).startsWith("Basic ");
        assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void thePasswordIsInNoMessageEvenWhenTheServerEchoesIt() {
        server.enqueue(new MockResponse.Builder()
                .status("HTTP/1.1 403 Forbidden for " + PASSWORD)
                .build());
        SharedCacheConfig config = withCredentials()
                .withProxy(new SharedCacheConfig.Proxy(
                        server.getHostName(),
                        server.getPort(),
                        "proxy-user",
                        Secret.of(PASSWORD + "-proxy"),
                        List.of()));
        HttpSharedCache cache = new HttpSharedCache(config);

        SharedCacheException e = catchThrowableOfType(SharedCacheException.class, () -> cache.find(KEY));

        assertThat(e.reason()).isEqualTo(SharedCacheException.Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("403").doesNotContain(PASSWORD);
        assertThat(e.toString()).doesNotContain(PASSWORD);
        assertThat(config.toString())
                .doesNotContain(PASSWORD)
                .contains("ci-bot")
                .contains("proxy-user");
        assertThat(cache.toString()).doesNotContain(PASSWORD);
        assertThat(cache.location()).doesNotContain(PASSWORD);
    }

    @Test
    void aProxyIsUsedForTheCacheHost() throws Exception {
        server.enqueue(status(404));
        SharedCacheConfig config = fastConfig("http://cache.example.invalid/team/")
                .withProxy(new SharedCacheConfig.Proxy(server.getHostName(), server.getPort(), null, null, List.of()));

        new HttpSharedCache(config).find(KEY);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine())
                .isEqualTo("GET http://cache.example.invalid/team/keys/ab/" + KEY + ".json HTTP/1.1");
    }

    @Test
    void aProxyAskingForCredentialsGetsThemOnce() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(407)
                .setHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
                .build());
        server.enqueue(status(404));
        SharedCacheConfig config = fastConfig("http://cache.example.invalid/team/")
                .withProxy(new SharedCacheConfig.Proxy(
                        server.getHostName(), server.getPort(), "proxy-user", Secret.of("proxy-pass"), List.of()));

        new HttpSharedCache(config).find(KEY);

        assertThat(server.takeRequest().getHeaders().get("Proxy-Authorization")).isNull();
        assertThat(server.takeRequest().getHeaders().get("Proxy-Authorization"))
                .isEqualTo(okhttp3.Credentials.basic("proxy-user", "proxy-pass"));
    }

    @Test
    void aProxyRefusingTheCredentialsIsUnauthorizedWithoutALoop() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(407)
                    .setHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
                    .build());
        }
        SharedCacheConfig config = fastConfig("http://cache.example.invalid/team/")
                .withProxy(new SharedCacheConfig.Proxy(
                        server.getHostName(), server.getPort(), "proxy-user", Secret.of("wrong"), List.of()));

        SharedCacheException e =
                catchThrowableOfType(SharedCacheException.class, () -> new HttpSharedCache(config).find(KEY));

        assertThat(e.reason()).isEqualTo(SharedCacheException.Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).endsWith("check the proxy credentials");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aNonProxyHostIsReachedDirectly() throws Exception {
        server.enqueue(status(404));
        // the proxy is a closed port: only a direct connection can succeed
        SharedCacheConfig config = fastConfig(server.url("/cache/").toString())
                .withProxy(new SharedCacheConfig.Proxy(
                        "127.0.0.1",
                        9,
                        null,
                        null,
                        SharedCacheConfig.Proxy.parseNonProxyHosts("*.corp.example|" + server.getHostName())));

        assertThat(new HttpSharedCache(config).find(KEY)).isEmpty();
        assertThat(server.takeRequest().getRequestLine()).startsWith("GET /cache/keys/");
    }
}
