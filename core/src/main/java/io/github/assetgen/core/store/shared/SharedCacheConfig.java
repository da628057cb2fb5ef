package io.github.assetgen.core.store.shared;

import io.github.assetgen.core.provider.Secret;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Where the team's shared cache lives and how to reach it. Immutable; {@link #toString()} never
 * shows a password because passwords are {@link Secret}s and the base URL may not carry any.
 *
 * @param baseUrl the cache's root, {@code http} or {@code https}, always ending in {@code /}
 * @param save whether this build uploads what it generates (meant for main-branch CI only)
 * @param credentials HTTP Basic credentials for the cache's own host, or null for anonymous access
 * @param proxy the HTTP proxy to go through, or null for a direct connection
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param readTimeout the longest silence while reading a response
 * @param writeTimeout the longest stall while sending a request body
 * @param callTimeout the longest a whole call may take, connection to last byte; bounds a blob
 *     download however slowly the server drips it
 */
public record SharedCacheConfig(
        String baseUrl,
        boolean save,
        Credentials credentials,
        Proxy proxy,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration callTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(10);

    public SharedCacheConfig {
        baseUrl = normalise(baseUrl);
        connectTimeout = positive(connectTimeout, "connectTimeout");
        readTimeout = positive(readTimeout, "readTimeout");
        writeTimeout = positive(writeTimeout, "writeTimeout");
        callTimeout = positive(callTimeout, "callTimeout");
    }

    /** A read-only, anonymous, direct configuration with the default timeouts. */
    public static SharedCacheConfig of(String baseUrl) {
        return new SharedCacheConfig(
                baseUrl,
                false,
                null,
                null,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT,
                DEFAULT_WRITE_TIMEOUT,
                DEFAULT_CALL_TIMEOUT);
    }

    public SharedCacheConfig withSave(boolean newSave) {
        return new SharedCacheConfig(
                baseUrl, newSave, credentials, proxy, connectTimeout, readTimeout, writeTimeout, callTimeout);
    }

    public SharedCacheConfig withCredentials(Credentials newCredentials) {
        return new SharedCacheConfig(
                baseUrl, save, newCredentials, proxy, connectTimeout, readTimeout, writeTimeout, callTimeout);
    }

    public SharedCacheConfig withProxy(Proxy newProxy) {
        return new SharedCacheConfig(
                baseUrl, save, credentials, newProxy, connectTimeout, readTimeout, writeTimeout, callTimeout);
    }

    public SharedCacheConfig withTimeouts(Duration connect, Duration read, Duration write, Duration call) {
        return new SharedCacheConfig(baseUrl, save, credentials, proxy, connect, read, write, call);
    }

    /**
     * A user name and password sent as HTTP Basic to the cache's own scheme, host and port only.
     *
     * @param username the user name (a settings.xml server's {@code <username>})
     * @param password the password or API token, never printed
     */
    public record Credentials(String username, Secret password) {

        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isEmpty() || username.indexOf(':') >= 0) {
                // RFC 7617: a colon would end the user id early on the server's side
                throw new IllegalArgumentException("a shared cache user name must be non-empty and without ':'");
            }
        }
    }

    /**
     * An HTTP proxy as a settings.xml {@code <proxy>} describes it.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @param username the proxy user, or null if the proxy needs no authentication
     * @param password the proxy password (with {@code username}), or null
     * @param nonProxyHosts hosts reached directly: Maven's {@code <nonProxyHosts>} split at {@code |}
     *     (or {@code ,}); {@code *} matches any characters ({@code *.example.com})
     */
    public record Proxy(String host, int port, String username, Secret password, List<String> nonProxyHosts) {

        public Proxy {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("a proxy needs a host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("a proxy port is 1..65535, got " + port);
            }
            if ((username == null) != (password == null)) {
                throw new IllegalArgumentException("a proxy user needs a password and a password a user");
            }
            nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
        }

        /** Reads Maven's {@code <nonProxyHosts>} text ({@code localhost|*.corp.example}); null means none. */
        public static List<String> parseNonProxyHosts(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return Arrays.stream(text.split("[|,]"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        /** Whether {@code host} is reached directly rather than through this proxy. */
        public boolean bypasses(String host) {
            String lower = host.toLowerCase(Locale.ROOT);
            for (String pattern : nonProxyHosts) {
                if (matches(pattern.toLowerCase(Locale.ROOT), lower)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(String pattern, String host) {
            String regex =
                    Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            return host.matches(regex);
        }
    }

    private static String normalise(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        HttpUrl url = HttpUrl.parse(baseUrl.trim());
        if (url == null) {
            // the text itself may carry user:password@, so it is not echoed
            throw new IllegalArgumentException("the shared cache URL must be an http:// or https:// URL");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("the shared cache URL must not carry credentials (" + redacted(url)
                    + "); give them as the shared cache's credentials instead");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("the shared cache URL must have no query or fragment: " + redacted(url));
        }
        String text = url.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    /** A URL fit for a message: no user, no password, no query, no fragment. */
    static String redacted(HttpUrl url) {
        return url.newBuilder()
                .username("")
                .password("")
                .query(null)
                .fragment(null)
                .build()
                .toString();
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the shared cache's " + name + " must be positive, got " + value);
        }
        return value;
    }
}
