package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.it.JenkinsPipeline.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/examples/ci/Jenkinsfile}, read by Groovy's parser (Jenkins itself is not on Maven Central) and carried
 * out the way Jenkins would: its two {@code mvn} commands run as real builds against the fake providers and a real
 * nginx as the shared cache, with the credentials its {@code withCredentials} binds, and every file its publishing
 * steps name must then exist.
 */
class JenkinsfileIT extends ItSupport {

    static final Path JENKINSFILE = Path.of("..", "src", "examples", "ci", "Jenkinsfile");

    /** Steps that name files of the build, and which of their arguments does. */
    private static final Map<String, String> FILE_STEPS =
            Map.of("junit", "testResults", "sarif", "pattern", "archiveArtifacts", "artifacts");

    private static final Pattern PROPERTY = Pattern.compile("-D([\\w.-]+)");
    private static final String CACHE_USER = "ci-bot";
    private static final String CACHE_PASSWORD = "cache-password-not-real";

    @TempDir
    Path serverDir;

    private NginxServer nginx;

    @AfterEach
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static JenkinsPipeline pipeline() {
        return JenkinsPipeline.parse(JENKINSFILE);
    }

    @Test
    void thePipelineUsesTheStepsTheReadmeNames() {
        JenkinsPipeline pipeline = pipeline();

        assertThat(pipeline.steps().stream().map(Step::name))
                .contains(
                        "pipeline",
                        "withCredentials",
                        "string",
                        "usernamePassword",
                        "sh",
                        "junit",
                        "publishHTML",
                        "recordIssues",
                        "sarif",
                        "archiveArtifacts");
        assertThat(pipeline.steps("junit"))
                .singleElement()
                .satisfies(s -> assertThat(s.isInside("always"))
                        .as("reports are published when the build fails too")
                        .isTrue());
    }

    @Test
    void mainSavesToTheSharedCacheAndEveryOtherBuildIsLocked() {
        Step save = mavenCommand("-Dassetgen.remoteCache.save=true");
        Step locked = mavenCommand("-Dassetgen.locked=true");

        assertThat(branchConditionOf(save)).isEqualTo("branch:main");
        assertThat(branchConditionOf(locked)).isEqualTo("not");
        assertThat(save.strings().get(0)).doesNotContain("-Dassetgen.locked");
        assertThat(locked.strings().get(0)).doesNotContain("remoteCache.save");
    }

