package io.github.assetgen.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
