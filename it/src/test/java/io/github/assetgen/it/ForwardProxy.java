package io.github.assetgen.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain-HTTP forward proxy on a free loopback port, as a settings.xml {@code <proxy>} names one: it takes
 * absolute-form requests ({@code GET http://host:port/path}), forwards GET, HEAD and PUT with their
 * {@code Authorization} and {@code Content-Type}, and records each as {@code METHOD url}. No CONNECT, so https is
 * out of scope.
 */
final class ForwardProxy implements AutoCloseable {

    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "forward-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    ForwardProxy() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Every request forwarded so far, as {@code METHOD absolute-url}. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI target = exchange.getRequestURI();
            if (!target.isAbsolute()) {
                // an origin-form request was meant for a server, not for a proxy
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            requests.add(method + " " + target);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            method.equals("PUT")
                                    ? HttpRequest.BodyPublishers.ofByteArray(body)
                                    : HttpRequest.BodyPublishers.noBody());
            for (String header : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // what a real proxy answers when the server behind it is down
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers()
                    .firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            byte[] answer = response.body();
            boolean empty = method.equals("HEAD") || answer.length == 0;
            if (method.equals("HEAD")) {
                response.headers()
                        .firstValue("Content-Length")
                        .ifPresent(length -> exchange.getResponseHeaders().set("Content-Length", length));
            }
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