    @Test
    void everyPropertyThePipelinePassesIsAParameterOfGenerateAssets() {
        Set<String> properties = PluginDescriptor.properties("generate-assets");
        List<String> passed = new ArrayList<>();
        for (Step sh : pipeline().steps("sh")) {
            Matcher matcher = PROPERTY.matcher(sh.strings().get(0));
            while (matcher.find()) {
                passed.add(matcher.group(1));
            }
        }

        assertThat(passed)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(properties)
                        .as("generate-assets parameters (plugin.xml)")
                        .contains(name));
        assertThat(properties).as("the parameters really were read").contains("assetgen.specDirectory");
    }

    @Test
    void credentialsAreBoundOnlyByWithCredentialsAndNeverPrinted() {
        JenkinsPipeline pipeline = pipeline();
        List<Step> bindings = new ArrayList<>(pipeline.steps("string"));
        bindings.addAll(pipeline.steps("usernamePassword"));
        Set<String> variables = new LinkedHashSet<>();
        for (Step binding : bindings) {
            assertThat(binding.isInside("withCredentials"))
                    .as(binding + " is a withCredentials binding")
                    .isTrue();
            assertThat(binding.named()).containsKey("credentialsId");
            binding.named().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("ariable"))
                    .forEach(e -> variables.add(e.getValue()));
        }
        Set<String> tokenVariables = new LinkedHashSet<>();
        for (ProviderDescriptor provider : ProviderRegistry.standard().remote()) {
            tokenVariables.add(provider.tokenVariable());
        }
        assertThat(pipeline.steps("string").stream().map(s -> s.named().get("variable")))
                .as("each provider's token variable, bound as a secret string")
                .containsAll(tokenVariables);
        assertThat(pipeline.steps("usernamePassword"))
                .as("the shared cache's writer")
                .singleElement()
                .satisfies(s -> assertThat(s.named()).containsKeys("usernameVariable", "passwordVariable"));

        assertThat(pipeline.steps())
                .as("no other way to credentials: an environment credentials() call or a withEnv")
                .noneMatch(s -> s.name().equals("credentials") || s.name().equals("withEnv"));
        for (JenkinsPipeline.Literal literal : pipeline.literals()) {
            for (String variable : variables) {
                if (literal.text().contains(variable)) {
                    assertThat(literal.text())
                            .as("only a binding names " + variable + " (path " + literal.path() + ")")
                            .isEqualTo(variable);
                }
            }
        }
        assertThat(pipeline.steps("echo")).isEmpty();
    }

    @Test
    void itsCommandsRunAndWriteEveryFileItPublishesOnMainAndOnAPullRequest() {
        nginx = NginxServer.start(serverDir, Map.of(CACHE_USER, CACHE_PASSWORD));
        Step cacheBinding = pipeline().steps("usernamePassword").get(0);
        MavenBuild main = prepareAgent("generate", "main");
        withRemoteCacheProperty(main);
        // the agent's settings.xml refers to the variables withCredentials binds, as the Jenkinsfile's comment shows
        String userVariable = cacheBinding.named().get("usernameVariable");
        String passwordVariable = cacheBinding.named().get("passwordVariable");
        main.server("assetgen-cache", "${env." + userVariable + "}", "${env." + passwordVariable + "}")
                .env(userVariable, CACHE_USER)
                .env(passwordVariable, CACHE_PASSWORD);

        BuildResult saved = main.run(fakes.args(commandArguments(mavenCommand("-Dassetgen.remoteCache.save=true"))));

        saved.assertSuccess();
        assertThat(fakes.createRequests()).isEqualTo(3);
        assertThat(nginx.requests()).anyMatch(line -> line.startsWith("PUT ") && line.endsWith(" 201"));
        assertThat(saved.log()).doesNotContain(CACHE_PASSWORD);
        assertEveryPublishedFileExists(main);

        // the same agent settings, but the locked stage binds no cache credentials: Maven leaves ${env.…} as written
        MavenBuild pullRequest = prepareAgent("generate", "pull-request")
                .server("assetgen-cache", "${env." + userVariable + "}", "${env." + passwordVariable + "}");
        withRemoteCacheProperty(pullRequest);
        copy(main.lockFile(), pullRequest.lockFile());

        BuildResult locked = pullRequest.run(fakes.args(commandArguments(mavenCommand("-Dassetgen.locked=true"))));

        locked.assertSuccess();
        assertThat(fakes.createRequests()).as("a locked build buys nothing").isEqualTo(3);
        assertThat(locked.log()).contains("restored from the shared cache");
        assertEveryPublishedFileExists(pullRequest);
    }

    @Test
    void aSavingBuildOnAnAgentWithoutTheBoundCacheVariablesFailsNamingThemBeforeSending() {
        Step cacheBinding = pipeline().steps("usernamePassword").get(0);
        String userVariable = cacheBinding.named().get("usernameVariable");
        // the agent's settings.xml of the Jenkinsfile's comment, in a build that bound nothing: Maven keeps ${env.…}
        MavenBuild build = prepareAgent("generate", "unbound")
                .server(
                        "assetgen-cache",
                        "${env." + userVariable + "}",
                        "${env." + cacheBinding.named().get("passwordVariable") + "}");
        List<String> args =
                new ArrayList<>(List.of(commandArguments(mavenCommand("-Dassetgen.remoteCache.save=true"))));
        args.add("-Dassetgen.remoteCache=http://127.0.0.1:9/cache/");

        BuildResult result = build.run(fakes.args(args.toArray(String[]::new)));

        result.assertFailure();
        assertThat(result.log()).contains("${env." + userVariable + "}").contains("not set");
        assertThat(fakes.requests()).isZero();
    }

    /** Every file the publishing steps name exists in the project after its build. */
    private static void assertEveryPublishedFileExists(MavenBuild build) {
        List<String> patterns = publishedPatterns();
        assertThat(patterns).hasSizeGreaterThanOrEqualTo(4);
        List<String> missing = patterns.stream()
                .filter(pattern -> matches(build.dir(), pattern).isEmpty())
                .toList();
        assertThat(missing)
                .as("published patterns matching no file in " + build.dir())
                .isEmpty();
    }

    /** The Ant patterns of junit, sarif and archiveArtifacts, and publishHTML's reportDir/reportFiles. */
    static List<String> publishedPatterns() {
        JenkinsPipeline pipeline = pipeline();
        List<String> patterns = new ArrayList<>();
        FILE_STEPS.forEach((step, argument) -> {
            assertThat(pipeline.steps(step)).as(step).isNotEmpty();
            for (Step call : pipeline.steps(step)) {
                for (String pattern : call.argument(argument).split(",")) {
                    patterns.add(pattern.trim());
                }
            }
        });
        Step html = pipeline.steps("publishHTML").get(0);
        JenkinsPipeline.Literal dir = literalAfter(pipeline, html, "reportDir");
        JenkinsPipeline.Literal files = literalAfter(pipeline, html, "reportFiles");
        for (String file : files.text().split(",")) {
            patterns.add(dir.text() + "/" + file.trim());
        }
        Collections.sort(patterns);
        return patterns;
    }

    /** The string that follows {@code key} inside a step's map argument ({@code target: [reportDir: '…']}). */
    private static JenkinsPipeline.Literal literalAfter(JenkinsPipeline pipeline, Step step, String key) {
        List<JenkinsPipeline.Literal> literals = pipeline.literals().stream()
                .filter(l -> l.path().size() > step.path().size()
                        && l.path().get(step.path().size()).startsWith(step.name()))
                .toList();
        for (int i = 0; i < literals.size() - 1; i++) {
            if (literals.get(i).text().equals(key)) {
                return literals.get(i + 1);
            }
        }
        throw new AssertionError(step.name() + " has no " + key);
    }

    private static List<Path> matches(Path root, String antPattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + antPattern);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> matcher.matches(root.relativize(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one {@code sh} step whose command holds {@code marker}. */
    private static Step mavenCommand(String marker) {
        List<Step> found = pipeline().steps("sh").stream()
                .filter(s -> s.strings().get(0).contains(marker))
                .toList();
        assertThat(found).as("sh steps with " + marker).hasSize(1);
        assertThat(found.get(0).strings().get(0)).startsWith("mvn -B ");
        assertThat(found.get(0).isInside("withCredentials")).isTrue();
        return found.get(0);
    }

    /** The command's arguments after {@code mvn}; MavenBuild adds its own -B, settings and repository. */
    private static String[] commandArguments(Step sh) {
        String[] words = sh.strings().get(0).trim().split("\\s+");
        assertThat(words).as("a plain command, no shell syntax").allMatch(w -> w.matches("[\\w.=:/-]+"));
        return List.of(words).subList(1, words.length).toArray(String[]::new);
    }

    /** The condition of the stage a step is in: {@code branch:main}, or {@code not} for "not main". */
    private static String branchConditionOf(Step step) {
        String stage = step.stage();
        assertThat(stage).as("stage of " + step).isNotNull();
        return pipeline().steps().stream()
                .filter(s -> "when".equals(s.name()) && stage.equals(s.stage()))
                .findFirst()
                .flatMap(when -> pipeline().steps().stream()
                        .filter(s -> stage.equals(s.stage()) && s.isInside("when"))
                        .map(s -> s.strings().isEmpty()
                                ? s.name()
                                : s.name() + ":" + s.strings().get(0))
                        .findFirst())
                .orElseThrow(() -> new AssertionError("stage " + stage + " has no when"));
    }

    /** As the README advises: the shared cache's URL is a property of the project's pom. */
    private void withRemoteCacheProperty(MavenBuild build) {
        replace(
                build.file("pom.xml"),
                "<packaging>pom</packaging>",
                "<packaging>pom</packaging>\n  <properties><assetgen.remoteCache>" + nginx.baseUrl()
                        + "</assetgen.remoteCache></properties>");
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
