package io.github.assetgen.core.store.shared;

import io.github.assetgen.core.provider.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Derives the shared cache's OkHttp client: its timeouts, its Basic credentials, its proxy. */
final class SharedCacheClient {

    private SharedCacheClient() {}

    /** A client sharing {@code shared}'s connection pool and threads, configured for the cache. */
    static OkHttpClient build(OkHttpClient shared, SharedCacheConfig config) {
        HttpUrl base = HttpUrl.get(config.baseUrl());
        OkHttpClient.Builder builder = shared.newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout());
        if (config.credentials() != null) {
            builder.addNetworkInterceptor(new BasicAuth(base, config.credentials()));
        }
        SharedCacheConfig.Proxy proxy = config.proxy();
        if (proxy != null) {
            builder.proxySelector(new Selector(proxy));
            if (proxy.username() != null) {
                builder.proxyAuthenticator(new ProxyAuth(proxy.username(), proxy.password()));
            }
        }
        return builder.build();
    }

    /**
     * Sends the credentials with every request to the cache's own scheme, host and port, without
     * waiting for a challenge: it saves a round trip per request, and a server that hides private
     * content answers 404 rather than challenge an anonymous reader. A network interceptor, so a
     * redirect to another host (a CDN, a signed S3 URL) never carries them.
     */
    private static final class BasicAuth implements Interceptor {

        private final HttpUrl base;
        private final String header;

        BasicAuth(HttpUrl base, SharedCacheConfig.Credentials credentials) {
            this.base = base;
            this.header = Credentials.basic(
                    credentials.username(), credentials.password().reveal(), StandardCharsets.UTF_8);
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            HttpUrl url = request.url();
            boolean own = url.scheme().equals(base.scheme())
                    && url.host().equalsIgnoreCase(base.host())
                    && url.port() == base.port();
            Request.Builder builder = request.newBuilder();
            if (own) {
                builder.header("Authorization", header);
            } else {
                builder.removeHeader("Authorization");
            }
            return chain.proceed(builder.build());
        }

        @Override
        public String toString() {
            return "BasicAuth[" + base.host() + ", ****]";
        }
    }

    /** Maven's rule: every host through the proxy except the {@code nonProxyHosts}. */
    private static final class Selector extends ProxySelector {

        private final SharedCacheConfig.Proxy proxy;
        private final java.net.Proxy through;

        Selector(SharedCacheConfig.Proxy proxy) {
            this.proxy = proxy;
            this.through = new java.net.Proxy(
                    java.net.Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port()));
        }

        @Override
        public List<java.net.Proxy> select(URI uri) {
            String host = uri.getHost();
            return host != null && proxy.bypasses(host) ? List.of(java.net.Proxy.NO_PROXY) : List.of(through);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // nothing to remember: one proxy, and the call reports the failure
        }
    }

    /** Answers a proxy's 407 (or OkHttp's pre-emptive CONNECT challenge) once with Basic credentials. */
    private static final class ProxyAuth implements Authenticator {

        private final String username;
        private final Secret password;

        ProxyAuth(String username, Secret password) {
            this.username = username;
            this.password = password;
        }

        @Override
        public Request authenticate(okhttp3.Route route, Response response) {
            if (response.request().header("Proxy-Authorization") != null) {
                return null; // these credentials were refused already; asking again would loop
            }
            String header = Credentials.basic(username, password.reveal(), StandardCharsets.UTF_8);
            return response.request()
                    .newBuilder()
                    .header("Proxy-Authorization", header)
                    .build();
        }
    }
}
