package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.Secret;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Owns the build's one {@link OkHttpClient}; each provider gets a client derived from it with
 * {@code newBuilder()} (sharing the connection pool and threads) carrying its own timeouts and
 * credentials. Thread-safe; create one per build.
 */
public final class HttpClientFactory {

    /** Sent with every request. */
    public static final String USER_AGENT = "assetgen/0.1.0";

    private final OkHttpClient shared;

    public HttpClientFactory() {
        this(new OkHttpClient());
    }

    /** A factory over the build's one client, so every provider shares its connection pool and threads. */
    public HttpClientFactory(OkHttpClient shared) {
        this.shared = java.util.Objects.requireNonNull(shared, "shared");
    }

    /** The client for one provider: its timeouts, the User-Agent, and its token for its own host only. */
    OkHttpClient forProvider(ProviderSettings settings) {
        HttpUrl base = HttpUrl.get(settings.baseUrl());
        return shared.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .addInterceptor(new AuthInterceptor(base, settings.token()))
                .eventListenerFactory(SendTracker::of)
                // a backstop only: each call is given the time left on its asset (see HttpCaller#bound)
                .callTimeout(Duration.ofHours(1))
                .build();
    }

    /**
     * The client for result downloads, derived from the provider's: it follows no redirect itself
     * (the downloader checks each hop first) and resolves names only to addresses {@link UrlGuard}
     * allows, loopback only when the provider's base URL is loopback itself.
     */
    static OkHttpClient forDownloads(OkHttpClient providerClient, ProviderSettings settings) {
        boolean loopbackBase = UrlGuard.isLoopbackHost(settings.baseUrl().getHost());
        return providerClient
                .newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .dns(UrlGuard.dns(loopbackBase))
                .build();
    }

    /**
     * Tags a request that must never carry the token, whatever its host: result downloads are
     * public or signed URLs, and a proxy or test may serve them from the API's own host.
     */
    enum WithoutCredentials {
        INSTANCE
    }

    /**
     * Adds the User-Agent to every request and the bearer token only to requests for the
     * provider's own scheme, host and port, so a result URL on a CDN never receives the token.
     */
    static final class AuthInterceptor implements Interceptor {

        private final HttpUrl base;
        private final Secret token;

        AuthInterceptor(HttpUrl base, Secret token) {
            this.base = base;
            this.token = token;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            Request.Builder builder = request.newBuilder().header("User-Agent", USER_AGENT);
            if (token != null && request.tag(WithoutCredentials.class) == null && isProviderHost(request.url())) {
                builder.header("Authorization", "Bearer " + token.reveal());
            } else {
                builder.removeHeader("Authorization");
            }
            return chain.proceed(builder.build());
        }

        private boolean isProviderHost(HttpUrl url) {
            return url.scheme().equals(base.scheme())
                    && url.host().equalsIgnoreCase(base.host())
                    && url.port() == base.port();
        }
    }
}
