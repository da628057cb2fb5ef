package io.github.assetgen.core.store.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.DestinationWriteException;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.provider.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A {@link SharedCache} on any HTTP server that answers GET and HEAD and accepts PUT, and assumes
 * nothing else (no listing, no DELETE, no MOVE): nginx or Apache httpd WebDAV, an Artifactory generic
 * or Nexus raw repository. Only a WebDAV server that refuses a PUT into a missing directory with 409
 * (Apache httpd's mod_dav) is sent MKCOL for the directories, then the PUT again. Thread-safe: any
 * number of threads may read and write at once.
 *
 * <p>Layout under the base URL:
 * <pre>
 * blobs/&lt;first 2 hex of sha256&gt;/&lt;sha256&gt;        the bytes of one file, stored once per content
 * keys/&lt;first 2 hex of key&gt;/&lt;key&gt;.json         the manifest of one cache key (format version 1)
 * </pre>
 * A manifest lists the entry's files in output order ({@code name}, {@code sha256}, {@code size},
 * {@code format}) and minimal metadata ({@code formatVersion}, {@code key}, {@code provider},
 * {@code model}, {@code type}, {@code credits}, {@code jobIds}, {@code createdAt}). Blobs are
 * uploaded first and the manifest last, so an interrupted upload is never a hit; two entries with
 * an identical file share its blob. The two-hex-digit directories keep any one directory small.
 *
 * <p>Nothing read is trusted: a manifest must be of the known format and name the key asked for,
 * and a blob is streamed to a temporary file, read no further than its manifest's size plus one
 * byte, and moved into place only if its size and SHA-256 match.
 */
public final class HttpSharedCache implements SharedCache {

    /** A manifest larger than this is not one: a hostile server cannot make the build buffer more. */
    static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private static final MediaType OCTETS = MediaType.get("application/octet-stream");
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final OkHttpClient client;
    /**
     * Writes follow no redirect: OkHttp turns a redirected PUT into a GET, so a write sent to a login
     * page would end in that page's 200 and count as stored when nothing was.
     */
    private final OkHttpClient writeClient;

    private final Redactor redactor;

    /** A cache with its own OkHttp client. */
    public HttpSharedCache(SharedCacheConfig config) {
        this(config, new OkHttpClient());
    }

    /** A cache whose client shares {@code shared}'s connection pool and threads. */
    public HttpSharedCache(SharedCacheConfig config, OkHttpClient shared) {
        this.base = HttpUrl.get(config.baseUrl());
        this.client = SharedCacheClient.build(shared, config);
        this.writeClient = client.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.redactor = new Redactor(
                config.credentials() == null ? null : config.credentials().password(),
                config.proxy() == null ? null : config.proxy().password());
    }

    /** Where the file with this SHA-256 lives, relative to the base URL. */
    static String blobPath(String sha256) {
        return "blobs/" + sha256.substring(0, 2) + "/" + sha256;
    }

    /** Where the manifest of this key lives, relative to the base URL. */
    static String manifestPath(String key) {
        return "keys/" + key.substring(0, 2) + "/" + key + ".json";
    }

    @Override
    public String location() {
        return SharedCacheConfig.redacted(base);
    }

    @Override
    public Optional<Manifest> find(String key) throws SharedCacheException {
        HttpUrl url = base.resolve(manifestPath(Hashing.requireKey(key)));
        byte[] bytes;
        try (Response response = execute(new Request.Builder().url(url).get().build())) {
            if (isAbsent(response)) {
                return Optional.empty();
            }
            requireSuccess(response, url);
            bytes = readManifest(response.body(), url);
        } catch (IOException e) {
            throw transport("GET", url, e);
        }
        try {
            return Optional.of(ManifestJson.parse(bytes, key));
        } catch (IOException e) {
            throw new SharedCacheException(
                    SharedCacheException.Reason.BAD_MANIFEST,
                    200,
                    redactor.apply("shared cache manifest " + location(url) + " is unreadable: " + e.getMessage()),
                    null);
        }
    }

    @Override
    public boolean has(String key) throws SharedCacheException {
        return exists(base.resolve(manifestPath(Hashing.requireKey(key))));
    }

