package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Microsoft's SARIF multitool ({@code @microsoft/sarif-multitool}, pinned in {@code .ci/tools/package.json};
 * {@code npm ci --prefix .ci/tools} installs it). Its {@code validate} exits 0 even when the file breaks the schema
 * or a rule, so a caller checks the lines it prints: {@code file(line,col): error SARIF1011: …}.
 */
final class SarifMultitool {

    /** A finding of level error, as the multitool prints it. */
    private static final Pattern ERROR = Pattern.compile("\\): error [A-Z]+[0-9]+: ");

    private SarifMultitool() {}

    /** What one {@code validate} printed and how it ended. */
    record Validation(int exitCode, String output) {

        List<String> errorLines() {
            return output.lines().filter(l -> ERROR.matcher(l).find()).toList();
        }
    }

    /**
     * Skips the calling test if the multitool is not installed, unless the environment says {@code CI=true}: there
     * a missing tool fails, so CI never passes without having validated a SARIF file.
     */
    static Path require() {
        Path tool = executable();
        if (Files.isExecutable(tool)) {
            return tool;
        }
        String why = tool + " is missing; run `npm ci --prefix .ci/tools`, as .ci/run does";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        assumeTrue(false, why);
        return tool;
    }

    static Validation validate(Path sarif) {
        Path tool = require();
        try {
            Process process = new ProcessBuilder(tool.toString(), "validate", sarif.toString())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("sarif-multitool did not end within 2 minutes");
            }
            return new Validation(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code <repository>/.ci/tools/node_modules/.bin/sarif-multitool}; the templates are {@code <repository>/it/src/it}. */
    private static Path executable() {
        Path repository = Paths.get(MavenBuild.required("it.templates"))
                .toAbsolutePath()
                .normalize()
                .getParent()
                .getParent()
                .getParent();
        return repository.resolve(".ci/tools/node_modules/.bin/sarif-multitool");
    }
}
