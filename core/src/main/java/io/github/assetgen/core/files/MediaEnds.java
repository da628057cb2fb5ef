package io.github.assetgen.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Whether a media file is whole: a download whose server sent fewer bytes than the object has
 * (a result cut off at the source, sent with a matching Content-Length) starts like the real file,
 * so its first bytes prove nothing. Each format's own end is looked for, with room for the trailing
 * bytes some encoders leave after it: PNG's {@code IEND} chunk and JPEG's end-of-image marker in the
 * file's last {@value #TAIL} bytes (https://www.w3.org/TR/png/#11IEND, ITU T.81 B.2.1), a WebP's
 * RIFF size within the file (https://developers.google.com/speed/webp/docs/riff_container), and an
 * MP4's top-level boxes inside the file, one of them the {@code moov} box every player needs (ISO/IEC
 * 14496-12, 4.2). Stateless.
 */
public final class MediaEnds {

    /** A PNG's last chunk, whole: no data, its type, and the CRC that type always has. */
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    /** How far from the end a PNG's or JPEG's end is looked for. */
    static final int TAIL = 64 * 1024;

    private MediaEnds() {}

    /**
     * Why the file is not whole, or empty when its end is there.
     *
     * @param format the format its first bytes showed
     */
    public static Optional<String> cutOff(Path file, MediaFormat format) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            return switch (format) {
                case PNG ->
                    endIn(channel, size, IEND)
                            ? Optional.empty()
                            : Optional.of("it has no IEND chunk: the file is cut off (" + size + " bytes)");
                case JPEG ->
                    endIn(channel, size, new byte[] {(byte) 0xFF, (byte) 0xD9})
                            ? Optional.empty()
                            : Optional.of("it has no end-of-image marker: the file is cut off (" + size + " bytes)");
                case WEBP -> webp(channel, size);
                case MP4 -> mp4(channel, size);
                case UNKNOWN -> Optional.empty();
            };
        }
    }

    private static boolean endIn(FileChannel channel, long size, byte[] end) throws IOException {
        int length = (int) Math.min(size, TAIL);
        byte[] tail = read(channel, size - length, length);
        for (int i = tail.length - end.length; i >= 0; i--) {
            if (matches(tail, i, end)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> webp(FileChannel channel, long size) throws IOException {
        byte[] header = read(channel, 0, (int) Math.min(size, 8));
        if (header.length < 8) {
            return Optional.of("it ends inside its RIFF header (" + size + " bytes)");
        }
        long riff = ByteBuffer.wrap(header, 4, 4)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .getInt()
                & 0xFFFFFFFFL;
        return riff + 8 <= size
                ? Optional.empty()
                : Optional.of(
                        "its RIFF header claims " + (riff + 8) + " bytes but the file has " + size + ": it is cut off");
    }

    private static Optional<String> mp4(FileChannel channel, long size) throws IOException {
        boolean movie = false;
        long at = 0;
        while (at + 8 <= size) {
            byte[] header = read(channel, at, (int) Math.min(16, size - at));
            long box = ByteBuffer.wrap(header, 0, 4).getInt() & 0xFFFFFFFFL;
            String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                break; // bytes after the last box, which players ignore
            }
            if (type.equals("moov")) {
                movie = true;
            }
            if (box == 1) {
                if (header.length < 16) {
                    return Optional.of("it ends inside the header of its '" + type + "' box");
                }
                box = ByteBuffer.wrap(header, 8, 8).getLong();
            } else if (box == 0) {
                break; // the last box, up to the end of the file
            }
            if (box < 8 || box > size - at) {
                return Optional.of("its '" + type + "' box claims " + box + " bytes where the file has " + (size - at)
                        + " left: it is cut off");
            }
            at += box;
        }
        return movie
                ? Optional.empty()
                : Optional.of("it has no 'moov' box, which every player needs (" + size + " bytes)");
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    private static boolean matches(byte[] bytes, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
