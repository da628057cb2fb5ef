package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.files.MediaFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The placer writes what the content is, never lets two assets of one build meet at one file, and
 * never decodes an image whose header claims too many pixels.
 */
class OutputPlacerTest {

    @TempDir
    Path dir;

    private Path out;
    private Path png;
    private Path otherPng;

    @BeforeEach
    void images() throws Exception {
        out = dir.resolve("out");
        png = image("a.png", 0xFF0000);
        otherPng = image("b.png", 0x00FF00);
    }

    private Path image(String name, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb);
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void aWebpOutputThatArrivesAsPngFailsTheAssetWhoseNameIsTakenInsteadOfOverwritingIt() throws Exception {
        OutputPlacer placer = new OutputPlacer(out);
        placer.place(png, MediaFormat.PNG, "x.png", "first");

        assertThatThrownBy(() -> placer.place(otherPng, MediaFormat.PNG, "x.webp", "second"))
                .isInstanceOf(AssetFailure.class)
                .hasMessage("output x.png (asked for as x.webp, written as x.png so that the extension matches the"
                        + " content) is already written by asset 'first' in this build; give one of them another"
                        + " output");
        assertThat(Files.readAllBytes(out.resolve("x.png"))).isEqualTo(Files.readAllBytes(png));
    }

    @Test
    void namesDifferingOnlyInCaseAreOneFile() throws Exception {
        OutputPlacer placer = new OutputPlacer(out);
        placer.place(png, MediaFormat.PNG, "img/X.png", "first");

        assertThatThrownBy(() -> placer.place(otherPng, MediaFormat.PNG, "img/x.png", "second"))
                .isInstanceOf(AssetFailure.class)
                .hasMessageContaining("already written by asset 'first'");
    }

    @Test
    void aFileAnUpToDateAssetKeepsIsNotOverwrittenByAnotherAsset() throws Exception {
        OutputPlacer placer = new OutputPlacer(out);
        placer.reserve("x.png", "kept");

        assertThatThrownBy(() -> placer.place(otherPng, MediaFormat.PNG, "x.webp", "second"))
                .isInstanceOf(AssetFailure.class)
                .hasMessageContaining("is already written by asset 'kept'");
        assertThat(out.resolve("x.png")).doesNotExist();
        placer.place(png, MediaFormat.PNG, "x.png", "kept");
    }

    @Test
    void theSameAssetMayPlaceItsFileAgain() throws Exception {
        OutputPlacer placer = new OutputPlacer(out);
        placer.place(png, MediaFormat.PNG, "x.png", "first");

        placer.place(otherPng, MediaFormat.PNG, "x.png", "first");

        assertThat(Files.readAllBytes(out.resolve("x.png"))).isEqualTo(Files.readAllBytes(otherPng));
    }

    @Test
    void differentFilesDoNotClash() throws Exception {
        OutputPlacer placer = new OutputPlacer(out);
        placer.place(png, MediaFormat.PNG, "x.png", "first");
        placer.place(otherPng, MediaFormat.PNG, "y.webp", "second");

        assertThat(out.resolve("y.png")).isRegularFile();
    }

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
                () -> new OutputPlacer(dir.resolve("out")).place(source, MediaFormat.JPEG, "hero.png", "hero"));

        assertThat(e.getMessage()).contains("cannot convert").contains("20000x20000");
        assertThat(dir.resolve("out/hero.png")).doesNotExist();
    }
}
