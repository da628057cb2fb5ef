package io.github.assetgen.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.request.AssetType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which provider gives a bought result back for free, for how long, and the costs the lock records. */
class RecollectionTest {

    private static final Instant GENERATED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant A_YEAR_LATER = GENERATED.plus(Duration.ofDays(365));

    private static Recollection of(String provider) {
        return ProviderRegistry.standard().get(provider).recollection();
    }

    @Test
    void useapiGivesImagesAndVideosBackByIdWithNoStatedLimit() {
        Recollection useapi = of("useapi");

        assertThat(useapi.method()).isEqualTo(Recollection.Method.BY_JOB_ID);
        assertThat(useapi.jobKind(AssetType.IMAGE)).hasValue("image");
        assertThat(useapi.jobKind(AssetType.VIDEO)).hasValue("video");
        assertThat(useapi.window()).isNull();
        assertThat(useapi.unavailable(AssetType.VIDEO, GENERATED, A_YEAR_LATER)).isEmpty();
        assertThat(useapi.documentation()).startsWith("https://useapi.net/docs/");
    }

    @Test
    void minimaxGivesVideosBackByTheirTaskButNeverImages() {
        Recollection minimax = of("minimax");

        assertThat(minimax.jobKind(AssetType.VIDEO)).hasValue("video");
        assertThat(minimax.unavailable(AssetType.VIDEO, GENERATED, A_YEAR_LATER))
                .isEmpty();
        assertThat(minimax.unavailable(AssetType.IMAGE, GENERATED, GENERATED))
                .hasValueSatisfying(why -> assertThat(why).contains("only in the answer to the create request"));
    }

    @Test
    void apixoGivesTasksBackOnlyWithinTheDayItsResultUrlsLive() {
        Recollection apixo = of("apixo");

        assertThat(apixo.window()).isEqualTo(Duration.ofHours(24));
        assertThat(apixo.unavailable(AssetType.IMAGE, GENERATED, GENERATED.plus(Duration.ofHours(23))))
                .isEmpty();
        assertThat(apixo.unavailable(AssetType.IMAGE, GENERATED, GENERATED.plus(Duration.ofHours(25))))
                .hasValueSatisfying(why -> assertThat(why).contains("keeps results for 24 h", "apixo.ai/docs"));
    }

    @Test
    void thePlaceholderRendersAnythingAgainForFree() {
        Recollection placeholder = of("placeholder");

        assertThat(placeholder.method()).isEqualTo(Recollection.Method.RENDER_AGAIN);
        assertThat(placeholder.unavailable(AssetType.VIDEO, GENERATED, A_YEAR_LATER))
                .isEmpty();
    }

    @Test
    void aProviderThatDocumentsNoWayGivesNothingBackAndSaysWhy() {
        Recollection none = Recollection.none("no way", null);

        assertThat(none.unavailable(AssetType.IMAGE, GENERATED, GENERATED)).hasValue("no way");
        assertThat(Recollection.byJobId(Map.of(), null, null, null).unavailable(AssetType.IMAGE, null, GENERATED))
                .isPresent();
    }

    @Test
    void everyCostTheLockRecordsReadsBackAsWritten() {
        for (Cost cost : new Cost[] {
            Cost.credits(8), Cost.credits(1), Cost.usd(new BigDecimal("0.0105")), Cost.unknown(), Cost.free()
        }) {
            assertThat(Cost.parse(cost.format())).isEqualTo(cost);
        }
        assertThat(Cost.parse("2.5 credits").amount()).isEqualByComparingTo("2.5");
        assertThat(Cost.parse(null)).isEqualTo(Cost.unknown());
        assertThat(Cost.parse("lots")).isEqualTo(Cost.unknown());
        assertThat(Cost.parse("$abc")).isEqualTo(Cost.unknown());
    }
}
