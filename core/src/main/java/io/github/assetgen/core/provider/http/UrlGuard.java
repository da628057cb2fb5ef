package io.github.assetgen.core.provider.http;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Where a provider may send the build: download and redirect targets over https only (http only
 * when the provider's own base URL is http on this machine, as in tests), never to a private,
 * link-local, multicast or unspecified address, and to a loopback address only when the base URL
 * is loopback itself. A result URL comes from an answer, so without this a provider (or whoever
 * tampered with its answer) could make the build fetch from the CI machine's own network, such as
 * a cloud metadata endpoint. Stateless.
 */
final class UrlGuard {

    private UrlGuard() {}

    /** A refused download target; not a network fault, so it is not retried. */
    static final class RefusedTarget extends UnknownHostException {
        RefusedTarget(String message) {
            super(message);
        }
    }

    /** Why a base URL must not carry the token, or null when it may: plain http to another machine. */
    static String insecureBase(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopbackHost(base.getHost())) {
            return "the base URL " + base.getScheme() + "://" + base.getHost()
                    + " is plain http to another machine, which would send the token in clear: use https";
        }
        return null;
    }

    /** True for {@code localhost} and loopback address literals; names are not resolved. */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        InetAddress literal = literal(h);
        return literal != null && literal.isLoopbackAddress();
    }

    /**
     * Why a download (or redirect) target is refused, or null when it may be fetched. A host name is
     * checked again when it is resolved ({@link #dns}); an address literal is checked here.
     */
    static String refusal(HttpUrl target, HttpUrl base) {
        boolean localBase = isLoopbackHost(base.host());
        boolean httpAllowed = base.scheme().equals("http") && localBase;
        if (!target.scheme().equals("https") && !(httpAllowed && target.scheme().equals("http"))) {
            return "the result URL is not https (" + target.scheme() + "://" + target.host() + ")";
        }
        InetAddress literal = literal(target.host());
        if (literal != null && refused(literal, localBase)) {
            return "the result URL points into a private network (" + target.host() + ")";
        }
        return null;
    }

    /** Whether a download may not connect to {@code address}. */
    static boolean refused(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return !allowLoopback;
        }
        if (address.isAnyLocalAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses: IPv6's private networks
            return (raw[0] & 0xfe) == 0xfc;
        }
        // 0.0.0.0/8 and 100.64.0.0/10 (carrier-grade NAT, also used inside clouds)
        return raw[0] == 0 || ((raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64);
    }

    /** Resolves names like the system does, refusing those that only lead to refused addresses. */
    static Dns dns(boolean allowLoopback) {
        return host -> {
            List<InetAddress> all = Dns.SYSTEM.lookup(host);
            List<InetAddress> allowed =
                    all.stream().filter(a -> !refused(a, allowLoopback)).toList();
            if (allowed.isEmpty()) {
                throw new RefusedTarget("the result URL's host " + host + " resolves into a private network");
            }
            return allowed;
        };
    }

    private static InetAddress literal(String host) {
        boolean ipv4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = host.contains(":");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            // a literal is parsed, never looked up
            return InetAddress.getByName(host);
        } catch (IOException e) {
            return null;
        }
    }
}
