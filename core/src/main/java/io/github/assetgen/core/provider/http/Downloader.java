package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ResultLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
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

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int SNIFF_LENGTH = 12;

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
        Request request = new Request.Builder().url(httpUrl).get()
                .tag(HttpClientFactory.WithoutCredentials.class, HttpClientFactory.WithoutCredentials.INSTANCE)
                .build();
        try (Response response = caller.client().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                String message = ProviderMessages.fromBody(response.peekBody(4096).string());
                throw caller.toException(action, caller.failureFor(response.code(), message,
                        HttpCaller.parseRetryAfter(response.header("Retry-After"))), null);
            }
            long expected = response.body().contentLength();
            return store(response.body().byteStream(), expected, target, action);
        } catch (IOException e) {
            throw caller.toException(action,
                    new Outcome.Failure(Kind.RETRYABLE, 0, "the download broke off (" + HttpCaller.describe(e) + ")",
                            null, null), e);
        }
    }

    private DownloadedFile fromBase64(String base64, Path target) throws ProviderException {
        String action = "decoding inline base64 into " + target;
        // MiniMax may send a data URL; only the part after the comma is base64.
        int comma = base64.startsWith("data:") ? base64.indexOf(',') : -1;
        String payload = comma >= 0 ? base64.substring(comma + 1) : base64;
        InputStream decoded = Base64.getMimeDecoder()
                .wrap(new ByteArrayInputStream(payload.getBytes(StandardCharsets.US_ASCII)));
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
        boolean moved = false;
        try {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[BUFFER_SIZE];
            byte[] head = new byte[SNIFF_LENGTH];
            int headLength = 0;
            long size = 0;
            try (OutputStream out = Files.newOutputStream(temp)) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (headLength < SNIFF_LENGTH) {
                        int take = Math.min(SNIFF_LENGTH - headLength, read);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    sha256.update(buffer, 0, read);
                    size += read;
                    write(out, buffer, read);
                }
            } catch (WriteFailure e) {
                throw rejected(action, "cannot write " + temp + " (" + HttpCaller.describe(e.io) + ")", e.io);
            }
            if (expectedLength >= 0 && size != expectedLength) {
                throw caller.toException(action, new Outcome.Failure(Kind.RETRYABLE, 0,
                        "the body ended after " + size + " of " + expectedLength + " bytes", null, null), null);
            }
            moveIntoPlace(temp, target, action);
            moved = true;
            return new DownloadedFile(target, MediaFormat.sniff(head, headLength), size,
                    HexFormat.of().formatHex(sha256.digest()));
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private Path createTemp(Path target, String action) throws ProviderException {
        try {
            Path folder = target.getParent();
            Files.createDirectories(folder);
            // Same folder as the target so the final move is a rename on one file system.
            return Files.createTempFile(folder, "." + target.getFileName(), ".part");
        } catch (IOException e) {
            throw rejected(action, "cannot write into " + target.getParent() + " (" + HttpCaller.describe(e) + ")", e);
        }
    }

    private static void write(OutputStream out, byte[] buffer, int length) throws WriteFailure {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new WriteFailure(e);
        }
    }

    private void moveIntoPlace(Path temp, Path target, String action) throws ProviderException {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw rejected(action, "cannot move the download to " + target + " (" + HttpCaller.describe(e) + ")", e);
        }
    }

    private ProviderException rejected(String action, String message, Throwable cause) {
        return caller.toException(action, new Outcome.Failure(Kind.REJECTED, 0, message, null, null), cause);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Tells a local write failure apart from a network read failure inside the copy loop. */
    private static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient IOException io;

        WriteFailure(IOException io) {
            super(io);
            this.io = io;
        }
    }
}
