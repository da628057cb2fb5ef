package io.github.assetgen.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin's own {@code META-INF/maven/plugin.xml}, as Maven reads it: the truth about which {@code -D} property
 * each goal takes, for tests of files that pass properties (the CI examples).
 */
final class PluginDescriptor {

    private PluginDescriptor() {}

    /** The {@code assetgen.…} properties of a goal's parameters, from their {@code ${…}} expressions. */
    static Set<String> properties(String goal) {
        Set<String> properties = new LinkedHashSet<>();
        Document document = read();
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                continue;
            }
            NodeList configured =
                    mojo.getElementsByTagName("configuration").item(0).getChildNodes();
            for (int j = 0; j < configured.getLength(); j++) {
                String text = configured.item(j).getTextContent().trim();
                if (text.startsWith("${assetgen.") && text.endsWith("}")) {
                    properties.add(text.substring(2, text.length() - 1));
                }
            }
        }
        if (properties.isEmpty()) {
            throw new AssertionError("plugin.xml names no property of goal " + goal);
        }
        return properties;
    }

    /** The plugin.xml of assetgen (goal prefix {@code assetgen}) on the test classpath. */
    private static Document read() {
        try {
            for (URL url : Collections.list(
                    PluginDescriptor.class.getClassLoader().getResources("META-INF/maven/plugin.xml"))) {
                byte[] bytes;
                try (InputStream in = url.openStream()) {
                    bytes = in.readAllBytes();
                }
                if (new String(bytes, StandardCharsets.UTF_8).contains("<goalPrefix>assetgen</goalPrefix>")) {
                    try (InputStream in = url.openStream()) {
                        return DocumentBuilderFactory.newInstance()
                                .newDocumentBuilder()
                                .parse(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read plugin.xml", e);
        } catch (Exception e) {
            throw new AssertionError("cannot parse plugin.xml", e);
        }
        throw new AssertionError("no assetgen plugin.xml on the test classpath");
    }
}
