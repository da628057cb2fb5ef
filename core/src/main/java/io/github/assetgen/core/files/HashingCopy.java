package io.github.assetgen.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * The one copy loop: streams into a file in fixed steps, hashing, counting and keeping the first
 * bytes for the format on the way, so a file of any size is read once and never held in memory.
 */
final class HashingCopy {

    private HashingCopy() {}

    /**
     * Copies {@code in} over {@code destination} (created or truncated) and fsyncs it.
     *
     * @param limit how many bytes to copy at most; the rest of {@code in} is left unread
     * @throws DestinationWriteException if the destination cannot be opened, written or synced
     * @throws IOException as thrown by {@code in}
     */
    static AtomicFiles.Copied copy(InputStream in, Path destination, long limit) throws IOException {
        MessageDigest digest = Hashing.sha256();
        byte[] buffer = new byte[Hashing.BUFFER_SIZE];
        byte[] head = new byte[MediaFormat.SNIFF_LENGTH];
        int headLength = 0;
        long size = 0;
        try (FileChannel out = open(destination)) {
            while (size < limit) {
                // whole buffers, not what each read happens to return: a socket answers in 8 KiB
                // pieces, and a write and a hash update per piece doubled the time of a 1 GiB download
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, limit - size));
                if (n == 0) {
                    break;
                }
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
                write(out, buffer, n, destination);
                size += n;
            }
            try {
                out.force(true);
            } catch (IOException e) {
                throw new DestinationWriteException(destination, e);
            }
        }
        return new AtomicFiles.Copied(size, Hashing.hex(digest), MediaFormat.sniff(head, headLength));
    }

    private static FileChannel open(Path destination) throws DestinationWriteException {
        try {
            return FileChannel.open(
                    destination,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new DestinationWriteException(destination, e);
        }
    }

    private static void write(FileChannel out, byte[] buffer, int length, Path destination)
            throws DestinationWriteException {
        try {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, length);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
        } catch (IOException e) {
            throw new DestinationWriteException(destination, e);
        }
    }
}
