package io.github.assetgen.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every rule a report names is described: its own sentence and its family's help. */
class RuleDescriptionTest {

    @Test
    void everyRuleIdHasASentenceOfItsOwnAndItsFamilysHelp() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = RuleDescription.class.getResourceAsStream("rule-descriptions.properties")) {
            texts.load(in);
        }
        for (String id : RuleId.allIds()) {
            assertThat(texts.getProperty(id))
                    .as("description of " + id)
                    .isNotBlank()
                    .endsWith(".");
            assertThat(texts.getProperty("family." + RuleDescription.family(id)))
                    .as("help of the family of " + id)
                    .isNotBlank();
        }
    }

    @Test
    void allListsEveryRuleOnceSortedById() {
        assertThat(RuleDescription.all())
                .extracting(RuleDescription::id)
                .containsExactlyInAnyOrderElementsOf(RuleId.allIds())
                .isSorted();
        RuleDescription unknown = RuleDescription.of("model.unknown").orElseThrow();
        assertThat(unknown.shortDescription()).isEqualTo("The model is not one of the provider's models.");
        assertThat(unknown.help()).contains("spec reference");
    }

    @Test
    void noTextNamesAMavenParameter() {
        // core's texts are host-neutral (see WordingTest): SARIF is read outside Maven too
        assertThat(RuleDescription.all())
                .allSatisfy(r -> assertThat(r.shortDescription() + r.help()).doesNotContain("-D"));
    }
}
