package io.github.assetgen.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** File formats the product recognises by their magic bytes. */
public enum MediaFormat {
    PNG("png", "image/png"),
    JPEG("jpg", "image/jpeg"),
    WEBP("webp", "image/webp"),
    MP4("mp4", "video/mp4"),
    UNKNOWN("bin", "application/octet-stream");

    /** How many leading bytes {@link #sniff(byte[], int)} needs to tell every format apart. */
    public static final int SNIFF_LENGTH = 12;

    private final String extension;
    private final String mediaType;

    MediaFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Reads the format from the first bytes of a file ({@value #SNIFF_LENGTH} are needed for WebP/MP4). */
    public static MediaFormat sniff(byte[] head, int length) {
        if (length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return PNG;
        }
        if (length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (length >= 12
                && head[0] == 'R'
                && head[1] == 'I'
                && head[2] == 'F'
                && head[3] == 'F'
                && head[8] == 'W'
                && head[9] == 'E'
                && head[10] == 'B'
                && head[11] == 'P') {
            return WEBP;
        }
        if (length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return MP4;
        }
        return UNKNOWN;
    }

    /** Reads the format from the first bytes of {@code file}. */
    public static MediaFormat sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_LENGTH);
            return sniff(head, head.length);
        }
    }

    /** The format an output file name's extension promises, or UNKNOWN. */
    public static MediaFormat fromExtension(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".png")) {
            return PNG;
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return JPEG;
        }
        if (lower.endsWith(".webp")) {
            return WEBP;
        }
        if (lower.endsWith(".mp4")) {
            return MP4;
        }
        return UNKNOWN;
    }
}
