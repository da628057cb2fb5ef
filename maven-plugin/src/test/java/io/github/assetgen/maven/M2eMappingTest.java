package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The mapping Eclipse m2e reads from the plugin jar: an IDE build never calls a paid API. */
class M2eMappingTest {

    /** Goal name to the m2e action element the mapping gives it ("execute" or "ignore"). */
    private static Map<String, Element> actionsByGoal() throws Exception {
        Map<String, Element> actions = new HashMap<>();
        try (InputStream in =
                M2eMappingTest.class.getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            assertThat(in).as("the mapping is packaged").isNotNull();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(in);
            NodeList executions = document.getElementsByTagName("pluginExecution");
            for (int i = 0; i < executions.getLength(); i++) {
                Element execution = (Element) executions.item(i);
                Element action = (Element)
                        ((Element) execution.getElementsByTagName("action").item(0))
                                .getElementsByTagName("*")
                                .item(0);
                NodeList goals = execution.getElementsByTagName("goal");
                for (int g = 0; g < goals.getLength(); g++) {
                    assertThat(actions.put(goals.item(g).getTextContent().trim(), action))
                            .as("mapped once")
                            .isNull();
                }
            }
        }
        return actions;
    }

    @Test
    void theGoalsThatMayCallAProviderAreIgnoredByIdeBuilds() throws Exception {
        Map<String, Element> actions = actionsByGoal();

        assertThat(actions.get("generate-assets").getTagName()).isEqualTo("ignore");
        assertThat(actions.get("plan-assets").getTagName()).isEqualTo("ignore");
    }

    @Test
    void validationRunsInIdeBuildsBecauseItReadsOnlyLocalFiles() throws Exception {
        Element validate = actionsByGoal().get("validate-assets");

        assertThat(validate.getTagName()).isEqualTo("execute");
        assertThat(validate.getElementsByTagName("runOnIncremental").item(0).getTextContent())
                .isEqualTo("true");
    }
}