    @Override
    public void fetch(String key, Manifest.FileRef file, Path target) throws SharedCacheException {
        Hashing.requireKey(key);
        HttpUrl url = base.resolve(blobPath(file.sha256()));
        Path absolute = target.toAbsolutePath();
        Path temp = createTemp(absolute);
        try {
            try (Response response =
                    execute(new Request.Builder().url(url).get().build())) {
                requireSuccess(response, url);
                long announced = response.body().contentLength();
                if (announced > file.size()) {
                    throw mismatch(key, file, url, "the server announces " + announced + " bytes");
                }
                // one byte more than promised is enough to know the body is too long
                AtomicFiles.Copied received =
                        AtomicFiles.copyAndHash(response.body().byteStream(), temp, file.size() + 1);
                if (received.size() != file.size()) {
                    throw mismatch(
                            key,
                            file,
                            url,
                            received.size() > file.size()
                                    ? "the server sent more than " + file.size() + " bytes"
                                    : "the server sent " + received.size() + " bytes");
                }
                if (!received.sha256().equals(file.sha256())) {
                    throw mismatch(key, file, url, "the bytes received have SHA-256 " + received.sha256());
                }
            } catch (DestinationWriteException e) {
                throw local("writing " + absolute + " failed: " + e.getCause(), e.getCause());
            } catch (IOException e) {
                throw transport("GET", url, e);
            }
            try {
                AtomicFiles.moveIntoPlace(temp, absolute);
            } catch (IOException e) {
                throw local("cannot place " + absolute + ": " + e, e);
            }
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public void save(String key, Manifest manifest, Map<String, Path> files) throws SharedCacheException {
        Hashing.requireKey(key);
        if (!manifest.key().equals(key)) {
            throw new IllegalArgumentException("the manifest describes key " + manifest.key() + ", not " + key);
        }
        byte[] manifestBytes;
        try {
            manifestBytes = ManifestJson.toBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serialises", e);
        }
        Set<String> seen = new HashSet<>();
        for (Manifest.FileRef file : manifest.files()) {
            if (!seen.add(file.sha256())) {
                continue;
            }
            HttpUrl url = base.resolve(blobPath(file.sha256()));
            if (exists(url)) {
                continue;
            }
            Path local = files.get(file.sha256());
            if (local == null) {
                throw local(
                        "cannot save entry " + key + ": " + location(url) + " lacks file " + file.name()
                                + " and no local copy was given",
                        null);
            }
            requireLocalMatches(key, file, local);
            put(url, RequestBody.create(local.toFile(), OCTETS));
        }
        // Last: until this PUT completes, readers see no entry at all.
        put(base.resolve(manifestPath(key)), RequestBody.create(manifestBytes, JSON));
    }

    private boolean exists(HttpUrl url) throws SharedCacheException {
        try (Response response = execute(new Request.Builder().url(url).head().build())) {
            if (isAbsent(response)) {
                return false;
            }
            requireSuccess(response, url);
            return true;
        }
    }

    private void put(HttpUrl url, RequestBody body) throws SharedCacheException {
        try (Response response =
                execute(new Request.Builder().url(url).put(body).build())) {
            if (response.code() != 409) {
                requireSuccess(response, url);
                return;
            }
        }
        // RFC 4918 9.7.1: WebDAV without nginx's create_full_put_path (Apache httpd's mod_dav) answers
        // 409 to a PUT whose parent collection is missing. Only then, make the parents and try once more.
        makeParents(url);
        try (Response response =
                execute(new Request.Builder().url(url).put(body).build())) {
            requireSuccess(response, url);
        }
    }

    /** MKCOL for each directory between the base URL and {@code url}; one that exists answers 405, fine. */
    private void makeParents(HttpUrl url) throws SharedCacheException {
        List<String> segments = url.pathSegments();
        StringBuilder relative = new StringBuilder();
        for (int i = base.pathSegments().size() - 1; i < segments.size() - 1; i++) {
            relative.append(segments.get(i)).append('/');
            HttpUrl collection = base.resolve(relative.toString());
            execute(new Request.Builder().url(collection).method("MKCOL", null).build())
                    .close();
        }
    }

    private Response execute(Request request) throws SharedCacheException {
        try {
            boolean read = request.method().equals("GET") || request.method().equals("HEAD");
            return (read ? client : writeClient).newCall(request).execute();
        } catch (IOException e) {
            throw transport(request.method(), request.url(), e);
        }
    }

    private static boolean isAbsent(Response response) {
        return response.code() == 404 || response.code() == 410;
    }

    private void requireSuccess(Response response, HttpUrl url) throws SharedCacheException {
        int code = response.code();
        if (response.isSuccessful()) {
            return;
        }
        String answer = code + (response.message().isEmpty() ? "" : " " + response.message());
        String method = response.request().method();
        SharedCacheException.Reason reason;
        String hint = "";
        if (code == 401 || code == 403 || code == 407) {
            reason = SharedCacheException.Reason.UNAUTHORIZED;
            hint = code == 407 ? ": check the proxy credentials" : ": check the shared cache credentials";
        } else if (code == 409 && method.equals("PUT")) {
            reason = SharedCacheException.Reason.UNEXPECTED_STATUS;
            hint = ": the server cannot create the directory; allow MKCOL";
        } else if (code >= 300 && code < 400 && !method.equals("GET") && !method.equals("HEAD")) {
            reason = SharedCacheException.Reason.UNEXPECTED_STATUS;
            String to = response.header("Location");
            hint = ": the server sent the write elsewhere"
                    + (to == null ? "" : " (" + (to.length() > 200 ? to.substring(0, 200) : to) + ")")
                    + ", so nothing was stored; point the shared cache at the WebDAV location itself";
        } else if (code >= 500) {
            reason = SharedCacheException.Reason.SERVER_ERROR;
            // nginx without create_full_put_path answers a PUT into a missing directory with a bare 500
            hint = method.equals("PUT") ? " (for nginx, check create_full_put_path on)" : "";
        } else {
            reason = SharedCacheException.Reason.UNEXPECTED_STATUS;
        }
        throw new SharedCacheException(
                reason,
                code,
                redactor.apply("shared cache: " + method + " " + location(url) + " answered " + answer + hint),
                null);
    }

    private SharedCacheException transport(String method, HttpUrl url, IOException e) {
        SharedCacheException.Reason reason = e instanceof InterruptedIOException
                ? SharedCacheException.Reason.TIMEOUT
                : SharedCacheException.Reason.UNREACHABLE;
        String what = (reason == SharedCacheException.Reason.TIMEOUT ? "timed out, " : "")
                + (e.getMessage() == null ? "" : e.getMessage() + " ") + "("
                + e.getClass().getSimpleName() + ")";
        // OkHttp's exceptions never carry request headers, so the cause holds no credentials
        return new SharedCacheException(
                reason, 0, redactor.apply("shared cache: " + method + " " + location(url) + " failed: " + what), e);
    }

    private SharedCacheVerificationException mismatch(String key, Manifest.FileRef file, HttpUrl url, String what) {
        return new SharedCacheVerificationException(
                key,
                file.name(),
                redactor.apply("shared cache entry " + key
                        + ": file " + file.name() + " from " + location(url) + " is not the file its manifest names ("
                        + file.size() + " bytes, SHA-256 " + file.sha256() + "): " + what + "; it was not placed"));
    }

    private SharedCacheException local(String message, Throwable cause) {
        return new SharedCacheException(SharedCacheException.Reason.LOCAL_FILE, 0, redactor.apply(message), cause);
    }

    private static String location(HttpUrl url) {
        return SharedCacheConfig.redacted(url);
    }

    private static byte[] readManifest(ResponseBody body, HttpUrl url) throws IOException, SharedCacheException {
        if (body.contentLength() > MAX_MANIFEST_BYTES) {
            throw tooLarge(url);
        }
        okio.BufferedSource source = body.source();
        if (source.request(MAX_MANIFEST_BYTES + 1L)) {
            throw tooLarge(url);
        }
        return source.getBuffer().readByteArray();
    }

    private static SharedCacheException tooLarge(HttpUrl url) {
        return new SharedCacheException(
                SharedCacheException.Reason.BAD_MANIFEST,
                200,
                "shared cache manifest " + location(url) + " is larger than " + MAX_MANIFEST_BYTES
                        + " bytes; it is no manifest",
                null);
    }

    private void requireLocalMatches(String key, Manifest.FileRef file, Path local) throws SharedCacheException {
        try {
            long size = Files.size(local);
            String sha256 = Hashing.sha256(local);
            if (size != file.size() || !sha256.equals(file.sha256())) {
                throw local(
                        "cannot save entry " + key + ": local file " + local + " is not " + file.name()
                                + " of the manifest (" + size + " bytes, SHA-256 " + sha256 + ")",
                        null);
            }
        } catch (IOException e) {
            throw local("cannot save entry " + key + ": cannot read " + local + ": " + e, e);
        }
    }

    private Path createTemp(Path target) throws SharedCacheException {
        try {
            return AtomicFiles.createTempBeside(target);
        } catch (IOException e) {
            throw local("cannot write beside " + target + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a leftover .tmp- file is removed by the next build's cleanStaleTemps
        }
    }

    /** Removes the configured passwords from a message: a hostile server may echo them back. */
    private record Redactor(Secret password, Secret proxyPassword) {

        String apply(String message) {
            String result = message;
            if (password != null) {
                result = password.redact(result);
            }
            if (proxyPassword != null) {
                result = proxyPassword.redact(result);
            }
            return result;
        }
    }
}
