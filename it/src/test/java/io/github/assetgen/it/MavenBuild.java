package io.github.assetgen.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A copy of one project template under {@code it/target/it-work/<name>} and the real, forked Maven builds run on it.
 *
 * <p>Every build runs {@code mvn -B -ntp -Dstyle.color=never} with the IT local repository (where invoker:install put
 * the plugin), a settings file that mirrors everything to the outer local repository (so no build touches the
 * network), and a cache directory inside the work directory. The provider token variables and GitHub Actions'
 * variables of the test JVM are never inherited: a test passes those it means with {@link #env(String, String)}.
 */
public final class MavenBuild {

    /** The environment variables a provider token may come from; cleared for every forked build. */
    public static final List<String> TOKEN_VARIABLES = List.of("USEAPI_TOKEN", "MINIMAX_API_KEY", "APIXO_API_KEY");

    /**
     * GitHub Actions' variables: when the tests themselves run there, a forked build must not annotate the test
     * job's files or write to its step summary. A test that means them sets them with {@link #env(String, String)}.
     */
    public static final List<String> GITHUB_VARIABLES =
            List.of("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE");

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    private static boolean primed;

    private final Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final List<String> proxies = new ArrayList<>();
    private int runs;

    private MavenBuild(Path dir) {
        this.dir = dir;
    }

    /**
     * Copies {@code it/src/it/<template>} to a fresh {@code it/target/it-work/<name>}, replacing
     * {@code @project.version@} in every pom.xml, and writes the work directory's settings.xml.
     */
    public static MavenBuild prepare(String template, String name) {
        Path source = templates().resolve(template);
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("no template " + source);
        }
        Path target = workRoot().resolve(name);
        try {
            deleteRecursively(target);
            copy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MavenBuild build = new MavenBuild(target);
        build.writeSettings();
        return build;
    }

    /** The project directory of this build. */
    public Path dir() {
        return dir;
    }

    /** A path inside the project directory. */
    public Path file(String relative) {
        return dir.resolve(relative);
    }

    /** The cache directory every build of this project uses ({@code -Dassetgen.cacheDirectory}). */
    public Path cacheDir() {
        return dir.resolve("cache");
    }

    /** The directory the plugin writes assets to by default. */
    public Path outputDir() {
        return dir.resolve("target/generated-assets");
    }

    /** The lock file at its default place. */
    public Path lockFile() {
        return dir.resolve("assets.lock.json");
    }

    /** The settings.xml every build of this project uses. */
    public Path settingsFile() {
        return dir.resolve("it-settings.xml");
    }

    /** Sets an environment variable for the following builds (e.g. a provider token). */
    public MavenBuild env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Adds a {@code <server>} with this id and password to the build's settings.xml. */
    public MavenBuild server(String id, String password) {
        return server(id, null, password);
    }

    /** Adds a {@code <server>} with this id, username (null for none) and password to the build's settings.xml. */
    public MavenBuild server(String id, String username, String password) {
        servers.put(id, new Server(username, password));
        writeSettings();
        return this;
    }

    /** One settings.xml {@code <server>}: its username may be null. */
    private record Server(String username, String password) {}

    /**
     * Adds an active http {@code <proxy>} on loopback to the build's settings.xml.
     *
     * @param nonProxyHosts Maven's {@code <nonProxyHosts>} text, or null for none
     */
    public MavenBuild proxy(String id, int port, String nonProxyHosts) {
        proxies.add("<proxy><id>" + xml(id) + "</id><active>true</active><protocol>http</protocol>"
                + "<host>127.0.0.1</host><port>" + port + "</port>"
                + (nonProxyHosts == null ? "" : "<nonProxyHosts>" + xml(nonProxyHosts) + "</nonProxyHosts>")
                + "</proxy>\n");
        writeSettings();
        return this;
    }

    /** Deletes target/ as {@code mvn clean} would (without needing the clean plugin). */
    public void deleteTarget() {
        try {
            deleteRecursively(dir.resolve("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a build to its end (or the timeout) and returns its exit code and log. */
    public BuildResult run(String... goalsAndArgs) {
        return start(goalsAndArgs).await(DEFAULT_TIMEOUT);
    }

    /** Starts a build and returns at once; for tests that kill it midway. */
    public RunningBuild start(String... goalsAndArgs) {
        return startWithJvmOption("", goalsAndArgs);
    }

    /** Starts a build whose Maven JVM gets one more option (a debugger agent, say) and returns at once. */
    public RunningBuild startWithJvmOption(String jvmOption, String... goalsAndArgs) {
        if (List.of(goalsAndArgs).contains("-o") || List.of(goalsAndArgs).contains("--offline")) {
            primeRepository();
        }
        List<String> command = command(goalsAndArgs);
        Path log = dir.resolve("build.log");
        try {
            if (Files.exists(log)) {
                // keep the logs of the earlier builds of this test for whoever debugs it
                Files.move(log, dir.resolve("build-" + runs + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
            runs++;
            BuildLogsOnFailure.started(dir, runs);
            Files.writeString(dir.resolve("build-command-" + runs + ".txt"), String.join(" ", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            TOKEN_VARIABLES.forEach(environment::remove);
            GITHUB_VARIABLES.forEach(environment::remove);
            environment.remove("MAVEN_ARGS");
            // a short-lived JVM starts faster without the optimising compiler
            environment.put(
                    "MAVEN_OPTS", ("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto " + jvmOption).trim());
            environment.putAll(env);
            return new RunningBuild(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * invoker:install copies the plugin and its dependencies but not the BOMs and parents their POMs import, and an
     * offline build cannot fetch those. So before the first offline build of this JVM, one online build of this
     * project's POM (without specs, phase validate) loads the plugin as an extension, which resolves them all from the
     * outer repository into the IT repository.
     */
    private void primeRepository() {
        synchronized (MavenBuild.class) {
            if (primed) {
                return;
            }
            Path primeDir = workRoot().resolve("_prime-repository");
            try {
                deleteRecursively(primeDir);
                Files.createDirectories(primeDir);
                Files.copy(dir.resolve("pom.xml"), primeDir.resolve("pom.xml"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MavenBuild prime = new MavenBuild(primeDir);
            prime.writeSettings();
            BuildResult result = prime.start("validate").await(DEFAULT_TIMEOUT);
            System.out.println("[it] primed the IT repository (exit " + result.exitCode() + ")");
            primed = true;
        }
    }

    private List<String> command(String... goalsAndArgs) {
        List<String> command = new ArrayList<>();
        command.add("mvn");
        command.add("-B");
        command.add("-ntp");
        command.add("-Dstyle.color=never");
        command.add("-Dmaven.repo.local=" + required("it.localRepo"));
        command.add("-s");
        command.add(settingsFile().toString());
        command.add("-Dassetgen.cacheDirectory=" + cacheDir());
        command.addAll(List.of(goalsAndArgs));
        return command;
    }

    private void writeSettings() {
        try {
            String template = Files.readString(templates().resolve("settings.xml"), StandardCharsets.UTF_8);
            StringBuilder serverXml = new StringBuilder();
            servers.forEach((id, server) -> serverXml
                    .append("<server><id>")
                    .append(xml(id))
                    .append("</id>")
                    .append(server.username() == null ? "" : "<username>" + xml(server.username()) + "</username>")
                    .append("<password>")
                    .append(xml(server.password()))
                    .append("</password></server>\n"));
            String url = Paths.get(required("it.outerRepo")).toUri().toString();
            String settings = template.replace("@localRepositoryUrl@", url)
                    .replace("<!--@servers@-->", serverXml)
                    .replace("<!--@proxies@-->", String.join("", proxies));
            Files.writeString(settingsFile(), settings, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Path templates() {
        return Paths.get(required("it.templates"));
    }

    private static Path workRoot() {
        return Paths.get(required("it.workDir"));
    }

    /** Failsafe passes these (see it/pom.xml); running an IT from an IDE needs them too. */
    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the ITs with "
                    + "`mvn verify` from the project root (failsafe sets it)");
        }
        return value;
    }

    private static void copy(Path source, Path target) throws IOException {
        String version = required("it.projectVersion");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else if (path.getFileName().toString().equals("pom.xml")) {
                    Files.writeString(
                            destination,
                            Files.readString(path, StandardCharsets.UTF_8).replace("@project.version@", version),
                            StandardCharsets.UTF_8);
                } else {
                    Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A build in progress: wait for a line of its log, kill it, or wait for its end. */
    public static final class RunningBuild {

        private final Process process;
        private final Path log;

        RunningBuild(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        /** The log so far. */
        public String log() {
            try {
                return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Waits until the log contains {@code text}; fails if the build ends or the time is up first. */
        public RunningBuild awaitLog(String text, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!log().contains(text)) {
                if (!process.isAlive()) {
                    throw new AssertionError(
                            "build ended (exit " + process.exitValue() + ") before printing '" + text + "':\n" + log());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("build did not print '" + text + "' within " + timeout + ":\n" + log());
                }
                pause();
            }
            return this;
        }

        /**
         * Waits until {@code condition} holds (e.g. a fake saw its first poll); fails at once if the build ends first,
         * so a build that breaks early does not cost the whole timeout.
         */
        public RunningBuild awaitUntil(String what, BooleanSupplier condition, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError(
                            "build ended (exit " + process.exitValue() + ") before " + what + ":\n" + log());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + what + " within " + timeout + ":\n" + log());
                }
                pause();
            }
            return this;
        }

        /**
         * Kills the build like a power cut: {@code kill -9} of the Maven JVM ({@code mvn} execs java, so the process
         * is the JVM), then waits for it to be gone.
         */
        public BuildResult kill() {
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("build did not die after kill -9");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return new BuildResult(process.exitValue(), log());
        }

        /**
         * Stops the build the way Ctrl-C does: SIGTERM to the Maven JVM, which runs its shutdown hooks, then
         * waits for it to be gone.
         */
        public BuildResult interrupt() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    return kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return new BuildResult(process.exitValue(), log());
        }

        /** Waits for the build to end; kills it and fails when it takes longer than {@code timeout}. */
        public BuildResult await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    BuildResult killed = kill();
                    throw new AssertionError("build timed out after " + timeout + " and was killed:\n" + killed.log());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new AssertionError(e);
            }
            // the log stays in its file; BuildLogsOnFailure prints it when the test fails
            BuildResult result = new BuildResult(process.exitValue(), log());
            return result;
        }

        private static void pause() {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
