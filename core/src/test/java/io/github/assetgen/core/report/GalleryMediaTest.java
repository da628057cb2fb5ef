package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.TestImages;
import io.github.assetgen.core.provider.Cost;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #13: the report directory alone holds every picture the gallery shows. */
class GalleryMediaTest {

    /** The first bytes of an MP4 (an ftyp box): enough for the format to be recognised. */
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};

    private static final byte[] WEBP = {
        'R', 'I', 'F', 'F', 0x1a, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0x0d, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 7
    };

    @TempDir
    Path target;

    /** A PNG of this size, noisy so that it does not compress to nothing. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, y < height / 2 ? random.nextInt() : Color.ORANGE.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = target.resolve("generated-assets").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private Path reportDir() {
        return target.resolve("assetgen");
    }

    @Test
    void aLargeImageBecomesAThumbnailAtMost640PixelsWideInsideTheReportDirectory() throws IOException {
        Path big = file("big.png", png(1300, 650));
        GalleryMedia media = new GalleryMedia(reportDir(), null);

        GalleryMedia.Shown shown = media.show(big, null);

        assertThat(shown.kind()).isEqualTo(GalleryMedia.Kind.IMAGE);
        assertThat(shown.src()).isEqualTo("media/" + Hashing.sha256(big) + "-w640.jpg");
        BufferedImage thumb = ImageIO.read(reportDir().resolve(shown.src()).toFile());
        assertThat(thumb.getWidth()).isEqualTo(640);
        assertThat(thumb.getHeight()).isEqualTo(320);
        assertThat(Files.size(reportDir().resolve(shown.src()))).isLessThan(Files.size(big));
    }

    @Test
    void aVeryWideImageIsDecodedSubsampledAndKeepsItsProportions() throws IOException {
        Path wide = file("wide.png", png(2600, 100));

        GalleryMedia.Shown shown = new GalleryMedia(reportDir(), null).show(wide, null);

        BufferedImage thumb = ImageIO.read(reportDir().resolve(shown.src()).toFile());
        assertThat(thumb.getWidth()).isEqualTo(640);
        assertThat(thumb.getHeight()).isEqualTo(25);
    }

    @Test
    void aSmallImageIsCopiedAsItIs() throws IOException {
        Path small = file("small.png", png(64, 32));

        GalleryMedia.Shown shown = new GalleryMedia(reportDir(), null).show(small, null);

        assertThat(shown.src()).isEqualTo("media/" + Hashing.sha256(small) + ".png");
        assertThat(reportDir().resolve(shown.src())).hasSameBinaryContentAs(small);
    }

    @Test
    void aThumbnailOfBytesWhoseHashIsKnownIsReusedNotScaledAgain() throws IOException {
        Path big = file("big.png", png(1300, 650));
        String sha = Hashing.sha256(big);
        new GalleryMedia(reportDir(), null).show(big, sha);
        Path thumb = reportDir().resolve("media/" + sha + "-w640.jpg");
        Files.write(thumb, new byte[] {42}); // a marker: scaling again would overwrite it

        GalleryMedia.Shown again = new GalleryMedia(reportDir(), null).show(big, sha);

        assertThat(again.src()).isEqualTo("media/" + sha + "-w640.jpg");
        assertThat(Files.readAllBytes(thumb)).containsExactly(42);
    }

    @Test
    void afterCleanAThumbnailIsCopiedBackFromTheStoreNotScaledAgain() throws IOException {
        Path big = file("big.png", png(1300, 650));
        String sha = Hashing.sha256(big);
        Path store = target.resolve("cache/thumbnails");
        new GalleryMedia(reportDir(), store).show(big, sha);
        Files.write(store.resolve(sha + "-w640.jpg"), new byte[] {42}); // a marker: scaling again would differ
        io.github.assetgen.core.files.AtomicFiles.deleteRecursively(reportDir()); // mvn clean

        GalleryMedia.Shown again = new GalleryMedia(reportDir(), store).show(big, sha);

        assertThat(again.src()).isEqualTo("media/" + sha + "-w640.jpg");
        assertThat(Files.readAllBytes(reportDir().resolve(again.src()))).containsExactly(42);
    }

    @Test
    void aThousandUnchangedImagesAreShownAgainQuickly() throws IOException {
        Path big = file("big.png", png(1300, 650));
        String sha = Hashing.sha256(big);
        new GalleryMedia(reportDir(), null).show(big, sha);
        GalleryMedia media = new GalleryMedia(reportDir(), null);

        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            media.show(big, sha);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("1000 reused thumbnails, in ms").isLessThan(3000);
    }

    @Test
    void aWebpIsCopiedUpToItsCapAndABiggerOneIsALabelledBox() throws IOException {
        Path small = file("small.webp", WEBP);
        Path big = file("big.webp", WEBP);
        try (RandomAccessFile grow = new RandomAccessFile(big.toFile(), "rw")) {
            grow.setLength(GalleryMedia.MAX_COPIED_IMAGE_BYTES + 1);
        }
        GalleryMedia media = new GalleryMedia(reportDir(), null);

        GalleryMedia.Shown copied = media.show(small, null);
        GalleryMedia.Shown labelled = media.show(big, null);

        assertThat(copied.kind()).isEqualTo(GalleryMedia.Kind.IMAGE);
        assertThat(copied.src()).endsWith(".webp");
        assertThat(reportDir().resolve(copied.src())).hasSameBinaryContentAs(small);
        assertThat(labelled.kind()).isEqualTo(GalleryMedia.Kind.NONE);
        assertThat(labelled.note()).contains("WebP").contains("no preview");
    }

    @Test
    void aJpegBombIsNeverDecoded() throws IOException {
        Path bomb = file("bomb.jpg", TestImages.JPEG_BOMB);

        GalleryMedia.Shown shown = new GalleryMedia(reportDir(), null).show(bomb, null);

        assertThat(shown.kind()).isEqualTo(GalleryMedia.Kind.NONE);
        assertThat(shown.note()).contains("too large");
    }

    @Test
    void aVideoIsCopiedUnderTheLimitAndLinkedWithANoteOverIt() throws IOException {
        Path small = file("small.mp4", MP4);
        Path big = file("big.mp4", MP4);
        try (RandomAccessFile grow = new RandomAccessFile(big.toFile(), "rw")) {
            grow.setLength(GalleryMedia.MAX_VIDEO_BYTES + 1);
        }
        GalleryMedia media = new GalleryMedia(reportDir(), null);

        GalleryMedia.Shown copied = media.show(small, null);
        GalleryMedia.Shown linked = media.show(big, null);

        assertThat(copied.kind()).isEqualTo(GalleryMedia.Kind.VIDEO);
        assertThat(reportDir().resolve(copied.src())).hasSameBinaryContentAs(small);
        assertThat(linked.kind()).isEqualTo(GalleryMedia.Kind.LINK);
        assertThat(linked.src()).isEqualTo("../generated-assets/big.mp4");
        assertThat(linked.note())
                .contains("not copied")
                .contains("20.0 MiB each")
                .contains("100.0 MiB in all");
        assertThat(reportDir().resolve("media")).isDirectoryNotContaining(p -> {
            try {
                return Files.size(p) > GalleryMedia.MAX_VIDEO_BYTES;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void videosStopBeingCopiedOnceTheTotalWouldPassItsLimit() throws IOException {
        GalleryMedia media = new GalleryMedia(reportDir(), null, 100, 250);
        List<GalleryMedia.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] bytes = java.util.Arrays.copyOf(MP4, 80 + i); // distinct bytes, distinct hashes
            kinds.add(media.show(file("v" + i + ".mp4", bytes), null).kind());
        }

        assertThat(kinds)
                .containsExactly(
                        GalleryMedia.Kind.VIDEO,
                        GalleryMedia.Kind.VIDEO,
                        GalleryMedia.Kind.VIDEO,
                        GalleryMedia.Kind.LINK);
    }

    @Test
    void mediaOfAnOlderBuildAreRemovedWhenTheReportIsWrittenAgain() throws IOException {
        Path first = file("first.png", png(40, 20));
        Path second = file("second.png", png(50, 20));
        new ReportWriter().write(reportDir(), target.resolve("generated-assets"), List.of(kept("a", first)), summary());

        new ReportWriter()
                .write(reportDir(), target.resolve("generated-assets"), List.of(kept("b", second)), summary());

        try (Stream<Path> files = Files.list(reportDir().resolve("media"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(Hashing.sha256(second) + ".png");
        }
    }

    @Test
    void theReportDirectoryCopiedAloneStillHasEveryPictureAndVideoItShows(@TempDir Path published) throws IOException {
        Path big = file("img/hero.png", png(1300, 650));
        Path small = file("logo.png", png(64, 64));
        Path video = file("video/intro.mp4", MP4);
        List<AssetOutcome> outcomes = List.of(kept("hero", big), kept("logo", small), kept("intro", video));
        new ReportWriter().write(reportDir(), target.resolve("generated-assets"), outcomes, summary());

        copyTree(reportDir(), published);

        String html = Files.readString(published.resolve("report.html"), StandardCharsets.UTF_8);
        Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
        List<String> sources = new ArrayList<>();
        while (src.find()) {
            sources.add(src.group(1));
        }
        assertThat(sources)
                .hasSize(3)
                .allSatisfy(s -> assertThat(published.resolve(s)).isRegularFile());
        assertThat(html).doesNotContain("../").doesNotContain("file:").doesNotContain("http");
    }

    private static AssetOutcome kept(String id, Path file) throws IOException {
        return new AssetOutcome(
                id,
                "kept",
                "useapi",
                "nano-banana-2",
                "image",
                "A " + id,
                "k",
                List.of(new OutcomeFile(file.getFileName().toString(), file, Files.size(file), Hashing.sha256(file))),
                Cost.credits(4),
                Cost.free(),
                0,
                null);
    }

    private static ReportSummary summary() {
        return ReportSummary.of(List.of(), "0 credits, $0", 0);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
