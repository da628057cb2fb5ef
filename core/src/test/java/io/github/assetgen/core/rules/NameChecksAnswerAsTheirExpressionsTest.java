package io.github.assetgen.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The id and output-name checks run on every asset, so they are written character by character;
 * the regular expressions they replaced (and the schema still states) are the judge here.
 */
class NameChecksAnswerAsTheirExpressionsTest {

    private static final Pattern ID = Pattern.compile(IdAndShapeRules.ID_PATTERN);
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern INVALID_CHARACTER = Pattern.compile("[<>:\"|?*\\p{Cntrl}]");
    private static final Pattern RESERVED_NAME = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /** Pieces that make near misses likely: the reserved names, drive letters, every awkward character. */
    private static final List<String> PIECES = List.of(
            "con",
            "CoN",
            "prn",
            "aux",
            "nul",
            "NUL",
            "com",
            "lpt",
            "COM",
            "Lpt",
            "1",
            "9",
            "0",
            "a",
            "z",
            "A",
            "Z",
            "c",
            "C",
            ":",
            ".",
            "_",
            "-",
            "/",
            "\\",
            " ",
            "png",
            "<",
            ">",
            "\"",
            "|",
            "?",
            "*",
            "\n",
            "\r",
            "\t",
            "\u0000",
            "\u001f",
            "\u007f",
            "\u0080",
            "\u0085",
            "\u2028",
            "\u2029",
            "\u212a",
            "\u0130",
            "é",
            "٣",
            "\ud83d\ude00",
            "\ud83d",
            "\ude00",
            "x".repeat(63));

    @Test
    void everyCheckAnswersAsTheRegularExpressionItReplacedOnRandomNames() {
        Random random = new Random(14);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            int pieces = random.nextInt(5);
            for (int p = 0; p < pieces; p++) {
                name.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = name.toString();

            assertThat(IdAndShapeRules.isValidId(text))
                    .as("id %s", text)
                    .isEqualTo(ID.matcher(text).matches());
            assertThat(Outputs.startsWithDrive(text))
                    .as("drive %s", text)
                    .isEqualTo(DRIVE.matcher(text).matches());
            Matcher invalid = INVALID_CHARACTER.matcher(text);
            assertThat(Outputs.invalidCharacter(text))
                    .as("invalid character in %s", text)
                    .isEqualTo(invalid.find() ? invalid.start() : -1);
            assertThat(Outputs.isReservedName(text))
                    .as("reserved %s", text)
                    .isEqualTo(RESERVED_NAME.matcher(text).matches());
        }
    }

    @Test
    void theNamesTheRulesAreAboutAreToldApart() {
        assertThat(IdAndShapeRules.isValidId("hero-1.v2")).isTrue();
        assertThat(IdAndShapeRules.isValidId("-hero")).isFalse();
        assertThat(IdAndShapeRules.isValidId("a".repeat(65))).isFalse();
        assertThat(Outputs.startsWithDrive("C:hero.png")).isTrue();
        assertThat(Outputs.isReservedName("Com7.png")).isTrue();
        assertThat(Outputs.isReservedName("console.png")).isFalse();
        assertThat(Outputs.invalidCharacter("hero?.png")).isEqualTo(4);
    }
}
