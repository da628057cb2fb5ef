package io.github.assetgen.core.store.shared;

import io.github.assetgen.core.files.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Streams a blob into a temporary file with a fixed buffer, hashing and counting on the way, and
 * stops at a byte limit so a hostile server cannot fill the disk. Stateless and thread-safe.
 */
final class BlobReceiver {

    private BlobReceiver() {}

    /** The size and SHA-256 of the bytes written to the temporary file. */
    record Received(long size, String sha256) {}

    /** Streams at most {@code limit} bytes into {@code temp}, hashing on the way, and fsyncs it. */
    static Received receive(InputStream body, Path temp, long limit) throws IOException {
        MessageDigest digest = Hashing.sha256();
        byte[] buffer = new byte[Hashing.BUFFER_SIZE];
        long size = 0;
        try (InputStream in = body;
                FileChannel out = openForWrite(temp)) {
            while (size < limit) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - size));
                if (n < 0) {
                    break;
                }
                digest.update(buffer, 0, n);
                write(out, buffer, n);
                size += n;
            }
            force(out);
        }
        return new Received(size, Hashing.hex(digest));
    }

    private static FileChannel openForWrite(Path temp) throws LocalWriteException {
        try {
            return FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new LocalWriteException(e);
        }
    }

    private static void write(FileChannel out, byte[] buffer, int n) throws LocalWriteException {
        try {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
        } catch (IOException e) {
            throw new LocalWriteException(e);
        }
    }

    private static void force(FileChannel out) throws LocalWriteException {
        try {
            out.force(true);
        } catch (IOException e) {
            throw new LocalWriteException(e);
        }
    }

    /** A failure of the local disk while receiving, told apart from the network's. */
    static final class LocalWriteException extends IOException {

        private static final long serialVersionUID = 1L;

        LocalWriteException(IOException cause) {
            super(cause.toString(), cause);
        }
    }
}
