package io.github.assetgen.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A media file is whole when its format's own end is there; its first bytes prove nothing. */
class MediaEndsTest {

    @TempDir
    Path dir;

    private Optional<String> cutOff(byte[] bytes, MediaFormat format) throws IOException {
        Path file = dir.resolve("f");
        Files.write(file, bytes);
        return MediaEnds.cutOff(file, format);
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            image.setRGB(x, x % 48, 0x123456 * x);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] box(String type, int payload) {
        ByteBuffer box = ByteBuffer.allocate(8 + payload);
        box.putInt(8 + payload).put(type.getBytes(StandardCharsets.ISO_8859_1));
        return box.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void wholePngAndJpegFilesPassAndSoDoBytesAnEncoderLeftAfterTheirEnd() throws IOException {
        assertThat(cutOff(image("png"), MediaFormat.PNG)).isEmpty();
        assertThat(cutOff(image("jpeg"), MediaFormat.JPEG)).isEmpty();
        assertThat(cutOff(concat(image("png"), new byte[1000]), MediaFormat.PNG))
                .isEmpty();
        assertThat(cutOff(concat(image("jpeg"), new byte[1000]), MediaFormat.JPEG))
                .isEmpty();
    }

    @Test
    void pngAndJpegFilesCutAnywhereBeforeTheirEndAreRefused() throws IOException {
        byte[] png = image("png");
        byte[] jpeg = image("jpeg");
        for (int length : new int[] {8, 33, png.length / 2, png.length - 1}) {
            assertThat(cutOff(Arrays.copyOf(png, length), MediaFormat.PNG))
                    .as("PNG cut at %d of %d", length, png.length)
                    .hasValueSatisfying(why -> assertThat(why).startsWith("it has no IEND chunk"));
        }
        for (int length : new int[] {2, 200, jpeg.length / 2, jpeg.length - 1}) {
            assertThat(cutOff(Arrays.copyOf(jpeg, length), MediaFormat.JPEG))
                    .as("JPEG cut at %d of %d", length, jpeg.length)
                    .hasValueSatisfying(why -> assertThat(why).startsWith("it has no end-of-image marker"));
        }
    }

    @Test
    void aWebpIsWholeWhenItHoldsAsManyBytesAsItsRiffHeaderClaims() throws IOException {
        ByteBuffer webp = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(32)
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        byte[] whole = webp.array();

        assertThat(cutOff(whole, MediaFormat.WEBP)).isEmpty();
        assertThat(cutOff(Arrays.copyOf(whole, 39), MediaFormat.WEBP))
                .hasValue("its RIFF header claims 40 bytes but the file has 39: it is cut off");
        assertThat(cutOff(Arrays.copyOf(whole, 6), MediaFormat.WEBP)).isPresent();
    }

    @Test
    void anMp4IsWholeWhenItsBoxesFitTheFileAndOneIsTheMovieBox() throws IOException {
        byte[] ftyp = box("ftyp", 12);
        byte[] moov = box("moov", 100);
        byte[] mdat = box("mdat", 5000);

        assertThat(cutOff(concat(ftyp, moov, mdat), MediaFormat.MP4)).isEmpty();
        assertThat(cutOff(concat(ftyp, mdat, moov), MediaFormat.MP4))
                .as("moov last")
                .isEmpty();
        assertThat(cutOff(concat(ftyp, moov, mdat, new byte[] {0, 1, 2}), MediaFormat.MP4))
                .as("bytes after the last box")
                .isEmpty();
        assertThat(cutOff(Arrays.copyOf(concat(ftyp, moov, mdat), 3000), MediaFormat.MP4))
                .hasValueSatisfying(why -> assertThat(why).startsWith("its 'mdat' box claims 5008 bytes"));
        assertThat(cutOff(Arrays.copyOf(concat(ftyp, mdat, moov), ftyp.length + mdat.length + 50), MediaFormat.MP4))
                .as("the movie box at the end, cut")
                .hasValueSatisfying(why -> assertThat(why).startsWith("its 'moov' box claims 108 bytes"));
        assertThat(cutOff(concat(ftyp, mdat), MediaFormat.MP4))
                .hasValueSatisfying(why -> assertThat(why).startsWith("it has no 'moov' box"));
    }

    @Test
    void aLargeSizedBoxIsReadAndAnMdatRunningToTheEndIsAccepted() throws IOException {
        ByteBuffer large = ByteBuffer.allocate(16 + 100);
        large.putInt(1).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).putLong(116);
        ByteBuffer toEnd = ByteBuffer.allocate(8 + 100);
        toEnd.putInt(0).put("mdat".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(cutOff(concat(box("ftyp", 12), box("moov", 20), large.array()), MediaFormat.MP4))
                .isEmpty();
        assertThat(cutOff(concat(box("ftyp", 12), box("moov", 20), toEnd.array()), MediaFormat.MP4))
                .isEmpty();
        assertThat(cutOff(Arrays.copyOf(concat(box("ftyp", 12), box("moov", 20), large.array()), 60), MediaFormat.MP4))
                .isPresent();
    }
}
