package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.files.MediaFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversion between PNG and JPEG never decodes an image whose header claims too many pixels. */
class OutputPlacerTest {

    @TempDir
    Path dir;

    @Test
    void aTinyJpegClaimingTwentyThousandPixelsSquareIsNotDecodedForAPngOutput() throws Exception {
        byte[] bomb = {
            (byte) 0xFF,
            (byte) 0xD8,
            (byte) 0xFF,
            (byte) 0xC0,
            0,
            17,
            8,
            0x4E,
            0x20,
            0x4E,
            0x20,
            3,
            1,
            0x22,
            0,
            2,
            0x11,
            1,
            3,
            0x11,
            1,
            (byte) 0xFF,
            (byte) 0xD9
        };
        Path source = Files.write(dir.resolve("cached"), bomb);

        IOException e = catchThrowableOfType(
                IOException.class,
                () -> new OutputPlacer(dir.resolve("out")).place(source, MediaFormat.JPEG, "hero.png"));

        assertThat(e.getMessage()).contains("cannot convert").contains("20000x20000");
        assertThat(dir.resolve("out/hero.png")).doesNotExist();
    }
}
