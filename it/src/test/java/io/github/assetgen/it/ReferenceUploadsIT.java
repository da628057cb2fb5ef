package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.it.FakeProvider.Call;
import io.github.assetgen.it.FakeUseapi.Upload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Local input files through useapi ({@code references} project: styled with two references, portrait with an image-01
 * character, opening an I2V-01 video whose first frame holds the same bytes as styled's first reference): what is
 * uploaded, how the creates name the uploads, and that uploads are remembered across builds.
 */
class ReferenceUploadsIT extends ItSupport {

    private static final String SPEC = "src/main/assets/refs.yaml";
    private static final String ACCOUNT = "200002";
    private static final String UPLOAD_TARGET = "/v1/minimax/files/?account=" + ACCOUNT;

    private static final byte[] STYLE = TestMedia.png(40, 30, 1);
    private static final byte[] PALETTE = TestMedia.jpeg(40, 30, 2);
    private static final byte[] FACE = TestMedia.jpeg(30, 40, 3);

    /** The project with its pictures written; frames/start.png is a byte-for-byte copy of refs/style.png. */
    private MavenBuild project() {
        MavenBuild build = prepare("references");
        writeBytes(build.file("src/main/assets/refs/style.png"), STYLE);
        writeBytes(build.file("src/main/assets/refs/palette.jpg"), PALETTE);
        writeBytes(build.file("src/main/assets/refs/face.jpg"), FACE);
        writeBytes(build.file("src/main/assets/frames/start.png"), STYLE);
        return build;
    }

    private MavenBuild generated() {
        MavenBuild build = project();
        build.run(fakes.args(GENERATE)).assertSuccess();
        return build;
    }

    /** The file id the fake gave the upload of exactly these bytes; fails unless there was exactly one. */
    private static String fileIdOf(byte[] content) {
        List<Upload> matching = fakes.useapi.uploadRecords().stream()
                .filter(u -> Arrays.equals(u.content(), content))
                .toList();
        assertThat(matching).as("uploads of the same bytes").hasSize(1);
        return matching.get(0).fileId();
    }

    /** The create bodies of one model, in arrival order. */
    private static List<JsonNode> createsOf(String model) {
        return fakes.useapi.createBodies().stream()
                .filter(b -> model.equals(b.path("model").asText()))
                .toList();
    }

    private static List<String> fileFields(JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (name.toLowerCase(Locale.ROOT).contains("fileid")) {
                fields.add(name);
            }
        });
        return fields;
    }

    @Test
    void eachDistinctPictureIsUploadedOnceAsARawBodyAndTheCreatesNameTheReturnedIds() {
        MavenBuild build = project();

        build.run(fakes.args(GENERATE)).assertSuccess();

        List<Upload> uploads = fakes.useapi.uploadRecords();
        assertThat(uploads)
                .as("style.png and frames/start.png are the same bytes")
                .hasSize(3);
        assertThat(uploads).allSatisfy(u -> assertThat(u.account()).isEqualTo(ACCOUNT));
        List<Call> uploadCalls = fakes.useapi.calls().stream()
                .filter(c -> c.rawTarget().startsWith("/v1/minimax/files"))
                .toList();
        assertThat(uploadCalls).hasSize(3).allSatisfy(c -> {
            assertThat(c.method()).isEqualTo("POST");
            assertThat(c.rawTarget()).isEqualTo(UPLOAD_TARGET);
        });
        // raw bodies: the exact file bytes, not a multipart envelope
        assertThat(uploadCalls).anySatisfy(c -> {
            assertThat(c.contentType()).isEqualTo("image/png");
            assertThat(c.body()).isEqualTo(STYLE);
        });
        assertThat(uploadCalls).anySatisfy(c -> {
            assertThat(c.contentType()).isEqualTo("image/jpeg");
            assertThat(c.body()).isEqualTo(PALETTE);
        });
        assertThat(uploadCalls).anySatisfy(c -> {
            assertThat(c.contentType()).isEqualTo("image/jpeg");
            assertThat(c.body()).isEqualTo(FACE);
        });
        String style = fileIdOf(STYLE);
        String palette = fileIdOf(PALETTE);
        String face = fileIdOf(FACE);

        assertThat(fakes.useapi.createRequests(FakeUseapi.IMAGES_CREATE)).isEqualTo(2);
        assertThat(fakes.useapi.createRequests(FakeUseapi.VIDEOS_CREATE)).isEqualTo(1);
        assertThat(fakes.useapi.acceptedCreates())
                .as("every file id was known to the fake")
                .isEqualTo(3);
        assertThat(fakes.minimax.requests() + fakes.apixo.requests()).isZero();

        JsonNode styled = createsOf("nano-banana-2").get(0);
        assertThat(fileFields(styled)).containsExactly("referenceFileId1", "referenceFileId2");
        assertThat(styled.path("referenceFileId1").asText()).isEqualTo(style);
        assertThat(styled.path("referenceFileId2").asText()).isEqualTo(palette);
        assertThat(styled.path("account").asText()).isEqualTo(ACCOUNT);

        JsonNode portrait = createsOf("image-01").get(0);
        assertThat(fileFields(portrait)).containsExactly("characterFileId");
        assertThat(portrait.path("characterFileId").asText()).isEqualTo(face);
        assertThat(portrait.path("account").asText()).isEqualTo(ACCOUNT);

        JsonNode opening = createsOf("I2V-01").get(0);
        assertThat(fileFields(opening)).containsExactly("fileID");
        assertThat(opening.path("fileID").asText()).isEqualTo(style);
        assertThat(opening.path("account").asText()).isEqualTo(ACCOUNT);

        assertPng(build.outputDir().resolve("styled.png"));
        assertPng(build.outputDir().resolve("portrait.png"));
        assertMp4(build.outputDir().resolve("video/opening.mp4"));
        lockKey(build.lockFile(), "styled");
        lockKey(build.lockFile(), "portrait");
        lockKey(build.lockFile(), "opening");
    }

    @Test
    void aLaterBuildThatRegeneratesReusesTheRememberedFileIdsWithoutUploadingAgain() {
        MavenBuild build = generated();
        String style = fileIdOf(STYLE);
        String palette = fileIdOf(PALETTE);
        String styledKey = lockKey(build.lockFile(), "styled");
        String portraitKey = lockKey(build.lockFile(), "portrait");

        replace(build.file(SPEC), "A harbour at noon", "A harbour at dusk");
        replace(build.file(SPEC), "The harbour wakes up", "The harbour falls asleep");
        build.deleteTarget();
        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.useapi.uploads()).as("uploads over both builds").isEqualTo(3);
        assertThat(fakes.useapi.createRequests(FakeUseapi.IMAGES_CREATE))
                .as("styled again; portrait restored")
                .isEqualTo(3);
        assertThat(fakes.useapi.createRequests(FakeUseapi.VIDEOS_CREATE)).isEqualTo(2);
        assertThat(fakes.useapi.acceptedCreates()).isEqualTo(5);

        JsonNode styled = createsOf("nano-banana-2").get(1);
        assertThat(styled.path("prompt").asText()).startsWith("A harbour at dusk");
        assertThat(styled.path("referenceFileId1").asText()).isEqualTo(style);
        assertThat(styled.path("referenceFileId2").asText()).isEqualTo(palette);
        JsonNode opening = createsOf("I2V-01").get(1);
        assertThat(opening.path("prompt").asText()).isEqualTo("The harbour falls asleep [Push in]");
        assertThat(opening.path("fileID").asText()).isEqualTo(style);

        assertThat(lockKey(build.lockFile(), "styled")).isNotEqualTo(styledKey);
        assertThat(lockKey(build.lockFile(), "portrait")).isEqualTo(portraitKey);
        assertPng(build.outputDir().resolve("styled.png"));
        assertPng(build.outputDir().resolve("portrait.png"));
        assertMp4(build.outputDir().resolve("video/opening.mp4"));
    }

    @Test
    void aRebuildAfterUseapiForgotTheUploadsUploadsThePictureAgainAndSendsTheCreateOnceMore() {
        MavenBuild build = generated();
        String oldFace = fileIdOf(FACE);
        int callsBefore = fakes.useapi.calls().size();
        fakes.useapi.forgetUploads();

        replace(build.file(SPEC), "front view", "side view");
        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.useapi.uploads()).as("face.jpg once more").isEqualTo(4);
        Upload again = fakes.useapi.uploadRecords().get(3);
        assertThat(again.content()).isEqualTo(FACE);
        assertThat(again.account()).isEqualTo(ACCOUNT);
        assertThat(again.fileId()).isNotEqualTo(oldFace);
        List<Call> later = fakes
                .useapi
                .calls()
                .subList(callsBefore, fakes.useapi.calls().size())
                .stream()
                .filter(c -> c.method().equals("POST"))
                .toList();
        assertThat(later)
                .extracting(Call::rawTarget)
                .containsExactly(
                        "/v1/minimax/" + FakeUseapi.IMAGES_CREATE,
                        UPLOAD_TARGET,
                        "/v1/minimax/" + FakeUseapi.IMAGES_CREATE);
        assertThat(later.get(1).contentType()).isEqualTo("image/jpeg");
        assertThat(later.get(1).body()).as("a raw body").isEqualTo(FACE);

        List<JsonNode> portraits = createsOf("image-01");
        assertThat(portraits)
                .as("first build, then the 400 and the one accepted resend")
                .hasSize(3);
        assertThat(portraits.get(1).path("prompt").asText()).endsWith("side view");
        assertThat(portraits.get(1).path("characterFileId").asText()).isEqualTo(oldFace);
        assertThat(portraits.get(2).path("prompt").asText()).endsWith("side view");
        assertThat(portraits.get(2).path("characterFileId").asText()).isEqualTo(again.fileId());
        assertThat(fakes.useapi.createRequests(FakeUseapi.IMAGES_CREATE)).isEqualTo(4);
        assertThat(fakes.useapi.createRequests(FakeUseapi.VIDEOS_CREATE)).isEqualTo(1);
        assertThat(fakes.useapi.acceptedCreates())
                .as("three in the first build, portrait in the second")
                .isEqualTo(4);
        assertPng(build.outputDir().resolve("portrait.png"));
    }

    @Test
    void changedPictureBytesRegenerateTheAssetAndAreUploadedOnce() {
        MavenBuild build = generated();
        String portraitKey = lockKey(build.lockFile(), "portrait");
        String styledKey = lockKey(build.lockFile(), "styled");
        byte[] newFace = TestMedia.jpeg(30, 40, 4);

        writeBytes(build.file("src/main/assets/refs/face.jpg"), newFace);
        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.useapi.uploads()).isEqualTo(4);
        assertThat(fakes.useapi.uploadRecords().get(3).content()).isEqualTo(newFace);
        assertThat(fakes.useapi.uploadRecords().get(3).contentType()).isEqualTo("image/jpeg");
        assertThat(fakes.useapi.createRequests()).as("only portrait again").isEqualTo(4);
        JsonNode portrait = createsOf("image-01").get(1);
        assertThat(portrait.path("characterFileId").asText()).isEqualTo(fileIdOf(newFace));
        assertThat(lockKey(build.lockFile(), "portrait")).isNotEqualTo(portraitKey);
        assertThat(lockKey(build.lockFile(), "styled")).isEqualTo(styledKey);
    }
}
