package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generate scenarios on the {@code generate} project (useapi: images hero and logo, video intro): what the
 * first build sends and writes, and that later builds send nothing unless a request really changed.
 */
class GenerateIT extends ItSupport {

    private static final String SPEC = "src/main/assets/site.yaml";

    private static final String REFORMATTED = """
            # the same assets: keys reordered, other indentation, other quoting
            assets:
                -   prompt: 'A lighthouse at dusk, long exposure'
                    output: img/hero.png
                    resolution: 1K
                    id: hero
                    aspectRatio: '16:9'
                -   aspectRatio: "1:1"
                    id: logo
                    prompt: A flat vector logo of a paper boat
                -   options: 768p-6sec
                    prompt: "Slow dolly over a misty harbour [Push in]"
                    model: T2V-2.3
                    output: video/intro.mp4
                    type: video
                    id: intro
            defaults:
                model: nano-banana-2
                provider: useapi
            """;

    private MavenBuild generated() {
        MavenBuild build = prepare("generate");
        build.run(fakes.args(GENERATE)).assertSuccess();
        return build;
    }

    private Map<String, String> outputHashes(MavenBuild build) {
        return Map.of(
                "hero", sha256(build.outputDir().resolve("img/hero.png")),
                "logo", sha256(build.outputDir().resolve("logo.png")),
                "intro", sha256(build.outputDir().resolve("video/intro.mp4")));
    }

    @Test
    void theFirstBuildGeneratesEveryAssetAndWritesTheLock() {
        MavenBuild build = prepare("generate");

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertSuccess();
        assertThat(fakes.useapi.createRequests(FakeUseapi.IMAGES_CREATE)).isEqualTo(2);
        assertThat(fakes.useapi.createRequests(FakeUseapi.VIDEOS_CREATE)).isEqualTo(1);
        assertThat(fakes.minimax.requests() + fakes.apixo.requests()).isZero();
        assertThat(fakes.useapi.createdPrompts())
                .containsExactlyInAnyOrder(
                        "A lighthouse at dusk, long exposure",
                        "A flat vector logo of a paper boat",
                        "Slow dolly over a misty harbour [Push in]");
        assertThat(fakes.useapi.createBodies()).anySatisfy(body -> {
            assertThat(body.path("model").asText()).isEqualTo("T2V-2.3");
            assertThat(body.path("options").asText()).isEqualTo("768p-6sec");
        });
        assertThat(fakes.useapi.createBodies()).anySatisfy(body -> {
            assertThat(body.path("model").asText()).isEqualTo("nano-banana-2");
            assertThat(body.path("aspectRatio").asText()).isEqualTo("16:9");
            assertThat(body.path("resolution").asText()).isEqualTo("1K");
        });
        // the clean downloadURL, never the watermarked videoURL
        assertThat(fakes.useapi.calls()).noneMatch(c -> c.rawTarget().startsWith("/cdn/wm-"));
        assertThat(fakes.useapi.downloadsWithAuthorization())
                .as("token sent to the CDN")
                .isZero();

        assertPng(build.outputDir().resolve("img/hero.png"));
        assertPng(build.outputDir().resolve("logo.png"));
        assertMp4(build.outputDir().resolve("video/intro.mp4"));
        assertThat(build.lockFile()).isRegularFile();
        assertThat(lockKey(build.lockFile(), "hero")).isNotEqualTo(lockKey(build.lockFile(), "logo"));
        lockKey(build.lockFile(), "intro");
        assertThat(build.file("target/assetgen/report.json")).isRegularFile();
        assertThat(build.file("target/assetgen/report.html")).isRegularFile();
        assertThat(build.file("target/assetgen/TEST-assetgen.xml")).isRegularFile();
        assertProgressLines(result);
    }

