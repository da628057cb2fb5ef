package io.github.assetgen.core.provider.placeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceholderClientTest {

    @TempDir
    Path work;

    @TempDir
    Path out;

    private PlaceholderClient client(int width, int height, int seconds) {
        return new PlaceholderClient(request -> new PlaceholderSizer.Size(width, height, seconds), work);
    }

    private static AssetRequest image(String id, String prompt, String... outputs) {
        return new AssetRequest(
                id,
                "placeholder",
                AssetType.IMAGE,
                "nano-banana-2",
                prompt,
                Map.of("aspectRatio", "16:9", "quantity", outputs.length),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(outputs),
                Position.startOf("src/main/assets/site.yaml"));
    }

    private static AssetRequest video(String id, String prompt) {
        return new AssetRequest(
                id,
                "placeholder",
                AssetType.VIDEO,
                "T2V-2.3",
                prompt,
                Map.of("options", "768p-6sec"),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(id + ".mp4"),
                Position.startOf("src/main/assets/v.yaml"));
    }

    @Test
    void anImageIsAPngOfTheRequestedSizeThatImageIoDecodes() throws Exception {
        SubmitResult result = client(640, 360).submit(image("hero", "A lighthouse at dusk", "img/hero.png"));

        assertThat(result.isComplete()).isTrue();
        assertThat(result.jobs()).singleElement().satisfies(job -> {
            assertThat(job.provider()).isEqualTo("placeholder");
            assertThat(job.kind()).isEqualTo("render");
        });
        Path file = result.immediateResults().get(0).localFile();
        assertThat(sniff(file)).isEqualTo(MediaFormat.PNG);
        BufferedImage decoded = ImageIO.read(file.toFile());
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(360);
    }

    @Test
    void aJpgOutputGetsAJpeg() throws Exception {
        SubmitResult result = client(300, 200).submit(image("hero", "A lighthouse", "hero.jpg"));

        Path file = result.immediateResults().get(0).localFile();
        assertThat(file.getFileName().toString()).endsWith(".jpg");
        assertThat(sniff(file)).isEqualTo(MediaFormat.JPEG);
        BufferedImage decoded = ImageIO.read(file.toFile());
        assertThat(decoded.getWidth()).isEqualTo(300);
        assertThat(decoded.getHeight()).isEqualTo(200);
    }

    @Test
    void aWebpOutputGetsAPngBecauseTheJdkCannotWriteWebp() throws Exception {
        SubmitResult result = client(64, 64).submit(image("icon", "An icon", "icon.webp"));

        Path file = result.immediateResults().get(0).localFile();
        assertThat(file.getFileName().toString()).endsWith(".png");
        assertThat(sniff(file)).isEqualTo(MediaFormat.PNG);
    }

    @Test
    void theSameRequestGivesTheSameBytesEvenInAnotherWorkDirectory(@TempDir Path otherWork) throws Exception {
        AssetRequest request = image("hero", "A lighthouse at dusk, with fog", "hero.png");
        Path first = client(400, 300).submit(request).immediateResults().get(0).localFile();
        Path second = new PlaceholderClient(r -> new PlaceholderSizer.Size(400, 300, 0), otherWork)
                .submit(request)
                .immediateResults()
                .get(0)
                .localFile();

        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void differentPromptsGiveDifferentBytes() throws Exception {
        PlaceholderClient client = client(400, 300);
        Path first = client.submit(image("hero", "A lighthouse at dusk", "hero.png"))
                .immediateResults()
                .get(0)
                .localFile();
        Path second = client.submit(image("hero", "A harbour at dawn", "hero.png"))
                .immediateResults()
                .get(0)
                .localFile();

        assertThat(Files.readAllBytes(second)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void aQuantityOfThreeRendersThreeDifferentFilesUnderOneJob() throws Exception {
        SubmitResult result =
                client(200, 200).submit(image("set", "Three icons", "set-1.png", "set-2.png", "set-3.png"));

        assertThat(result.jobs()).hasSize(1);
        assertThat(result.immediateResults()).hasSize(3);
        List<byte[]> contents =
                result.immediateResults().stream().map(r -> read(r.localFile())).toList();
        assertThat(contents.get(0)).isNotEqualTo(contents.get(1));
        assertThat(contents.get(1)).isNotEqualTo(contents.get(2));
        for (ResultLocation location : result.immediateResults()) {
            assertThat(ImageIO.read(location.localFile().toFile()).getWidth()).isEqualTo(200);
        }
    }

    @Test
    void pollingTheJobReturnsTheSameFilesInOrder() throws Exception {
        PlaceholderClient client = client(100, 100);
        SubmitResult result = client.submit(image("set", "Two icons", "set-1.png", "set-2.jpg"));

        JobState state = client.poll(result.jobs().get(0));

        assertThat(state).isInstanceOf(JobState.Succeeded.class);
        assertThat(((JobState.Succeeded) state).results()).isEqualTo(result.immediateResults());
    }

    @Test
    void pollingARenderThatWasDeletedFailsWithAHint() throws Exception {
        JobState state = client(100, 100).poll(new JobRef("placeholder", "render", "0123456789abcdef01234567"));

        assertThat(state)
                .isInstanceOfSatisfying(
                        JobState.Failed.class,
                        failed -> assertThat(failed.message()).contains("run the build again"));
    }

    @Test
    void aLongPromptStillRendersAtATinySize() throws Exception {
        String prompt = "word ".repeat(2000) + "x".repeat(3000);

        Path file = client(48, 32)
                .submit(image("tiny", prompt, "tiny.png"))
                .immediateResults()
                .get(0)
                .localFile();

        BufferedImage decoded = ImageIO.read(file.toFile());
        assertThat(decoded.getWidth()).isEqualTo(48);
        assertThat(decoded.getHeight()).isEqualTo(32);
    }

    @Test
    void aVideoIsAnH264Mp4OfTheRequestedSizeAndDuration() throws Exception {
        SubmitResult result = client(320, 180, 2).submit(video("intro", "Slow dolly over a misty harbour"));

        Path file = result.immediateResults().get(0).localFile();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ftyp");
        assertThat(sniff(file)).isEqualTo(MediaFormat.MP4);
        try (SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile())) {
            DemuxerTrackMeta meta =
                    MP4Demuxer.createMP4Demuxer(channel).getVideoTrack().getMeta();
            assertThat(meta.getCodec()).isEqualTo(org.jcodec.common.Codec.H264);
            assertThat(meta.getTotalDuration()).isEqualTo(2.0);
            assertThat(meta.getTotalFrames()).isEqualTo(8);
            assertThat(meta.getVideoCodecMeta().getSize().getWidth()).isEqualTo(320);
            assertThat(meta.getVideoCodecMeta().getSize().getHeight()).isEqualTo(180);
        }
        org.jcodec.common.model.Picture frame = org.jcodec.api.FrameGrab.getFrameFromFile(file.toFile(), 7);
        assertThat(frame.getCroppedWidth()).isEqualTo(320);
        assertThat(frame.getCroppedHeight()).isEqualTo(180);
    }

    @Test
    void theSameVideoRequestGivesTheSameBytes(@TempDir Path otherWork) throws Exception {
        AssetRequest request = video("intro", "Waves");
        Path first =
                client(160, 96, 1).submit(request).immediateResults().get(0).localFile();
        Path second = new PlaceholderClient(r -> new PlaceholderSizer.Size(160, 96, 1), otherWork)
                .submit(request)
                .immediateResults()
                .get(0)
                .localFile();

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anOddVideoSizeIsRoundedUpToEven() throws Exception {
        Path file = client(161, 91, 1)
                .submit(video("odd", "Odd"))
                .immediateResults()
                .get(0)
                .localFile();

        try (SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile())) {
            DemuxerTrackMeta meta =
                    MP4Demuxer.createMP4Demuxer(channel).getVideoTrack().getMeta();
            assertThat(meta.getVideoCodecMeta().getSize().getWidth()).isEqualTo(162);
            assertThat(meta.getVideoCodecMeta().getSize().getHeight()).isEqualTo(92);
        }
    }

    @Test
    void aVideoWithoutADurationIsRejectedWithTheModelName() {
        assertThatThrownBy(() -> client(320, 180, 0).submit(video("intro", "Waves")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
                    assertThat(e.getMessage())
                            .contains("intro")
                            .contains("T2V-2.3")
                            .contains("0 s");
                });
    }

    @Test
    void anImageTooLargeToRenderIsRejectedBeforeAnyMemoryIsSpent() {
        assertThatThrownBy(() -> client(10_000, 10_000).submit(image("huge", "Huge", "huge.png")))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.getMessage()).contains("10000x10000").contains("huge"));
    }

    @Test
    void downloadCopiesTheRenderAndReportsFormatSizeAndSha256() throws Exception {
        PlaceholderClient client = client(120, 80);
        ResultLocation render = client.submit(image("hero", "A lighthouse", "hero.png"))
                .immediateResults()
                .get(0);
        Path target = out.resolve("img/hero.png");

        DownloadedFile downloaded = client.download(render, target);

        byte[] expected = Files.readAllBytes(render.localFile());
        assertThat(downloaded.path()).isEqualTo(target);
        assertThat(downloaded.format()).isEqualTo(MediaFormat.PNG);
        assertThat(downloaded.size()).isEqualTo(expected.length);
        assertThat(downloaded.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
        assertThat(Files.readAllBytes(target)).isEqualTo(expected);
        try (var listing = Files.list(target.getParent())) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void downloadReplacesAnExistingTargetAndLeavesNoTemporaryFileWhenTheRenderIsGone() throws Exception {
        PlaceholderClient client = client(120, 80);
        ResultLocation render = client.submit(image("hero", "A lighthouse", "hero.png"))
                .immediateResults()
                .get(0);
        Path target = out.resolve("hero.png");
        Files.writeString(target, "old");

        client.download(render, target);
        assertThat(sniff(target)).isEqualTo(MediaFormat.PNG);

        Files.delete(render.localFile());
        Path other = out.resolve("other.png");
        assertThatThrownBy(() -> client.download(render, other))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("is gone"));
        try (var listing = Files.list(out)) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void downloadRefusesAnUrlResult() {
        assertThatThrownBy(() -> client(10, 10)
                        .download(ResultLocation.ofUrl("https://example.com/a.png"), out.resolve("a.png")))
                .isInstanceOf(ProviderException.class);
    }

    @Test
    void theFrameCountKeepsBigVideosAffordable() {
        assertThat(Mp4Renderer.frameCount(320, 180, 2)).isEqualTo(8);
        assertThat(Mp4Renderer.frameCount(1280, 720, 6)).isEqualTo(10);
        assertThat(Mp4Renderer.frameCount(1920, 1080, 6)).isEqualTo(6);
        assertThat(Mp4Renderer.frameCount(3840, 2160, 8)).isEqualTo(8);
        assertThat(Mp4Renderer.frameCount(3840, 2160, 30)).isEqualTo(8);
    }

    private PlaceholderClient client(int width, int height) {
        return client(width, height, 0);
    }

    private static MediaFormat sniff(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return MediaFormat.sniff(bytes, bytes.length);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
