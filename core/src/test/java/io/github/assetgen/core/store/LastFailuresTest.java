package io.github.assetgen.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastFailuresTest {

    private static final String KEY = "ab".repeat(32);
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path cacheDir;

    private Journal journal() {
        return Journal.withDirectory(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC), w -> {});
    }

    @Test
    void aFailureIsFoundByItsKeyUntilTheKeysJournalEntryCloses() throws Exception {
        journal().failures().record(KEY, "hero", "moderated by useapi: status 7");

        assertThat(journal().failures().find(KEY))
                .contains(new LastFailures.LastFailure("moderated by useapi: status 7", NOW));
        assertThat(journal().open()).as("not an open job").isEmpty();

        journal().close(KEY);

        assertThat(journal().failures().find(KEY)).isEmpty();
    }

    @Test
    void aLongReasonIsShortenedAndAnUnreadableRecordIsAsIfThereWereNone() throws Exception {
        journal().failures().record(KEY, "hero", "x".repeat(1000));

        assertThat(journal().failures().find(KEY).orElseThrow().reason()).hasSize(300);

        Files.writeString(cacheDir.resolve("journal/" + KEY + ".failed"), "{not json");

        assertThat(journal().failures().find(KEY)).isEmpty();
    }
}
