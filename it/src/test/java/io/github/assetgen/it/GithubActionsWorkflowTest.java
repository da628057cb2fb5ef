package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/examples/ci/github-actions.yml}: valid for GitHub (checked by {@code @action-validator/cli} from npm,
 * which {@code .ci/run} installs into {@code .ci/tools}), and naming the plugin's real properties and files.
 */
class GithubActionsWorkflowTest {

    static final Path WORKFLOW = Path.of("..", "src", "examples", "ci", "github-actions.yml");
    private static final Path VALIDATOR = Path.of("..", ".ci", "tools", "node_modules", ".bin", "action-validator");
    private static final Pattern PROPERTY = Pattern.compile("-D([\\w.-]+)");

    @TempDir
    Path scratch;

    @Test
    void theWorkflowIsValidForGithub() throws Exception {
        Validation validation = validate(WORKFLOW);

        assertThat(validation.exitCode()).as(validation.output()).isZero();
    }

    @Test
    void theValidatorRejectsABrokenCopy() throws Exception {
        Path broken = scratch.resolve("broken.yml");
        String workflow = Files.readString(WORKFLOW, StandardCharsets.UTF_8);
        assertThat(workflow).contains("    runs-on:");
        Files.writeString(broken, workflow.replace("    runs-on:", "    runs_on:"), StandardCharsets.UTF_8);

        Validation validation = validate(broken);

        assertThat(validation.exitCode()).as(validation.output()).isNotZero();
    }

    @Test
    void pushesToMainSaveAndPullRequestsAreLockedWithRealProperties() throws Exception {
        JsonNode steps = job().path("steps");
        List<String> properties = new ArrayList<>();
        String save = null;
        String locked = null;
        for (JsonNode step : steps) {
            String run = step.path("run").asText("");
            Matcher matcher = PROPERTY.matcher(run);
            while (matcher.find()) {
                properties.add(matcher.group(1));
            }
            if (run.contains("-Dassetgen.remoteCache.save=true")) {
                save = step.path("if").asText();
            }
            if (run.contains("-Dassetgen.locked=true")) {
                locked = step.path("if").asText();
            }
        }

        assertThat(save).isEqualTo("github.event_name == 'push'");
        assertThat(locked).isEqualTo("github.event_name == 'pull_request'");
        assertThat(properties)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(PluginDescriptor.properties("generate-assets"))
                        .contains(p));
    }

    @Test
    void reportsAreUploadedEvenWhenTheBuildFailsFromFilesThePluginWrites() throws Exception {
        JsonNode job = job();
        JsonNode sarif = step(job, "github/codeql-action/upload-sarif");
        JsonNode gallery = step(job, "actions/upload-artifact");

        assertThat(job.path("permissions").path("security-events").asText()).isEqualTo("write");
        assertThat(sarif.path("if").asText()).isEqualTo("always()");
        assertThat(gallery.path("if").asText()).isEqualTo("always()");
        // the Jenkinsfile's IT runs a real build and checks these very files exist afterwards
        assertThat(JenkinsfileIT.publishedPatterns())
                .contains(sarif.path("with").path("sarif_file").asText());
        assertThat(JenkinsfileIT.publishedPatterns())
                .anyMatch(p -> p.startsWith(gallery.path("with").path("path").asText()));
    }

    @Test
    void theLocalCacheIsThePluginsDefaultCacheDirectoryKeyedByTheLock() throws Exception {
        JsonNode cache = step(job(), "actions/cache").path("with");

        // cacheDirectory's default is ${user.home}/.cache/assetgen (AbstractPlanningMojo)
        assertThat(cache.path("path").asText()).isEqualTo("~/.cache/assetgen");
        assertThat(cache.path("key").asText()).contains("hashFiles(").contains("assets.lock.json");
    }

    private static JsonNode job() throws IOException {
        JsonNode workflow = new YAMLMapper().readTree(WORKFLOW.toFile());
        return workflow.path("jobs").elements().next();
    }

    private static JsonNode step(JsonNode job, String action) {
        for (JsonNode step : job.path("steps")) {
            if (step.path("uses").asText("").startsWith(action + "@")) {
                return step;
            }
        }
        throw new AssertionError("no step uses " + action);
    }

    private record Validation(int exitCode, String output) {}

    private static Validation validate(Path workflow) throws Exception {
        requireValidator();
        Process process = new ProcessBuilder(
                        VALIDATOR.toAbsolutePath().toString(),
                        workflow.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Validation(process.exitValue(), output);
    }

    /** Skips without the npm tools, except under CI=true, where a missing validator fails (as nginx's tests do). */
    private static void requireValidator() {
        if (Files.isExecutable(VALIDATOR)) {
            return;
        }
        String why = VALIDATOR + " is missing; run npm ci --prefix .ci/tools (as .ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        assumeTrue(false, why);
    }
}
