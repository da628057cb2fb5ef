package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.it.FakeProvider.Hostile;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One build, several normal assets and one asset per hostile answer (a year-long Retry-After, a poll
 * body that trickles forever, a 64 MiB answer, an HTML page instead of the image, a tiny JPEG that
 * claims 20000 x 20000 pixels, a redirect to the cloud metadata address), under a small heap and a
 * short asset timeout: it ends in bounded time, the normal assets land, each hostile one fails by
 * name, and the lock and reports are written.
 */
class HostileProvidersIT extends ItSupport {

    private static final String SPEC = "src/main/assets/site.yaml";
    private static final String[] NORMAL = {"plain-one", "plain-two", "plain-three"};

    /** The asset id for a hostile answer: its marker in lower case. */
    private static String idOf(Hostile hostile) {
        return hostile.marker.toLowerCase(Locale.ROOT);
    }

    private static String spec() {
        StringBuilder yaml = new StringBuilder("""
                defaults:
                  provider: useapi
                  model: nano-banana-2
                  resolution: 1K
                  aspectRatio: "1:1"
                assets:
                """);
        for (String id : NORMAL) {
            yaml.append("  - id: ").append(id).append('\n');
            yaml.append("    prompt: \"A quiet harbour, ").append(id).append("\"\n");
            yaml.append("    output: img/").append(id).append(".png\n");
        }
        for (Hostile hostile : Hostile.values()) {
            yaml.append("  - id: ").append(idOf(hostile)).append('\n');
            yaml.append("    prompt: \"A quiet harbour ").append(hostile.marker).append("\"\n");
            yaml.append("    output: img/").append(idOf(hostile)).append(".png\n");
        }
        return yaml.toString();
    }

    @Test
    void hostileAnswersFailTheirAssetsOnlyAndTheBuildEndsInBoundedTime() {
        MavenBuild build = prepare("generate");
        write(build.file(SPEC), spec());
        long start = System.nanoTime();

        BuildResult result = build.startWithJvmOption(
                        "-Xmx256m", fakes.args(GENERATE, "-Dassetgen.timeout=20s", "-Dassetgen.useapi.maxJobs=16"))
                .await(Duration.ofMinutes(3));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("a 20 s asset timeout bounds the build").isLessThan(Duration.ofSeconds(150));
        result.assertFailure();
        assertThat(result.stackTraceLines()).isEmpty();
        for (String id : NORMAL) {
            assertPng(build.outputDir().resolve("img/" + id + ".png"));
            assertThat(lockEntry(build.lockFile(), id)).as(id + " is locked").isNotNull();
        }
        for (Hostile hostile : Hostile.values()) {
            String id = idOf(hostile);
            assertThat(result.log()).as(hostile + " fails by name").contains("[" + id + "]");
            assertThat(filesUnder(build.outputDir()))
                    .as(hostile + " lands nothing")
                    .noneMatch(path -> path.contains(id));
            assertThatThrownBy(() -> lockEntry(build.lockFile(), id))
                    .as(hostile + " is not locked")
                    .isInstanceOf(AssertionError.class);
        }
        assertThat(result.log())
                .contains("got text/html")
                .contains("20000x20000")
                .contains("private network")
                .doesNotContain("OutOfMemoryError");
        assertThat(build.lockFile()).isRegularFile();
        assertThat(build.file("target/assetgen/report.json")).isRegularFile();
        assertThat(build.file("target/assetgen/report.html")).isRegularFile();
        assertThat(fakes.useapi.downloadsWithAuthorization()).isZero();
    }
}
