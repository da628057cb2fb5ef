package io.github.assetgen.core.provider.http;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads answer bodies with a size cap, so a provider cannot fill the heap: the cap applies to the
 * decoded stream (OkHttp gunzips transparently), and an announced length over the cap is refused
 * before a byte is read. Stateless.
 */
final class Answers {

    /** How much of an error page is read to quote it. */
    static final long ERROR_PREFIX_BYTES = 16 * 1024;

    private Answers() {}

    /** The whole body as UTF-8, or null when it is (or announces to be) longer than {@code cap} bytes. */
    static String readCapped(ResponseBody body, long cap) throws IOException {
        if (body.contentLength() > cap) {
            return null;
        }
        BufferedSource source = body.source();
        if (source.request(cap + 1)) {
            return null;
        }
        return source.getBuffer().readUtf8();
    }

    /** At most the first {@code limit} bytes of the body as UTF-8; the rest is left unread. */
    static String readPrefix(ResponseBody body, long limit) throws IOException {
        BufferedSource source = body.source();
        source.request(limit);
        long available = Math.min(limit, source.getBuffer().size());
        return source.getBuffer().readUtf8(available);
    }
}
