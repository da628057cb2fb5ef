package io.github.assetgen.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx serving a shared cache on a free loopback port: GET and HEAD for everyone, WebDAV PUT
 * (with {@code create_full_put_path}) only with HTTP Basic credentials from an htpasswd file this
 * class writes. Everything nginx touches (configuration, pid, logs, temporary bodies, the document
 * root) lives in the directory given to {@link #start}; {@link #close()} stops it.
 *
 * <p>Debian's nginx 1.22 reads {@code user:{PLAIN}password} lines in an htpasswd file, so no
 * {@code htpasswd} or {@code openssl} tool is needed.
 */
public final class NginxServer implements AutoCloseable {

    /** Where Debian's nginx package puts the binary. */
    public static final Path NGINX = Path.of("/usr/sbin/nginx");

    /** The path under the server's root where the cache lives; a sub-path proves base URLs need not be roots. */
    public static final String CACHE_PATH = "/cache/";

    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 3;

    private final Path dir;
    private final int port;
    private final Process process;

    private NginxServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Skips the calling test if nginx is not installed, unless the environment says {@code CI=true}:
     * there a missing nginx fails, so CI can never pass without having run the shared cache tests.
     */
    public static void requireNginx() {
        String why = NGINX + " is missing; install Debian's nginx (apt-get install nginx), as .ci/run does";
        if (Files.isExecutable(NGINX)) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        assumeTrue(false, why);
    }

    /**
     * Starts nginx with a fresh configuration in {@code dir}.
     *
     * @param dir an empty directory for the configuration, logs and the served files
     * @param writers user name to password of everyone allowed to PUT
     */
    public static NginxServer start(Path dir, Map<String, String> writers) {
        requireNginx();
        try {
            Files.createDirectories(dir.resolve("root" + CACHE_PATH));
            Files.createDirectories(dir.resolve("temp"));
            StringBuilder htpasswd = new StringBuilder();
            writers.forEach((user, password) ->
                    htpasswd.append(user).append(":{PLAIN}").append(password).append('\n'));
            Files.writeString(dir.resolve("htpasswd"), htpasswd, StandardCharsets.UTF_8);
            IOException last = null;
            for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
                int port = freePort();
                Files.deleteIfExists(dir.resolve("nginx.pid"));
                Files.writeString(dir.resolve("nginx.conf"), configuration(dir, port), StandardCharsets.UTF_8);
                Process process = new ProcessBuilder(
                                NGINX.toString(),
                                "-p",
                                dir.toString(),
                                "-c",
                                dir.resolve("nginx.conf").toString(),
                                "-e",
                                dir.resolve("error.log").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("nginx.out").toFile())
                        .start();
                NginxServer server = new NginxServer(dir, port, process);
                try {
                    server.awaitListening();
                    return server;
                } catch (IOException e) {
                    // most likely the free port was taken meanwhile; try another
                    server.close();
                    last = e;
                }
            }
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cache's base URL, {@code http://127.0.0.1:<port>/cache/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + CACHE_PATH;
    }

    public int port() {
        return port;
    }

    /** The file nginx serves for a path relative to {@link #baseUrl()}, to inspect or tamper with. */
    public Path fileOnDisk(String relative) {
        return dir.resolve("root" + CACHE_PATH).resolve(relative);
    }

    /** Every request so far as {@code METHOD /path STATUS}, in order. */
    public List<String> requests() {
        return lines("access.log");
    }

    /**
     * Every request so far, once one containing {@code text} is logged: nginx logs a request after
     * its response has gone, so a client may see the answer before the line.
     */
    public List<String> awaitRequest(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> all = requests();
        while (all.stream().noneMatch(line -> line.contains(text)) && System.nanoTime() < deadline) {
            sleep(20);
            all = requests();
        }
        return all;
    }

    /** nginx's error log, for failure messages. */
    public String errorLog() {
        return String.join("\n", lines("error.log"));
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops nginx (SIGTERM, a fast shutdown) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String configuration(Path dir, int port) {
        // "user root" only matters (and is only allowed without a warning) when the test runs as root,
        // as it does on CI containers; nginx would otherwise switch to "nobody", who cannot write here.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 256; }
                http {
                  log_format assetgen '$request_method $uri $status';
                  access_log %1$s/access.log assetgen;
                  client_body_temp_path %1$s/temp/client_body;
                  proxy_temp_path %1$s/temp/proxy;
                  fastcgi_temp_path %1$s/temp/fastcgi;
                  uwsgi_temp_path %1$s/temp/uwsgi;
                  scgi_temp_path %1$s/temp/scgi;
                  client_max_body_size 0;
                  default_type application/octet-stream;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %1$s/root;
                    location %3$s {
                      dav_methods PUT;
                      create_full_put_path on;
                      dav_access user:rw;
                      limit_except GET HEAD {
                        auth_basic "assetgen shared cache";
                        auth_basic_user_file %1$s/htpasswd;
                      }
                    }
                  }
                }
                """.formatted(dir.toAbsolutePath(), port, CACHE_PATH);
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited with " + process.exitValue() + ":\n" + startupLog());
            }
            // nginx writes its pid file only after binding every port: a connection without it could
            // reach whoever took the port first
            if (!Files.exists(dir.resolve("nginx.pid"))) {
                sleep(50);
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("nginx did not listen on port " + port + " within " + STARTUP + ":\n" + startupLog());
    }

    private String startupLog() {
        return String.join("\n", lines("nginx.out")) + "\n" + errorLog();
    }

    private List<String> lines(String file) {
        Path path = dir.resolve(file);
        try {
            return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for nginx", e);
        }
    }
}
