package io.github.assetgen.core.store.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.provider.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedCacheConfigTest {

    @Test
    void theBaseUrlAlwaysEndsInASlash() {
        assertThat(SharedCacheConfig.of("https://cache.example.com/assetgen").baseUrl())
                .isEqualTo("https://cache.example.com/assetgen/");
        assertThat(SharedCacheConfig.of(" http://cache.example.com:8080/a/b/ ").baseUrl())
                .isEqualTo("http://cache.example.com:8080/a/b/");
        assertThat(SharedCacheConfig.of("https://cache.example.com").baseUrl()).isEqualTo("https://cache.example.com/");
    }

    @Test
    void theDefaultsAreAnonymousReadOnlyAndDirect() {
        SharedCacheConfig config = SharedCacheConfig.of("https://cache.example.com/");

        assertThat(config.save()).isFalse();
        assertThat(config.credentials()).isNull();
        assertThat(config.proxy()).isNull();
        assertThat(config.callTimeout()).isEqualTo(SharedCacheConfig.DEFAULT_CALL_TIMEOUT);
        assertThat(config.withSave(true).save()).isTrue();
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        assertThatThrownBy(() -> SharedCacheConfig.of("ftp://cache.example.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> SharedCacheConfig.of("file:///tmp/cache"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedCacheConfig.of("cache.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> SharedCacheConfig.of("https://bot:hunter2@cache.example.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://cache.example.com/")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> SharedCacheConfig.of("not a url with hunter2")).hasMessageNotContaining("hunter2");
    }

    @Test
    void aQueryOrFragmentIsRefused() {
        assertThatThrownBy(() -> SharedCacheConfig.of("https://cache.example.com/c?token=x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("token=x");
        assertThatThrownBy(() -> SharedCacheConfig.of("https://cache.example.com/c#x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> SharedCacheConfig.of("https://c.example/")
                        .withTimeouts(
                                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("connectTimeout");
    }

    @Test
    void nonProxyHostsFollowMavensSyntax() {
        SharedCacheConfig.Proxy proxy = new SharedCacheConfig.Proxy(
                "proxy.corp",
                3128,
                null,
                null,
                SharedCacheConfig.Proxy.parseNonProxyHosts("localhost| *.corp.example ,10.*"));

        assertThat(proxy.nonProxyHosts()).containsExactly("localhost", "*.corp.example", "10.*");
        assertThat(proxy.bypasses("LOCALHOST")).isTrue();
        assertThat(proxy.bypasses("cache.corp.example")).isTrue();
        assertThat(proxy.bypasses("10.1.2.3")).isTrue();
        assertThat(proxy.bypasses("corp.example")).isFalse();
        assertThat(proxy.bypasses("cache.example.com")).isFalse();
        assertThat(proxy.bypasses("localhostx")).isFalse();
        assertThat(SharedCacheConfig.Proxy.parseNonProxyHosts(null)).isEmpty();
    }

    @Test
    void aProxyUserNeedsAPasswordAndAValidPort() {
        assertThatThrownBy(() -> new SharedCacheConfig.Proxy("p", 3128, "user", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharedCacheConfig.Proxy("p", 0, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUserNameWithAColonIsRefused() {
        assertThatThrownBy(() -> new SharedCacheConfig.Credentials("a:b", Secret.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
