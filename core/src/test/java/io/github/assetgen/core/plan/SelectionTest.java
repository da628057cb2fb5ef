package io.github.assetgen.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final List<String> IDS = List.of("hero", "icon-home", "icon-cart");

    @Test
    void entriesThatSelectNoIdAreReturnedAsTyped() {
        Selection selection = Selection.of(List.of(" hero , bannr", "icon-*,logo?"));

        assertThat(selection.unmatched(IDS)).containsExactly("bannr", "logo?");
        assertThat(selection.selects("icon-cart")).isTrue();
        assertThat(selection.selects("banner")).isFalse();
    }

    @Test
    void selectingEverythingLeavesNothingUnmatched() {
        assertThat(Selection.all().unmatched(IDS)).isEmpty();
        assertThat(Selection.of(List.of(" , ")).selectsAll()).isTrue();
        assertThat(Selection.of(List.of("hero")).unmatched(List.of())).containsExactly("hero");
    }

    @Test
    void globsMatchWholeIdsWithStarsAndQuestionMarksAsARegularExpressionWould() {
        Random random = new Random(14);
        String alphabet = "ab-";
        for (int i = 0; i < 20_000; i++) {
            String glob = randomText(random, alphabet + "*?", 6);
            String id = randomText(random, alphabet, 8);
            String regex = glob.chars()
                    .mapToObj(c -> c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf((char) c)))
                    .collect(Collectors.joining());
            assertThat(Selection.matches(glob, id))
                    .as("%s against %s", glob, id)
                    .isEqualTo(id.matches(regex));
        }
    }

    @Test
    void aGlobOfManyStarsAnswersAtOnce() {
        // as a regular expression it backtracked for minutes against a 64-character id
        Selection selection = Selection.of(List.of("**" + "a*".repeat(12) + "z"));

        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThat(selection.selects("a".repeat(64))).isFalse());
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
