package io.github.assetgen.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image header may claim any size; what claims too much is refused before a decoder sees it. */
class ImageBombTest {

    @TempDir
    Path dir;

    @Test
    void aJpegClaimingFourHundredMegapixelsIsRefused() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.jpg"), TestImages.JPEG_BOMB);

        assertThat(ImageHeaders.refusal(bomb, MediaFormat.JPEG, false))
                .hasValueSatisfying(why -> assertThat(why).contains("20000x20000"));
    }

    @Test
    void aPngClaimingANegativeOrHugeSideIsRefused() throws Exception {
        byte[] png = {
            (byte) 0x89,
            'P',
            'N',
            'G',
            0x0D,
            0x0A,
            0x1A,
            0x0A,
            0,
            0,
            0,
            13,
            'I',
            'H',
            'D',
            'R',
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            0,
            0,
            0,
            1
        };
        Path file = Files.write(dir.resolve("a.png"), png);

        assertThat(ImageHeaders.refusal(file, MediaFormat.PNG, false)).isPresent();
    }

    @Test
    void anImageWithoutAReadableSizeIsRefusedOnlyWhereTheSizeIsRequired() throws Exception {
        Path file = Files.write(dir.resolve("a.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        assertThat(ImageHeaders.refusal(file, MediaFormat.JPEG, false)).isEmpty();
        assertThat(ImageHeaders.refusal(file, MediaFormat.JPEG, true)).isPresent();
    }
}
