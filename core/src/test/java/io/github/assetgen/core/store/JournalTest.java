package io.github.assetgen.core.store;

import static io.github.assetgen.core.store.StoreFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.files.AtomicFilesTest;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.store.JournalEntry.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");
    private static final String HERO = key("hero");
    private static final String INTRO = key("intro");
    private static final JobRef JOB = new JobRef("useapi", "image", "user:1-image:abc");

    @TempDir
    Path cacheDir;

    private final List<String> warnings = new ArrayList<>();

    private Journal journalAt(Instant now) {
        return Journal.withDirectory(cacheDir, Clock.fixed(now, ZoneOffset.UTC), warnings::add);
    }

    @Test
    void beginWritesASubmittingEntryToDiskBeforeReturning() throws IOException {
        JournalEntry begun = journalAt(T0).begin(HERO, "useapi", "hero", "image-01");

        assertThat(cacheDir.resolve("journal/" + HERO + ".json")).exists();
        JournalEntry read = journalAt(T0).find(HERO).orElseThrow();
        assertThat(read).isEqualTo(begun);
        assertThat(read.state()).isEqualTo(State.SUBMITTING);
        assertThat(read.startedAt()).isEqualTo(T0);
        assertThat(read.jobs()).isEmpty();
        assertThat(read.submittedAt()).isNull();
    }

    @Test
    void theSubmissionIdIsWrittenBeforeSendingAndKeptWhenTheJobsAreRecorded() throws IOException {
        journalAt(T0).begin(HERO, "useapi", "hero", "image-01", "hero#0a1b2c3d4e5f");

        assertThat(journalAt(T0).find(HERO).orElseThrow().submissionId()).isEqualTo("hero#0a1b2c3d4e5f");
        journalAt(T0).recordSubmitted(HERO, List.of(JOB));
        assertThat(journalAt(T0).find(HERO).orElseThrow().submissionId()).isEqualTo("hero#0a1b2c3d4e5f");
        assertThat(Files.readString(cacheDir.resolve("journal/" + HERO + ".json")))
                .contains("\"submissionId\": \"hero#0a1b2c3d4e5f\"");
    }

    @Test
    void aKeptResultLivesBesideTheEntryAndGoesWithIt() throws IOException {
        Journal journal = journalAt(T0);
        journal.begin(HERO, "minimax", "hero", "image-01");

        Path kept = journal.keptResult(HERO, journal.keepResult(HERO, 1, new byte[] {1, 2, 3}));

        assertThat(kept).hasBinaryContent(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> journal.keptResult(HERO, "../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.open()).hasSize(1);
        journal.close(HERO);
        assertThat(kept).doesNotExist();
        assertThat(kept.getParent()).doesNotExist();
    }

    @Test
    void submittedJobsSurviveIntoTheNextBuild() throws IOException {
        journalAt(T0).begin(HERO, "useapi", "hero", "image-01");
        journalAt(T0.plusSeconds(2)).recordSubmitted(HERO, List.of(JOB));

        JournalEntry nextBuild = journalAt(T0.plusSeconds(600)).find(HERO).orElseThrow();

        assertThat(nextBuild.state()).isEqualTo(State.SUBMITTED);
        assertThat(nextBuild.jobs()).containsExactly(JOB);
        assertThat(nextBuild.submittedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(nextBuild)
                .extracting(JournalEntry::provider, JournalEntry::assetId, JournalEntry::model)
                .containsExactly("useapi", "hero", "image-01");
    }

    @Test
    void closeRemovesTheEntryAndIsIdempotent() throws IOException {
        Journal journal = journalAt(T0);
        journal.begin(HERO, "useapi", "hero", "image-01");
        journal.recordSubmitted(HERO, List.of(JOB));

        journal.close(HERO);
        journal.close(HERO);

        assertThat(journal.find(HERO)).isEmpty();
        assertThat(journal.open()).isEmpty();
        assertThat(AtomicFilesTest.namesIn(cacheDir.resolve("journal"))).isEmpty();
    }

    @Test
    void beginRefusesAKeyThatAlreadyHasAJobSoNothingIsPaidTwice() throws IOException {
        Journal journal = journalAt(T0);
        journal.begin(HERO, "useapi", "hero", "image-01");
        journal.recordSubmitted(HERO, List.of(JOB));

        assertThatThrownBy(() -> journal.begin(HERO, "useapi", "hero", "image-01"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SUBMITTED")
                .hasMessageContaining("resume it");
        assertThat(journal.find(HERO).orElseThrow().jobs()).containsExactly(JOB);
    }

    @Test
    void recordingJobsWithoutBeginIsAProgrammingError() {
        assertThatThrownBy(() -> journalAt(T0).recordSubmitted(HERO, List.of(JOB)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openListsEveryOpenJobOldestFirstAndSkipsUnreadableFiles() throws IOException {
        journalAt(T0.plusSeconds(60)).begin(INTRO, "minimax", "intro", "MiniMax-Hailuo-02");
        journalAt(T0).begin(HERO, "useapi", "hero", "image-01");
        String garbled = key("garbled");
        Files.writeString(cacheDir.resolve("journal/" + garbled + ".json"), "{\"state\": ");
        Files.writeString(cacheDir.resolve("journal/.tmp-1234"), "half");

        List<JournalEntry> open = journalAt(T0).open();

        assertThat(open).extracting(JournalEntry::assetId).containsExactly("hero", "intro");
        assertThat(warnings).singleElement().asString().contains(garbled + ".json is unreadable", "delete the file");
        assertThatThrownBy(() -> journalAt(T0).find(garbled))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(garbled + ".json is unreadable")
                .hasMessageContaining("delete the file");
        assertThatThrownBy(() -> journalAt(T0).begin(garbled, "useapi", "g", "image-01"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEntryExpiresWhenOlderThanTheProviderKeepsResults() throws IOException {
        journalAt(T0).begin(HERO, "useapi", "hero", "image-01");
        JournalEntry entry = journalAt(T0.plusSeconds(30)).recordSubmitted(HERO, List.of(JOB));
        Duration useapi = Duration.ofDays(7);
        Duration apixo = Duration.ofHours(24);
        Clock twoDaysLater = Clock.fixed(T0.plusSeconds(30).plus(Duration.ofDays(2)), ZoneOffset.UTC);

        assertThat(entry.age(twoDaysLater)).isEqualTo(Duration.ofDays(2));
        assertThat(Journal.isExpired(entry, useapi, twoDaysLater)).isFalse();
        assertThat(Journal.isExpired(entry, apixo, twoDaysLater)).isTrue();
    }

    @Test
    void aSubmittingEntryAgesFromWhenItStarted() throws IOException {
        JournalEntry entry = journalAt(T0).begin(HERO, "useapi", "hero", "image-01");

        assertThat(entry.age(Clock.fixed(T0.plusSeconds(90), ZoneOffset.UTC))).isEqualTo(Duration.ofSeconds(90));
    }
}
