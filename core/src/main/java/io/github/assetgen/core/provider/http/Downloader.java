package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.DestinationWriteException;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.request.AssetType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Streams a result into its target file with a fixed buffer, whatever its size: into a temporary
 * file beside the target, hashing and counting while it goes, then moved into place atomically. A
 * short or broken body leaves no file behind, and so does one over the size cap, one that is not the
 * expected media, or one from a refused address (see {@link UrlGuard}); redirects are followed here,
 * each hop checked. HTTP downloads are retried like any read; the token goes only to the provider's
 * own host. Thread-safe.
 */
public final class Downloader {

    /** How many redirects a download follows, each one checked like the first URL. */
    static final int MAX_REDIRECTS = 5;

    private final HttpCaller caller;

    /** A downloader using the provider's client, retry limits and token rules. */
    public Downloader(HttpCaller caller) {
        this.caller = caller;
    }

    /**
     * Writes {@code result} to {@code target}, replacing an existing file only once the new one is
     * complete; no check of what arrived but the largest cap.
     *
     * @throws ProviderException see {@link #download(ResultLocation, Path, AssetType)}
     */
    public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
        return download(result, target, null);
    }

    /**
     * Writes {@code result} to {@code target}, replacing an existing file only once the new one is
     * complete, and only if it is media of {@code expected} type within the limits.
     *
     * @param expected the asset's type, or null to skip the media check
     * @throws ProviderException RETRYABLE for a network fault or a truncated body (after the
     *     configured retries), REJECTED for a refused URL or redirect, a body over the size cap, bytes
     *     that are not the expected media (or an image whose header claims too many pixels), an
     *     unreadable local file, bad base64 or a target that cannot be written
     */
    public DownloadedFile download(ResultLocation result, Path target, AssetType expected) throws ProviderException {
        Path absolute = target.toAbsolutePath();
        Expected what =
                new Expected(expected, caller.settings().downloadLimits().maxBytes(expected));
        if (result.url() != null) {
            return caller.retryPolicy().run(() -> fromUrl(result.url(), absolute, what));
        }
        if (result.base64() != null) {
            return fromBase64(result.base64(), absolute, what);
        }
        String action = "copying " + result.localFile() + " to " + absolute;
        try (InputStream in = Files.newInputStream(result.localFile())) {
            return store(in, -1, null, absolute, action, what);
        } catch (IOException e) {
            throw rejected(action, "cannot read " + result.localFile() + " (" + HttpCaller.describe(e) + ")", e);
        }
    }

    /** What a result must be: media of {@code type} (any when null), at most {@code maxBytes}. */
    private record Expected(AssetType type, long maxBytes) {}

    /** The URL as it may be logged: a signed URL's query (its signature) left out. */
    public static String withoutQuery(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            return "<not an http(s) URL>";
        }
        return parsed.scheme() + "://" + parsed.host()
                + (parsed.port() == HttpUrl.defaultPort(parsed.scheme()) ? "" : ":" + parsed.port())
                + parsed.encodedPath() + (parsed.query() == null ? "" : "?…");
    }

    private DownloadedFile fromUrl(String url, Path target, Expected what) throws ProviderException {
        HttpUrl httpUrl = HttpUrl.parse(url);
        if (httpUrl == null) {
            throw rejected("downloading " + target.getFileName(), "not an http(s) URL: " + withoutQuery(url), null);
        }
        HttpUrl base = HttpUrl.get(caller.settings().baseUrl());
        // The query of a CDN URL is often a signature; keep it out of messages.
        String action = "downloading " + target.getFileName() + " from " + httpUrl.host() + httpUrl.encodedPath();
        for (int hop = 0; ; hop++) {
            String refusal = UrlGuard.refusal(httpUrl, base);
            if (refusal != null) {
                throw rejected(action, refusal, null);
            }
            Request request = new Request.Builder()
                    .url(httpUrl)
                    .get()
                    .tag(HttpClientFactory.WithoutCredentials.class, HttpClientFactory.WithoutCredentials.INSTANCE)
                    .build();
            Call call = caller.downloadClient().newCall(request);
            caller.bound(call, action, caller.downloadCallTimeout());
            try (Response response = call.execute()) {
                if (response.isRedirect()) {
                    // followed here, not by OkHttp, so that every hop is checked before it is asked
                    HttpUrl next = response.header("Location") == null
                            ? null
                            : response.request().url().resolve(response.header("Location"));
                    if (next == null || hop >= MAX_REDIRECTS) {
                        throw rejected(
                                action,
                                next == null
                                        ? "a redirect without a usable Location"
                                        : "more than " + MAX_REDIRECTS + " redirects",
                                null);
                    }
                    httpUrl = next;
                    continue;
                }
                if (!response.isSuccessful()) {
                    String message = ProviderMessages.fromBody(Answers.readPrefix(response.body(), 4096));
                    Outcome.Failure failure = caller.failureFor(
                            response.code(), message, RetryAfter.parse(response.header("Retry-After")));
                    if (failure.kind() == Kind.PROVIDER_STOP) {
                        // a download carries no token, so a file host's 401, 402, 412 or 596 says nothing of
                        // the key or the account's credits, whatever the status table advises for an API call
                        failure = new Outcome.Failure(
                                Kind.REJECTED,
                                response.code(),
                                message,
                                null,
                                "the file host refused the link (downloads carry no token; a signed link may have"
                                        + " expired)");
                    }
                    throw caller.toException(action, failure, null);
                }
                long announced = response.body().contentLength();
                if (announced > what.maxBytes()) {
                    throw rejected(
                            action,
                            "the server announced " + announced + " bytes, more than the " + what.maxBytes()
                                    + " allowed",
                            null);
                }
                return store(
                        response.body().byteStream(), announced, response.header("Content-Type"), target, action, what);
            } catch (UrlGuard.RefusedTarget e) {
                throw rejected(action, e.getMessage(), e);
            } catch (IOException e) {
                throw caller.toException(
                        action,
                        new Outcome.Failure(
                                Kind.RETRYABLE,
                                0,
                                "the download broke off (" + HttpCaller.describe(e) + ")",
                                null,
                                null),
                        e);
            }
        }
    }

    private DownloadedFile fromBase64(String base64, Path target, Expected what) throws ProviderException {
        String action = "decoding inline base64 into " + target;
        // MiniMax may send a data URL; only the part after the comma is base64.
        int comma = base64.startsWith("data:") ? base64.indexOf(',') : -1;
        String payload = comma >= 0 ? base64.substring(comma + 1) : base64;
        InputStream decoded =
                Base64.getMimeDecoder().wrap(new ByteArrayInputStream(payload.getBytes(StandardCharsets.US_ASCII)));
        try {
            return store(decoded, -1, null, target, action, what);
        } catch (IOException e) {
            throw rejected(action, "the base64 result is invalid (" + HttpCaller.describe(e) + ")", e);
        }
    }

    /**
     * Copies {@code in} to a temporary file beside {@code target}, checks it and moves it into place.
     * Read failures propagate as IOException (the caller decides their kind); write failures, a body
     * over the cap and bytes that are not the expected media are REJECTED because retrying will not
     * change them.
     */
    private DownloadedFile store(
            InputStream in, long expectedLength, String contentType, Path target, String action, Expected what)
            throws IOException, ProviderException {
        Path temp = createTemp(target, action);
        try {
            AtomicFiles.Copied copied;
            CappedStream capped = new CappedStream(in, what.maxBytes());
            try {
                copied = AtomicFiles.copyAndHash(capped, temp);
            } catch (DestinationWriteException e) {
                throw rejected(
                        action, "cannot write " + temp + " (" + HttpCaller.describe(e.getCause()) + ")", e.getCause());
            } catch (CappedStream.TooLarge e) {
                throw rejected(action, "the result is larger than the " + what.maxBytes() + " bytes allowed", e);
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
            String notMedia = MediaCheck.problem(temp, copied, what.type(), contentType);
            if (notMedia != null) {
                throw rejected(action, caller.redact(notMedia), null);
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
