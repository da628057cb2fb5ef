package io.github.assetgen.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.RequestFixtures;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.LockFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date state the planner reads from disk; the runner's placement rule is handed in. */
class DiskStateTest {

    private static final String KEY = "a".repeat(64);
    private static final DiskState.Placement AS_ASKED = (asked, format) -> asked;

    @TempDir
    Path dir;

    Path outputs;
    AssetCache cache;
    Journal journal;
    LockFile lock;
    Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void anAssetLockedAtImgHeroPng() throws Exception {
        outputs = dir.resolve("out");
        Path hero = Files.createDirectories(outputs.resolve("img")).resolve("hero.png");
        Files.write(hero, new byte[] {1, 2, 3});
        lock = LockFile.empty()
                .with(new LockFile.Entry(
                        "hero",
                        KEY,
                        "useapi",
                        "nano-banana-2",
                        List.of(LockFile.LockedFile.describe(outputs, hero)),
                        Cost.credits(8),
                        null,
                        List.of(),
                        clock.instant().toString()));
        cache = AssetCache.withDirectory(dir.resolve("cache"), clock, w -> {});
        journal = Journal.withDirectory(dir.resolve("cache"), clock, w -> {});
    }

    private DiskState state(DiskState.Placement placement, Duration retention) {
        return new DiskState(lock, outputs, cache, journal, provider -> retention, placement, clock);
    }

    private static AssetRequest askingFor(String output) {
        return RequestFixtures.image("useapi", "nano-banana-2").outputs(output).build();
    }

    @Test
    void theLockedFileWhereTheSpecAsksForItIsUpToDate() {
        assertThat(state(AS_ASKED, Duration.ofDays(1)).isUpToDate(askingFor("img/hero.png"), KEY))
                .isTrue();
    }

    @Test
    void aKeyTheLockRecordsUnderAnotherIdIsRecordedAllTheSame() {
        // a renamed asset whose lock was not rebuilt, or a second asset with the same request: bought
        // once, so another machine must recover it, never buy it again as new
        DiskState state = state(AS_ASKED, Duration.ofDays(1));
        AssetRequest banner = RequestFixtures.image("useapi", "nano-banana-2")
                .id("banner")
                .outputs("img/banner.png")
                .build();

        assertThat(state.recorded(banner, KEY))
                .hasValueSatisfying(entry -> assertThat(entry.id()).isEqualTo("hero"));
        assertThat(state.recorded(banner, "b".repeat(64))).isEmpty();
        assertThat(state.recorded(askingFor("img/hero.png"), KEY))
                .contains(lock.find("hero").orElseThrow());
    }

    @Test
    void aRenamedOutputOrAnotherKeyIsNotUpToDate() {
        DiskState state = state(AS_ASKED, Duration.ofDays(1));

        assertThat(state.isUpToDate(askingFor("img/other.png"), KEY)).isFalse();
        assertThat(state.isUpToDate(askingFor("img/hero.png"), "b".repeat(64))).isFalse();
    }

    @Test
    void theUpToDateCheckFollowsThePlacementItIsGiven() {
        DiskState.Placement elsewhere = (asked, format) -> asked.replace(".png", "." + MediaFormat.JPEG.extension());

        assertThat(state(elsewhere, Duration.ofDays(1)).isUpToDate(askingFor("img/hero.png"), KEY))
                .isFalse();
    }

    @Test
    void anOpenJobIsExpiredAfterItsProvidersRetention() throws Exception {
        journal.begin(KEY, "useapi", "hero", "nano-banana-2");
        Clock later = Clock.offset(clock, Duration.ofHours(2));

        assertThat(new DiskState(lock, outputs, cache, journal, p -> Duration.ofHours(1), AS_ASKED, later).openJob(KEY))
                .hasValueSatisfying(job -> assertThat(job.expired()).isTrue());
        assertThat(new DiskState(lock, outputs, cache, journal, p -> Duration.ofHours(3), AS_ASKED, later).openJob(KEY))
                .hasValueSatisfying(job -> assertThat(job.expired()).isFalse());
        assertThat(state(AS_ASKED, Duration.ofDays(1)).isCached(KEY)).isFalse();
    }

    @Test
    void theLockRecordsAnAssetOnlyUnderTheKeyItWasBoughtWith() {
        DiskState state = state(AS_ASKED, Duration.ofDays(1));
        AssetRequest hero = askingFor("img/hero.png");

        assertThat(state.recorded(hero, KEY))
                .hasValueSatisfying(e -> assertThat(e.cost().format()).isEqualTo("8 credits"));
        assertThat(state.recorded(hero, "b".repeat(64))).isEmpty();
    }
}
