package io.github.assetgen.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void aReplacedWordIsShownRemovedThenAdded() {
        assertThat(WordDiff.html("a red lighthouse at dusk", "a blue lighthouse at dusk"))
                .isEqualTo("a <del>red</del> <ins>blue</ins> lighthouse at dusk");
    }

    @Test
    void addedAndRemovedWordsKeepTheWordsAroundThem() {
        assertThat(WordDiff.html("a lighthouse at dusk", "a tall lighthouse"))
                .isEqualTo("a <ins>tall</ins> lighthouse <del>at dusk</del>");
    }

    @Test
    void equalPromptsHaveNoMarksAndTextIsEscaped() {
        assertThat(WordDiff.html("a <b> & c", "a <b> & c")).isEqualTo("a &lt;b&gt; &amp; c");
        assertThat(WordDiff.html("<x>", "<y>")).isEqualTo("<del>&lt;x&gt;</del><ins>&lt;y&gt;</ins>");
        assertThat(WordDiff.html("a  red\ncar", "a red car")).isEqualTo("a red car");
    }

    @Test
    void aPromptTooLongForTheTableIsShownRemovedAndAddedWhole() {
        String before = "w ".repeat(2500);
        String after = "v ".repeat(2500);

        assertThat(WordDiff.diff(before, after))
                .extracting(WordDiff.Piece::kind)
                .containsExactly(WordDiff.Kind.REMOVED, WordDiff.Kind.ADDED);
    }
}
