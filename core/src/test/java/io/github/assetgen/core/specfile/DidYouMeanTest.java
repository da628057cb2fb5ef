package io.github.assetgen.core.specfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void oneMissingLetterSuggestsTheField() {
        assertThat(DidYouMean.suggest("promt", SpecFields.ASSET_FIELDS)).contains("prompt");
    }

    @Test
    void swappedLettersCountAsOneEdit() {
        assertThat(DidYouMean.distance("porempt", "prompt")).isEqualTo(2);
        assertThat(DidYouMean.distance("rpompt", "prompt")).isEqualTo(1);
        assertThat(DidYouMean.suggest("aspcetRatio", SpecFields.ASSET_FIELDS)).contains("aspectRatio");
    }

    @Test
    void caseAloneIsNotADifference() {
        assertThat(DidYouMean.suggest("Prompt", SpecFields.ASSET_FIELDS)).contains("prompt");
        assertThat(DidYouMean.suggest("aspectratio", SpecFields.ASSET_FIELDS)).contains("aspectRatio");
    }

    @Test
    void aWordFarFromEveryCandidateGetsNoSuggestion() {
        assertThat(DidYouMean.suggest("flavour", SpecFields.ASSET_FIELDS)).isEmpty();
        assertThat(DidYouMean.hint("flavour", SpecFields.ASSET_FIELDS)).isEmpty();
    }

    @Test
    void shortWordsAllowOneEditButNotTwo() {
        assertThat(DidYouMean.suggest("ib", List.of("id"))).contains("id");
        assertThat(DidYouMean.suggest("x", List.of("id"))).isEmpty();
    }

    @Test
    void longerWordsAllowAThirdOfTheirLengthInEdits() {
        // "promptOptimization" has 18 letters, so up to 6 edits count as a typo: 5 missing letters do, 7 do not.
        assertThat(DidYouMean.suggest("promptOptimiz", SpecFields.ASSET_FIELDS)).contains("promptOptimization");
        assertThat(DidYouMean.suggest("promptOptim", SpecFields.ASSET_FIELDS)).isEmpty();
    }

    @Test
    void nullEmptyInputAndNoCandidatesGiveNothing() {
        assertThat(DidYouMean.suggest(null, SpecFields.ASSET_FIELDS)).isEmpty();
        assertThat(DidYouMean.suggest("", SpecFields.ASSET_FIELDS)).isEmpty();
        assertThat(DidYouMean.suggest("prompt", List.of())).isEmpty();
    }

    @Test
    void onATieTheEarlierCandidateWins() {
        assertThat(DidYouMean.suggest("ab", List.of("abc", "abd"))).contains("abc");
        assertThat(DidYouMean.suggest("ab", List.of("abd", "abc"))).contains("abd");
    }

    @Test
    void anExactMatchIsSuggestedAsItself() {
        assertThat(DidYouMean.suggest("assets", SpecFields.FILE_KEYS)).contains("assets");
    }

    @Test
    void hintIsReadyToAppendToAMessage() {
        assertThat(DidYouMean.hint("asset", SpecFields.FILE_KEYS)).isEqualTo(" (did you mean 'assets'?)");
    }
}
