package io.github.assetgen.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Real, small media files for the fakes to serve and the projects to use as inputs: PNGs and JPEGs drawn with
 * ImageIO and an H.264 MP4 made with JCodec.
 */
public final class TestMedia {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static volatile byte[] mp4;

    private TestMedia() {}

    /** A distinct PNG per {@code variant}, so files of different jobs have different hashes. */
    public static byte[] png(int width, int height, int variant) {
        return encode(picture(width, height, variant), "png");
    }

    /** A distinct baseline JPEG per {@code variant}, for inputs that must not be PNGs. */
    public static byte[] jpeg(int width, int height, int variant) {
        return encode(picture(width, height, variant), "jpeg");
    }

    private static BufferedImage picture(int width, int height, int variant) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.getHSBColor((variant * 0.61803f) % 1f, 0.6f, 0.9f));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            // a few pixels whose position encodes the variant keep equal hues apart too
            for (int bit = 0; bit < 31; bit++) {
                if ((variant >>> bit & 1) != 0) {
                    image.setRGB(bit % width, (bit / width) % height, 0xffffff);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-second 64x64 H.264 MP4 (built once per JVM; JCodec needs a few hundred milliseconds). */
    public static byte[] mp4() {
        byte[] cached = mp4;
        if (cached == null) {
            synchronized (TestMedia.class) {
                if (mp4 == null) {
                    mp4 = encodeMp4(64, 64, 10);
                }
                cached = mp4;
            }
        }
        return cached;
    }

    public static boolean isPng(byte[] bytes) {
        return startsWith(bytes, PNG_MAGIC, 0);
    }

    /** An ISO base media file: the 'ftyp' box comes first. */
    public static boolean isMp4(byte[] bytes) {
        return startsWith(bytes, new byte[] {'f', 't', 'y', 'p'}, 4);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int offset) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encodeMp4(int width, int height, int frames) {
        try {
            Path file = Files.createTempFile("assetgen-it-", ".mp4");
            try {
                SeekableByteChannel channel = NIOUtils.writableChannel(file.toFile());
                try {
                    SequenceEncoder encoder = SequenceEncoder.createWithFps(channel, Rational.R(frames, 1));
                    for (int frame = 0; frame < frames; frame++) {
                        encoder.encodeNativeFrame(frame(width, height, frame));
                    }
                    encoder.finish();
                } finally {
                    NIOUtils.closeQuietly(channel);
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Picture frame(int width, int height, int frame) {
        Picture picture = Picture.create(width, height, ColorSpace.RGB);
        byte[] rgb = picture.getPlaneData(0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                // JCodec stores samples as signed bytes centred on zero
                rgb[i] = (byte) (((x + frame * 6) & 0xff) - 128);
                rgb[i + 1] = (byte) (((y * 4) & 0xff) - 128);
                rgb[i + 2] = (byte) ((frame * 20 & 0xff) - 128);
            }
        }
        return picture;
    }
}
