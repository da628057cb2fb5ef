package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetgen.it.FakeProvider.Call;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * MiniMax's official API end to end ({@code minimax-official} project: trailer, a text-to-video; wake, an I2V-01
 * video from a local first frame; keeper, an image with a local subject reference): videos go create → query until
 * Success → files/retrieve → download, and local pictures travel inline as data URLs.
 */
class MinimaxOfficialIT extends ItSupport {

    private static final byte[] START = TestMedia.png(40, 30, 5);
    private static final byte[] FACE = TestMedia.jpeg(30, 40, 6);

    private MavenBuild project() {
        MavenBuild build = prepare("minimax-official");
        writeBytes(build.file("src/main/assets/refs/start.png"), START);
        writeBytes(build.file("src/main/assets/refs/face.jpg"), FACE);
        return build;
    }

    private static JsonNode createOf(String model) {
        List<JsonNode> bodies = fakes.minimax.createBodies().stream()
                .filter(b -> model.equals(b.path("model").asText()))
                .toList();
        assertThat(bodies).as("creates of " + model).hasSize(1);
        return bodies.get(0);
    }

    private static String dataUrl(String mediaType, byte[] content) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(content);
    }

    @Test
    void videosArePolledUntilSuccessRetrievedAndDownloadedAndLocalPicturesGoAsDataUrls() {
        MavenBuild build = project();
        // two running answers (Queueing, Processing) before Success
        fakes.minimax.pollsBeforeDone(2);

        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.minimax.createRequests(FakeMinimax.VIDEO_GENERATION)).isEqualTo(2);
        assertThat(fakes.minimax.createRequests(FakeMinimax.IMAGE_GENERATION)).isEqualTo(1);
        assertThat(fakes.minimax.acceptedCreates()).isEqualTo(3);
        assertThat(fakes.minimax.unauthorized()).isZero();
        assertThat(fakes.useapi.requests() + fakes.apixo.requests()).isZero();

        JsonNode trailer = createOf("MiniMax-Hailuo-2.3");
        assertThat(trailer.path("prompt").asText()).isEqualTo("A paper boat drifts across a puddle [Tracking shot]");
        assertThat(trailer.path("resolution").asText()).isEqualTo("768P");
        assertThat(trailer.path("duration").asInt()).isEqualTo(6);
        assertThat(trailer.has("first_frame_image")).isFalse();
        JsonNode wake = createOf("I2V-01");
        assertThat(wake.path("first_frame_image").asText()).isEqualTo(dataUrl("image/png", START));
        assertThat(wake.has("subject_reference")).isFalse();
        JsonNode keeper = createOf("image-01");
        assertThat(keeper.path("aspect_ratio").asText()).isEqualTo("3:4");
        assertThat(keeper.path("subject_reference")).hasSize(1);
        assertThat(keeper.path("subject_reference").get(0).path("type").asText())
                .isEqualTo("character");
        assertThat(keeper.path("subject_reference").get(0).path("image_file").asText())
                .isEqualTo(dataUrl("image/jpeg", FACE));

        List<Call> calls = fakes.minimax.calls();
        Map<String, List<Integer>> queriesByTask = new TreeMap<>();
        Map<String, List<Integer>> retrievesByFile = new TreeMap<>();
        for (int i = 0; i < calls.size(); i++) {
            String target = calls.get(i).rawTarget();
            if (target.startsWith("/v1/query/video_generation?task_id=")) {
                queriesByTask
                        .computeIfAbsent(target.substring(target.indexOf('=') + 1), t -> new ArrayList<>())
                        .add(i);
            } else if (target.startsWith("/v1/files/retrieve?file_id=")) {
                retrievesByFile
                        .computeIfAbsent(target.substring(target.indexOf('=') + 1), t -> new ArrayList<>())
                        .add(i);
            }
        }
        assertThat(queriesByTask).as("query calls by task").hasSize(2);
        assertThat(retrievesByFile).as("retrieve calls by file").hasSize(2);
        for (Map.Entry<String, List<Integer>> task : queriesByTask.entrySet()) {
            // Queueing, Processing, Success: a running state other than Processing is not final either
            assertThat(task.getValue()).as("queries of task " + task.getKey()).hasSize(3);
            String fileId = FakeMinimax.fileIdOf(task.getKey());
            assertThat(retrievesByFile.get(fileId))
                    .as("retrieves of file " + fileId)
                    .hasSize(1);
            assertThat(retrievesByFile.get(fileId).get(0))
                    .as("retrieved after the Success answer")
                    .isGreaterThan(task.getValue().get(2));
        }
        assertThat(fakes.minimax.downloads()).as("two videos and one image").isEqualTo(3);
        assertThat(fakes.minimax.downloadsWithAuthorization()).isZero();

        assertMp4(build.outputDir().resolve("video/trailer.mp4"));
        assertThat(bytes(build.outputDir().resolve("video/trailer.mp4"))).isEqualTo(TestMedia.mp4());
        assertThat(bytes(build.outputDir().resolve("video/wake.mp4"))).isEqualTo(TestMedia.mp4());
        assertPng(build.outputDir().resolve("keeper.png"));

        String mp4Sha = sha256(build.outputDir().resolve("video/trailer.mp4"));
        for (String id : List.of("trailer", "wake")) {
            JsonNode entry = lockEntry(build.lockFile(), id);
            assertThat(entry.path("provider").asText()).isEqualTo("minimax");
            assertThat(entry.path("files")).hasSize(1);
            assertThat(entry.path("files").get(0).path("sha256").asText()).isEqualTo(mp4Sha);
            assertThat(entry.path("jobIds")).hasSize(1);
            assertThat(queriesByTask).containsKey(entry.path("jobIds").get(0).asText());
        }
        assertThat(lockEntry(build.lockFile(), "trailer").path("model").asText())
                .isEqualTo("MiniMax-Hailuo-2.3");
        assertThat(lockEntry(build.lockFile(), "wake").path("model").asText()).isEqualTo("I2V-01");
        JsonNode keeperEntry = lockEntry(build.lockFile(), "keeper");
        assertThat(keeperEntry.path("model").asText()).isEqualTo("image-01");
        assertThat(keeperEntry.path("files").get(0).path("sha256").asText())
                .isEqualTo(sha256(build.outputDir().resolve("keeper.png")));
        assertThat(keeperEntry.path("files").get(0).path("path").asText()).isEqualTo("keeper.png");
        assertThat(lockKey(build.lockFile(), "trailer")).isNotEqualTo(lockKey(build.lockFile(), "wake"));
    }

    @Test
    void aCreateAnsweredWithMiniMaxsOwnTimeoutIsNeverSentAgainAndTheOthersLand() {
        MavenBuild build = project();
        // the first create is made and charged, but its answer is 200 with status_code 1001 "request timeout"
        fakes.minimax.timeoutFirstCreates(1);

        BuildResult result = build.run(fakes.args(GENERATE)).assertFailure();

        assertThat(fakes.minimax.acceptedCreates()).as("every create was made").isEqualTo(3);
        assertThat(fakes.minimax.createRequests()).as("and none was sent twice").isEqualTo(3);
        List<String> maybePaid = result.log()
                .lines()
                .filter(line -> line.startsWith("[ERROR] [") && line.contains("may already be paid"))
                .toList();
        assertThat(maybePaid).singleElement().asString().contains("request timeout", "status_code 1001");
        long landed = Stream.of("video/trailer.mp4", "video/wake.mp4", "keeper.png")
                .filter(file -> Files.exists(build.outputDir().resolve(file)))
                .count();
        assertThat(landed).as("the two other assets land").isEqualTo(2);
    }
}
