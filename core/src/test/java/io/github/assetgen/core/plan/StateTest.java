package io.github.assetgen.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state words are defined once; the README's table and every action and status use them. */
class StateTest {

    /** The README at the repository root (tests run in core/). */
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmesStateTableListsExactlyTheStatesWithTheirMeanings() throws IOException {
        List<String[]> rows = stateTable();

        assertThat(rows)
                .extracting(row -> row[0])
                .containsExactlyElementsOf(Arrays.stream(State.values())
                        .map(s -> "`" + s.label() + "`")
                        .toList());
        for (String[] row : rows) {
            State state = State.ofLabel(row[0].replace("`", "")).orElseThrow();
            assertThat(row[2]).as("the meaning of " + state).isEqualTo(state.meaning());
        }
    }

    @Test
    void everyActionAndItsLabelAreAPlanState() {
        for (Action action : Action.values()) {
            assertThat(action.state().inPlans()).as(action.name()).isTrue();
            assertThat(action.label()).isEqualTo(action.state().label());
        }
    }

    @Test
    void labelsAreUniqueAndTheReportedOnesKeepReportJsonsValues() {
        assertThat(Arrays.stream(State.values()).map(State::label)).doesNotHaveDuplicates();
        assertThat(State.reported())
                .extracting(State::label)
                .containsExactly("kept", "restored", "generated", "partial", "failed", "skipped", "planned");
    }

    /** The rows of the table under "What each state means": state, shown in, meaning. */
    private static List<String[]> stateTable() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int heading = lines.indexOf("### What each state means");
        assertThat(heading).as("the README's state section").isNotNegative();
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = Arrays.stream(
                                line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::strip)
                        .toArray(String[]::new);
                if (!cells[0].equals("state") && !cells[0].startsWith("---")) {
                    rows.add(cells);
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }
}
