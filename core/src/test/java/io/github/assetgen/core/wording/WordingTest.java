package io.github.assetgen.core.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void plainWordingNamesParametersAndCredentialsWithoutATool() {
        String advice = "run with " + Advice.parameter("force", "true") + " " + Advice.parameter("only", "hero")
                + " (or raise " + Advice.parameter("timeout") + "); "
                + Advice.addToken("assetgen-useapi", "USEAPI_TOKEN");

        assertThat(Wording.PLAIN.render(advice))
                .isEqualTo("run with force=true only=hero (or raise timeout); set the credential 'assetgen-useapi'"
                        + " or the environment variable USEAPI_TOKEN");
    }

    @Test
    void aHostWordingReplacesEveryMarkerAndLeavesTheRestAlone() {
        String advice = "check the token: " + Advice.checkToken("assetgen-minimax", null) + "; {{not a marker}} $1";

        assertThat(MavenStyle.text(advice))
                .isEqualTo("check the token: the password of the <server> with id 'assetgen-minimax' in"
                        + " ~/.m2/settings.xml; {{not a marker}} $1");
    }

    @Test
    void goingOnlineIsAdviceTheHostSpells() {
        String advice = Advice.online() + " to generate them";

        assertThat(Wording.PLAIN.render(advice)).isEqualTo("run the build online to generate them");
        assertThat(MavenStyle.text(advice))
                .isEqualTo("run Maven online (without -o or -Dassetgen.offline=true) to generate them");
    }

    @Test
    void textWithoutMarkersAndNullPassUnchanged() {
        assertThat(Wording.PLAIN.render("nothing to do")).isEqualTo("nothing to do");
        assertThat(Wording.PLAIN.render(null)).isNull();
    }

    /** Core speaks in parameter names; how Maven spells them lives in the plugin only. */
    @Test
    void noStringInCoreSpellsMavenWording() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\n]++|\\\\.)*+\"");
        List<String> mavenWords = List.of("-Dassetgen.", "settings.xml", "<server>", "~/.m2", "-o ", "Maven");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = sources.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            Matcher strings = literal.matcher(Files.readString(p));
                            return strings.results()
                                    .map(m -> p.getFileName() + ": " + m.group())
                                    .filter(s -> mavenWords.stream().anyMatch(s::contains));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }
}
