package io.github.assetgen.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.store.LockFile.Entry;
import io.github.assetgen.core.store.LockFile.LockedFile;
import io.github.assetgen.core.store.LockUpdate.Asset;
import io.github.assetgen.core.store.LockUpdate.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockUpdateTest {

    private static final String KEY_A = "a".repeat(64);
    private static final String KEY_B = "b".repeat(64);
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final LockedFile HERO_PNG = new LockedFile("img/hero.png", "1".repeat(64), 12);
    private static final Entry HERO = new Entry(
            "hero",
            KEY_A,
            "useapi",
            "nano-banana-2",
            List.of(HERO_PNG),
            Cost.credits(8),
            null,
            List.of("job-1"),
            "2026-01-01T00:00:00Z");
    private static final Entry LOGO = new Entry(
            "logo",
            KEY_B,
            "useapi",
            "nano-banana-2",
            List.of(new LockedFile("logo.png", "2".repeat(64), 3)),
            Cost.credits(8),
            null,
            List.of(),
            "2026-01-02T00:00:00Z");
    private static final LockFile PREVIOUS = LockFile.empty().with(HERO).with(LOGO);

    private static Asset hero(Outcome outcome, String key) {
        return new Asset(
                "hero",
                outcome,
                key,
                "useapi",
                "nano-banana-2",
                Cost.credits(4),
                outcome == Outcome.PARTIAL ? new LockFile.Partial(1, 2) : null,
                List.of(HERO_PNG),
                List.of("job-2"));
    }

    @Test
    void aRestoreOfTheSameKeyKeepsTheGenerationDateAndCost() {
        LockFile lock = LockUpdate.apply(PREVIOUS, List.of(hero(Outcome.RESTORED, KEY_A)), false, NOW);

        Entry hero = lock.find("hero").orElseThrow();
        assertThat(hero.generatedAt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(hero.cost()).isEqualTo(Cost.credits(8));
        assertThat(hero.jobIds()).containsExactly("job-2");
    }

    @Test
    void aGenerationOrARestoreOfANewKeyIsRecordedAsMadeNowAtItsPlannedCost() {
        for (Outcome outcome : List.of(Outcome.GENERATED, Outcome.RESTORED)) {
            Entry hero = LockUpdate.apply(PREVIOUS, List.of(hero(outcome, KEY_B)), false, NOW)
                    .find("hero")
                    .orElseThrow();

            assertThat(hero.key()).isEqualTo(KEY_B);
            assertThat(hero.generatedAt()).isEqualTo(NOW.toString());
            assertThat(hero.cost()).isEqualTo(Cost.credits(4));
        }
    }

    @Test
    void aPartialBatchIsRecordedWithItsFilesMarkedPartialAndWhatItCost() {
        Entry hero = LockUpdate.apply(PREVIOUS, List.of(hero(Outcome.PARTIAL, KEY_B)), false, NOW)
                .find("hero")
                .orElseThrow();

        assertThat(hero.partial()).isEqualTo(new LockFile.Partial(1, 2));
        assertThat(hero.files()).containsExactly(HERO_PNG);
        assertThat(hero.cost()).isEqualTo(Cost.credits(4));
    }

    @Test
    void anUnchangedAssetKeepsItsEntry() {
        LockFile lock = LockUpdate.apply(PREVIOUS, List.of(hero(Outcome.UNCHANGED, KEY_B)), false, NOW);

        assertThat(lock.find("hero")).contains(HERO);
    }

    @Test
    void idsGoneFromTheSpecsAreDroppedOnlyWhenTheBuildCoveredEveryAsset() {
        List<Asset> heroOnly = List.of(hero(Outcome.UNCHANGED, KEY_A));

        assertThat(LockUpdate.apply(PREVIOUS, heroOnly, true, NOW).ids()).containsExactly("hero");
        assertThat(LockUpdate.apply(PREVIOUS, heroOnly, false, NOW).ids()).containsExactly("hero", "logo");
    }
}
