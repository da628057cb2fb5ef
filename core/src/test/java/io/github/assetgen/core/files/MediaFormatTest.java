package io.github.assetgen.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFormatTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'};
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};

    @TempDir
    Path dir;

    @Test
    void everyFormatIsToldByItsFirstTwelveBytes() {
        assertThat(MediaFormat.sniff(PNG, PNG.length)).isEqualTo(MediaFormat.PNG);
        assertThat(MediaFormat.sniff(JPEG, JPEG.length)).isEqualTo(MediaFormat.JPEG);
        assertThat(MediaFormat.sniff(WEBP, MediaFormat.SNIFF_LENGTH)).isEqualTo(MediaFormat.WEBP);
        assertThat(MediaFormat.sniff(MP4, MP4.length)).isEqualTo(MediaFormat.MP4);
        assertThat(MediaFormat.sniff("hello world!".getBytes(), 12)).isEqualTo(MediaFormat.UNKNOWN);
    }

    @Test
    void tooFewBytesAreUnknown() {
        assertThat(MediaFormat.sniff(WEBP, 11)).isEqualTo(MediaFormat.UNKNOWN);
        assertThat(MediaFormat.sniff(new byte[0], 0)).isEqualTo(MediaFormat.UNKNOWN);
    }

    @Test
    void aFileIsSniffedFromItsHeadWhateverItsName() throws Exception {
        assertThat(MediaFormat.sniff(Files.write(dir.resolve("a.png"), MP4))).isEqualTo(MediaFormat.MP4);
        assertThat(MediaFormat.sniff(Files.write(dir.resolve("b.bin"), JPEG))).isEqualTo(MediaFormat.JPEG);
        assertThat(MediaFormat.sniff(Files.write(dir.resolve("empty.png"), new byte[0])))
                .isEqualTo(MediaFormat.UNKNOWN);
    }

    @Test
    void theExtensionPromisesAFormatWhateverItsCase() {
        assertThat(MediaFormat.fromExtension("img/Hero.PNG")).isEqualTo(MediaFormat.PNG);
        assertThat(MediaFormat.fromExtension("a.jpeg")).isEqualTo(MediaFormat.JPEG);
        assertThat(MediaFormat.fromExtension("a.jpg")).isEqualTo(MediaFormat.JPEG);
        assertThat(MediaFormat.fromExtension("a.webp")).isEqualTo(MediaFormat.WEBP);
        assertThat(MediaFormat.fromExtension("v.mp4")).isEqualTo(MediaFormat.MP4);
        assertThat(MediaFormat.fromExtension("notes.txt")).isEqualTo(MediaFormat.UNKNOWN);
    }
}
