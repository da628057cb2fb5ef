package io.github.assetgen.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads an image's pixel size from its header (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X) without decoding it. */
public final class ImageHeaders {

    /** The widest or tallest image decoded; a header may claim anything, the decoder believes it. */
    public static final int MAX_SIDE = 20_000;

    /** The most pixels an image may have to be decoded (100 Mpx, about 400 MB as ARGB). */
    public static final long MAX_PIXELS = 100_000_000L;

    /** How much of a file is read to find its header (JPEG metadata segments may come first). */
    static final int HEADER_BYTES = 256 * 1024;

    private ImageHeaders() {}

    /** Width and height from the first bytes of {@code file}, or empty when they cannot be read. */
    public static Optional<int[]> dimensions(Path file, MediaFormat format) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return dimensions(in.readNBytes(HEADER_BYTES), format);
        }
    }

    /**
     * Why the image must not be decoded, or empty when it may: a header that claims more than
     * {@value #MAX_SIDE} pixels per side or {@value #MAX_PIXELS} in all (a few bytes can claim
     * gigabytes of pixels, which the decoder would allocate), or no readable size at all when
     * {@code sizeRequired}.
     */
    public static Optional<String> refusal(Path file, MediaFormat format, boolean sizeRequired) throws IOException {
        return refusal(dimensions(file, format), sizeRequired);
    }

    /** Like {@link #refusal(Path, MediaFormat, boolean)}, for an image already in memory. */
    public static Optional<String> refusal(byte[] image, MediaFormat format, boolean sizeRequired) {
        return refusal(dimensions(image, format), sizeRequired);
    }

    private static Optional<String> refusal(Optional<int[]> size, boolean sizeRequired) {
        if (size.isEmpty()) {
            return sizeRequired ? Optional.of("its pixel size cannot be read from its header") : Optional.empty();
        }
        long width = size.get()[0];
        long height = size.get()[1];
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            return Optional.of("its header claims " + width + "x" + height + " pixels (at most " + MAX_SIDE
                    + " per side and " + MAX_PIXELS / 1_000_000 + " Mpx are decoded)");
        }
        return Optional.empty();
    }

    /** Width and height, or empty when the header is truncated or unknown. */
    public static Optional<int[]> dimensions(byte[] b, MediaFormat format) {
        try {
            return switch (format) {
                case PNG -> b.length >= 24 ? Optional.of(new int[] {be32(b, 16), be32(b, 20)}) : Optional.empty();
                case JPEG -> jpeg(b);
                case WEBP -> webp(b);
                default -> Optional.empty();
            };
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            // a truncated header: the size is simply unknown
            return Optional.empty();
        }
    }

    private static Optional<int[]> jpeg(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = be16(b, i + 2);
            boolean startOfFrame =
                    marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return Optional.of(new int[] {be16(b, i + 7), be16(b, i + 5)});
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<int[]> webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 ":
                return Optional.of(new int[] {le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF});
            case "VP8L": {
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                return Optional.of(new int[] {(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1});
            }
            case "VP8X":
                return Optional.of(new int[] {le24(b, 24) + 1, le24(b, 27) + 1});
            default:
                return Optional.empty();
        }
    }

    private static int be32(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private static int be16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int le24(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
    }
}