    /** What a person follows: submitted with the estimate, the percent, landed with time and cost, the summary. */
    private static void assertProgressLines(BuildResult result) {
        assertThat(result.lines())
                .anyMatch(l -> l.matches(
                        "\\[INFO] \\[hero] submitted to useapi/nano-banana-2, job \\S+ \\(estimate 4 credits\\)"))
                .anyMatch(l -> l.matches(
                        "\\[INFO] \\[intro] submitted to useapi/T2V-2\\.3, job \\S+ \\(estimate 25 credits\\)"))
                // the fake answers statusLabel "processing" and percent 10 to a video's first poll
                .anyMatch(l -> l.equals("[INFO] [intro] processing 10%"))
                .anyMatch(l -> l.matches("\\[INFO] \\[hero] generated img/hero\\.png in \\d+ s, spent 4 credits"))
                .anyMatch(l -> l.matches("\\[INFO] \\[intro] generated video/intro\\.mp4 in \\d+ s, spent 25 credits"))
                .anyMatch(l -> l.matches("\\[INFO] assetgen: 3 asset\\(s\\): 3 generated; spent 33 credits at useapi;"
                        + " the locked assets cost 33 credits; took \\d+ s"));
        // plain text: no escape sequences in the asset lines (Maven's own launcher may add a colour reset at
        // the end), and no carriage-return rewriting of a line
        assertThat(result.lines())
                .filteredOn(l -> l.matches("\\[INFO] \\[(hero|logo|intro)] .*") || l.contains("assetgen: "))
                .hasSizeGreaterThanOrEqualTo(7)
                .noneMatch(l -> l.contains("\u001b"));
        assertThat(result.log()).doesNotContain("\r");
    }

    @Test
    void aQuietBuildPrintsNoProgressButStillItsErrors() {
        MavenBuild build = prepare("generate");
        replace(
                build.file(SPEC),
                "A flat vector logo of a paper boat",
                "A flat vector logo " + FakeProvider.MODERATE_MARKER);

        BuildResult result = build.run(fakes.args(GENERATE, "-q"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log())
                .doesNotContain("submitted to")
                .doesNotContain("] generated ")
                .doesNotContain("processing 10%")
                .doesNotContain("asset(s): ")
                .contains("[ERROR] [logo] failed after ")
                .contains("spent nothing: moderated by useapi");
        assertPng(build.outputDir().resolve("img/hero.png"));
    }

    @Test
    void theSecondBuildSendsNothingAndCopiesNothing() throws Exception {
        MavenBuild build = generated();
        int requestsAfterFirst = fakes.requests();
        Path hero = build.outputDir().resolve("img/hero.png");
        FileTime heroTime = Files.getLastModifiedTime(hero);
        String lock = read(build.lockFile());

        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.requests()).as("requests of the second build").isEqualTo(requestsAfterFirst);
        assertThat(fakes.createRequests()).isEqualTo(3);
        assertThat(Files.getLastModifiedTime(hero)).isEqualTo(heroTime);
        assertThat(read(build.lockFile())).isEqualTo(lock);
    }

    @Test
    void afterCleanEverythingIsRestoredFromTheCacheWithNothingSent() {
        MavenBuild build = generated();
        Map<String, String> before = outputHashes(build);
        int requestsAfterFirst = fakes.requests();
        int downloadsAfterFirst = fakes.useapi.downloads();

        build.deleteTarget();
        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.requests()).isEqualTo(requestsAfterFirst);
        assertThat(fakes.useapi.downloads()).isEqualTo(downloadsAfterFirst);
        assertThat(fakes.createRequests()).isEqualTo(3);
        assertThat(outputHashes(build)).isEqualTo(before);
    }

    @Test
    void changingOnePromptRegeneratesOnlyThatAsset() {
        MavenBuild build = generated();
        String logoKey = lockKey(build.lockFile(), "logo");
        String introKey = lockKey(build.lockFile(), "intro");
        String heroKey = lockKey(build.lockFile(), "hero");
        String logoHash = sha256(build.outputDir().resolve("logo.png"));

        replace(build.file(SPEC), "A lighthouse at dusk, long exposure", "A lighthouse at dawn, long exposure");
        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.createRequests()).isEqualTo(4);
        assertThat(fakes.useapi.createdPrompts().get(3)).isEqualTo("A lighthouse at dawn, long exposure");
        assertThat(lockKey(build.lockFile(), "hero")).isNotEqualTo(heroKey);
        assertThat(lockKey(build.lockFile(), "logo")).isEqualTo(logoKey);
        assertThat(lockKey(build.lockFile(), "intro")).isEqualTo(introKey);
        assertThat(sha256(build.outputDir().resolve("logo.png"))).isEqualTo(logoHash);
        assertPng(build.outputDir().resolve("img/hero.png"));
    }

    @Test
    void reformattingTheSpecChangesNothing() {
        MavenBuild build = generated();
        int requestsAfterFirst = fakes.requests();
        String lock = read(build.lockFile());
        Map<String, String> before = outputHashes(build);

        write(build.file(SPEC), REFORMATTED);
        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.requests()).isEqualTo(requestsAfterFirst);
        assertThat(fakes.createRequests()).isEqualTo(3);
        assertThat(read(build.lockFile())).isEqualTo(lock);
        assertThat(outputHashes(build)).isEqualTo(before);
    }
}
