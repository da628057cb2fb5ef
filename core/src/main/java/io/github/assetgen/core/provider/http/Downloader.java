package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.DestinationWriteException;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Streams a result into its target file with a fixed buffer, whatever its size: into a temporary
 * file beside the target, hashing and counting while it goes, then moved into place atomically. A
 * short or broken body leaves no file behind. HTTP downloads are retried like any read; the token
 * goes only to the provider's own host. Thread-safe.
 */
public final class Downloader {

    private final HttpCaller caller;

    /** A downloader using the provider's client, retry limits and token rules. */
    public Downloader(HttpCaller caller) {
        this.caller = caller;
    }

    /**
     * Writes {@code result} to {@code target}, replacing an existing file only once the new one is
     * complete.
     *
     * @throws ProviderException RETRYABLE for a network fault or a truncated body (after the
     *     configured retries), REJECTED for a refused URL, an unreadable local file, bad base64 or a
     *     target that cannot be written
     */
    public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
        Path absolute = target.toAbsolutePath();
        if (result.url() != null) {
            return caller.retryPolicy().run(() -> fromUrl(result.url(), absolute));
        }
        if (result.base64() != null) {
            return fromBase64(result.base64(), absolute);
        }
        String action = "copying " + result.localFile() + " to " + absolute;
        try (InputStream in = Files.newInputStream(result.localFile())) {
            return store(in, -1, absolute, action);
        } catch (IOException e) {
            throw rejected(action, "cannot read " + result.localFile() + " (" + HttpCaller.describe(e) + ")", e);
        }
    }

    private DownloadedFile fromUrl(String url, Path target) throws ProviderException {
        HttpUrl httpUrl = HttpUrl.parse(url);
        if (httpUrl == null) {
            throw rejected("downloading " + target.getFileName(), "not an http(s) URL: " + url, null);
        }
        // The query of a CDN URL is often a signature; keep it out of messages.
        String action = "downloading " + target.getFileName() + " from " + httpUrl.host() + httpUrl.encodedPath();
        Request request = new Request.Builder()
                .url(httpUrl)
                .get()
                .tag(HttpClientFactory.WithoutCredentials.class, HttpClientFactory.WithoutCredentials.INSTANCE)
                .build();
        try (Response response = caller.client().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                String message =
                        ProviderMessages.fromBody(response.peekBody(4096).string());
                throw caller.toException(
                        action,
                        caller.failureFor(
                                response.code(), message, HttpCaller.parseRetryAfter(response.header("Retry-After"))),
                        null);
            }
            long expected = response.body().contentLength();
            return store(response.body().byteStream(), expected, target, action);
        } catch (IOException e) {
            throw caller.toException(
                    action,
                    new Outcome.Failure(
                            Kind.RETRYABLE, 0, "the download broke off (" + HttpCaller.describe(e) + ")", null, null),
                    e);
        }
    }

    private DownloadedFile fromBase64(String base64, Path target) throws ProviderException {
        String action = "decoding inline base64 into " + target;
        // MiniMax may send a data URL; only the part after the comma is base64.
        int comma = base64.startsWith("data:") ? base64.indexOf(',') : -1;
        String payload = comma >= 0 ? base64.substring(comma + 1) : base64;
        InputStream decoded =
                Base64.getMimeDecoder().wrap(new ByteArrayInputStream(payload.getBytes(StandardCharsets.US_ASCII)));
        try {
            return store(decoded, -1, target, action);
        } catch (IOException e) {
            throw rejected(action, "the base64 result is invalid (" + HttpCaller.describe(e) + ")", e);
        }
    }

    /**
     * Copies {@code in} to a temporary file beside {@code target} and moves it into place. Read
     * failures propagate as IOException (the caller decides their kind); write failures are
     * REJECTED because retrying will not make the disk writable.
     */
    private DownloadedFile store(InputStream in, long expectedLength, Path target, String action)
            throws IOException, ProviderException {
        Path temp = createTemp(target, action);
        try {
            AtomicFiles.Copied copied;
            try {
                copied = AtomicFiles.copyAndHash(in, temp);
            } catch (DestinationWriteException e) {
                throw rejected(
                        action, "cannot write " + temp + " (" + HttpCaller.describe(e.getCause()) + ")", e.getCause());
            }
            if (expectedLength >= 0 && copied.size() != expectedLength) {
                throw caller.toException(
                        action,
                        new Outcome.Failure(
                                Kind.RETRYABLE,
                                0,
                                "the body ended after " + copied.size() + " of " + expectedLength + " bytes",
                                null,
                                null),
                        null);
            }
            moveIntoPlace(temp, target, action);
            return new DownloadedFile(target, copied.format(), copied.size(), copied.sha256());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path createTemp(Path target, String action) throws ProviderException {
        try {
            // Same folder as the target so the final move is a rename on one file system.
            return AtomicFiles.createTempBeside(target);
        } catch (IOException e) {
            throw rejected(action, "cannot write into " + target.getParent() + " (" + HttpCaller.describe(e) + ")", e);
        }
    }

    private void moveIntoPlace(Path temp, Path target, String action) throws ProviderException {
        try {
            AtomicFiles.moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw rejected(action, "cannot move the download to " + target + " (" + HttpCaller.describe(e) + ")", e);
        }
    }

    private ProviderException rejected(String action, String message, Throwable cause) {
        return caller.toException(action, new Outcome.Failure(Kind.REJECTED, 0, message, null, null), cause);
    }
}
