package io.github.assetgen.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageHeadersTest {

    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, bytes))
                .as("a writer for " + format)
                .isTrue();
        return bytes.toByteArray();
    }

    /** A lossless WebP header (VP8L) of the given size; enough for sniffing and size reading. */
    private static byte[] webp(int width, int height) {
        byte[] b = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        b[4] = 22;
        System.arraycopy("WEBPVP8L".getBytes(), 0, b, 8, 8);
        b[16] = 10;
        b[20] = 0x2f;
        int bits = (width - 1) | (height - 1) << 14;
        b[21] = (byte) bits;
        b[22] = (byte) (bits >> 8);
        b[23] = (byte) (bits >> 16);
        b[24] = (byte) (bits >> 24);
        return b;
    }

    @Test
    void imageHeadersGiveTheSizeOfEveryFormat() throws Exception {
        for (byte[] bytes : List.of(image("png", 31, 17), image("jpg", 31, 17), webp(31, 17))) {
            MediaFormat format = MediaFormat.sniff(bytes, bytes.length);
            assertThat(ImageHeaders.dimensions(bytes, format)).get().isEqualTo(new int[] {31, 17});
        }
    }

    @Test
    void aTruncatedHeaderOrAVideoHasNoSize() throws Exception {
        byte[] png = image("png", 31, 17);

        assertThat(ImageHeaders.dimensions(Arrays.copyOf(png, 20), MediaFormat.PNG))
                .isEmpty();
        assertThat(ImageHeaders.dimensions(Arrays.copyOf(webp(31, 17), 14), MediaFormat.WEBP))
                .isEmpty();
        assertThat(ImageHeaders.dimensions(png, MediaFormat.MP4)).isEmpty();
    }
}
