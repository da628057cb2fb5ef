package io.github.assetgen.core.provider.placeholder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Zeroes the creation and modification times JCodec writes into the {@code mvhd}, {@code tkhd}
 * and {@code mdhd} boxes, so the same render gives the same bytes (and the same SHA-256).
 */
final class Mp4Timestamps {

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
    private static final Set<String> TIMED = Set.of("mvhd", "tkhd", "mdhd");

    private Mp4Timestamps() {}

    static void clear(Path mp4) throws IOException {
        try (FileChannel channel = FileChannel.open(mp4, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = 0;
            long end = channel.size();
            while (position + 8 <= end) {
                ByteBuffer header = ByteBuffer.allocate(16);
                header.limit(8);
                channel.read(header, position);
                long size = Integer.toUnsignedLong(header.getInt(0));
                String type = type(header, 4);
                int headerSize = 8;
                if (size == 1) {
                    header.limit(16);
                    channel.read(header, position + 8);
                    size = header.getLong(8);
                    headerSize = 16;
                } else if (size == 0) {
                    size = end - position;
                }
                if (size < headerSize || position + size > end) {
                    throw new IOException("malformed MP4 box '" + type + "' at offset " + position);
                }
                if (type.equals("moov")) {
                    // the movie header is small (kilobytes), so it is patched in memory
                    ByteBuffer moov = ByteBuffer.allocate(Math.toIntExact(size));
                    channel.read(moov, position);
                    clearIn(moov, headerSize, moov.capacity());
                    moov.rewind();
                    channel.write(moov, position);
                }
                position += size;
            }
        }
    }

    private static void clearIn(ByteBuffer box, int from, int to) throws IOException {
        int position = from;
        while (position + 8 <= to) {
            long size = Integer.toUnsignedLong(box.getInt(position));
            String type = type(box, position + 4);
            if (size < 8 || position + size > to) {
                throw new IOException("malformed MP4 box '" + type + "' inside moov");
            }
            int next = (int) (position + size);
            if (CONTAINERS.contains(type)) {
                clearIn(box, position + 8, next);
            } else if (TIMED.contains(type)) {
                int version = box.get(position + 8);
                int times = position + 12;
                if (version == 1) {
                    box.putLong(times, 0).putLong(times + 8, 0);
                } else {
                    box.putInt(times, 0).putInt(times + 4, 0);
                }
            }
            position = next;
        }
    }

    private static String type(ByteBuffer buffer, int offset) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (buffer.get(offset + i) & 0xff);
        }
        return new String(chars);
    }
}
