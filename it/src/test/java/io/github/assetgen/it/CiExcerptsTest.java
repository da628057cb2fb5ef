package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipeline excerpts the README and the site show are passages of the tested files, so the docs cannot drift from
 * the Jenkinsfile and the workflow the other CI tests check.
 */
class CiExcerptsTest {

    private static final Pattern FENCE = Pattern.compile("```(groovy|yaml)\\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"../README.md", "../maven-plugin/src/site/markdown/ci.md"})
    void everyPipelineExcerptIsAPassageOfTheTestedFile(String page) throws Exception {
        String text = Files.readString(Path.of(page), StandardCharsets.UTF_8);
        String jenkinsfile = Files.readString(JenkinsfileIT.JENKINSFILE, StandardCharsets.UTF_8);
        String workflow = Files.readString(GithubActionsWorkflowTest.WORKFLOW, StandardCharsets.UTF_8);
        List<String> checked = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            String block = fence.group(2);
            if (fence.group(1).equals("groovy")) {
                assertThat(jenkinsfile).as("a groovy excerpt of " + page).contains(block);
                checked.add(block);
            } else if (block.contains("uses: ") || block.contains("run: mvn")) {
                assertThat(workflow).as("a workflow excerpt of " + page).contains(block);
                checked.add(block);
            }
        }

        assertThat(checked).as("excerpts in " + page).hasSizeGreaterThanOrEqualTo(2);
    }
}
