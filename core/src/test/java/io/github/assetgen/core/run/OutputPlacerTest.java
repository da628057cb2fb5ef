package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.store.CachedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversion between PNG and JPEG never decodes an image whose header claims too many pixels,
 * and two assets of one build never meet at one file.
 */
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
        Path source = Files.write(dir.resolve("1.jpg"), bomb);
        CachedFile cached = new CachedFile("1.jpg", source, Hashing.sha256(bomb), bomb.length, MediaFormat.JPEG);

        IOException e = catchThrowableOfType(
                IOException.class, () -> new OutputPlacer(dir.resolve("out")).stage(cached, "hero.png"));

        assertThat(e.getMessage()).contains("cannot convert").contains("20000x20000");
        assertThat(dir.resolve("out/hero.png")).doesNotExist();
    }

    @Test
    void aWebpOutputThatArrivesAsPngFailsTheAssetWhoseNameIsTaken() throws Exception {
        OutputPlacer placer = new OutputPlacer(dir.resolve("out"));
        placer.claim("x.png", MediaFormat.PNG, "first");

        assertThatThrownBy(() -> placer.claim("x.webp", MediaFormat.PNG, "second"))
                .isInstanceOf(AssetFailure.class)
                .hasMessage("output x.png (asked for as x.webp, written as x.png so that the extension matches the"
                        + " content) is already written by asset 'first' in this build; give one of them another"
                        + " output");
    }

    @Test
    void namesDifferingOnlyInCaseAreOneFile() throws Exception {
        OutputPlacer placer = new OutputPlacer(dir.resolve("out"));
        placer.claim("img/X.png", MediaFormat.PNG, "first");

        assertThatThrownBy(() -> placer.claim("img/x.png", MediaFormat.PNG, "second"))
                .isInstanceOf(AssetFailure.class)
                .hasMessageContaining("is already written by asset 'first'");
    }

    @Test
    void aFileAnUpToDateAssetKeepsIsNotTakenByAnotherAsset() throws Exception {
        OutputPlacer placer = new OutputPlacer(dir.resolve("out"));
        placer.reserve("x.png", "kept");

        assertThatThrownBy(() -> placer.claim("x.webp", MediaFormat.PNG, "second"))
                .isInstanceOf(AssetFailure.class)
                .hasMessageContaining("is already written by asset 'kept'");
        assertThatCode(() -> placer.claim("x.png", MediaFormat.PNG, "kept")).doesNotThrowAnyException();
    }

    @Test
    void differentFilesAndConvertedOnesDoNotClash() throws Exception {
        OutputPlacer placer = new OutputPlacer(dir.resolve("out"));
        placer.claim("x.png", MediaFormat.PNG, "first");

        assertThatCode(() -> {
                    placer.claim("y.webp", MediaFormat.PNG, "second");
                    placer.claim("x.jpg", MediaFormat.PNG, "third");
                    placer.claim("x.png", MediaFormat.PNG, "first");
                })
                .doesNotThrowAnyException();
    }
}
