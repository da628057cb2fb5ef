package io.github.assetgen.core.provider.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through until it has given {@code max} bytes, then fails: a download's size cap. */
final class CappedStream extends FilterInputStream {

    /** The stream went past its cap; what was read so far is to be thrown away. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("more than " + max + " bytes");
        }
    }

    private final long max;
    private long count;

    CappedStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws TooLarge {
        count += n;
        if (count > max) {
            throw new TooLarge(max);
        }
    }
}
