package io.github.assetgen.core.store;

import static io.github.assetgen.core.store.StoreFixtures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.store.LockFile.Entry;
import io.github.assetgen.core.store.LockFile.LockedFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {

    private static final String KEY_A = "a".repeat(64);
    private static final String KEY_B = "b".repeat(64);
    private static final String SHA_1 = "1".repeat(64);
    private static final String SHA_2 = "2".repeat(64);

    private static final Entry HERO = new Entry(
            "hero",
            KEY_A,
            "useapi",
            "image-01",
            List.of(new LockedFile("img/hero.png", SHA_1, 1234)),
            new Cost(new BigDecimal("0.5"), Cost.Unit.CREDITS),
            null,
            List.of("user:1-image:abc"),
            "2026-03-04T05:06:07Z");
    private static final Entry INTRO = new Entry(
            "intro",
            KEY_B,
            "minimax",
            "MiniMax-Hailuo-02",
            List.of(new LockedFile("video/intro.mp4", SHA_2, 99)),
            Cost.unknown(),
            null,
            List.of(),
            "2026-03-05T00:00:00Z");

    private static final String GOLDEN = """
            {
              "lockVersion": 1,
              "assets": {
                "hero": {
                  "key": "%s",
                  "provider": "useapi",
                  "model": "image-01",
                  "files": [
                    {
                      "path": "img/hero.png",
                      "sha256": "%s",
                      "size": 1234
                    }
                  ],
                  "cost": {
                    "amount": 0.5,
                    "unit": "credits"
                  },
                  "jobIds": [
                    "user:1-image:abc"
                  ],
                  "generatedAt": "2026-03-04T05:06:07Z"
                },
                "intro": {
                  "key": "%s",
                  "provider": "minimax",
                  "model": "MiniMax-Hailuo-02",
                  "files": [
                    {
                      "path": "video/intro.mp4",
                      "sha256": "%s",
                      "size": 99
                    }
                  ],
                  "cost": {
                    "unit": "unknown"
                  },
                  "jobIds": [],
                  "generatedAt": "2026-03-05T00:00:00Z"
                }
              }
            }
            """.formatted(KEY_A, SHA_1, KEY_B, SHA_2);

    @TempDir
    Path dir;

    @Test
    void aMissingLockFileReadsAsEmpty() throws IOException {
        assertThat(LockFile.read(dir.resolve(LockFile.FILE_NAME)).entries()).isEmpty();
    }

    @Test
    void assetsAreWrittenSortedByIdInAFixedStableFormat() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);

        LockFile.empty().with(INTRO).with(HERO).write(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(GOLDEN);
        assertThat(Files.readAllBytes(file)).doesNotContain((byte) '\r');
    }

    @Test
    void writeReadWriteGivesIdenticalBytes() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        LockFile.empty().with(HERO).with(INTRO).write(first);

        LockFile read = LockFile.read(first);
        read.write(second);

        assertThat(read.entries()).containsExactly(HERO, INTRO);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void writingAnUnchangedLockDoesNotTouchTheFile() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        LockFile lock = LockFile.empty().with(HERO);
        assertThat(lock.write(file)).isTrue();
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, past);

        assertThat(LockFile.read(file).write(file)).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(past);
        assertThat(lock.with(INTRO).write(file)).isTrue();
    }

    @Test
    void anOldLockWithCostsAsTextIsReadAsNumbersAndWrittenInTheNewForm() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Files.writeString(file, """
                {
                  "lockVersion": 1,
                  "assets": {
                    "a": {"key": "%1$s", "provider": "useapi", "model": "image-01", "files": [],
                          "credits": "6 credits", "generatedAt": "2026-01-01T00:00:00Z"},
                    "b": {"key": "%1$s", "provider": "useapi", "model": "image-01", "files": [],
                          "credits": "1 credit", "generatedAt": "2026-01-01T00:00:00Z"},
                    "c": {"key": "%1$s", "provider": "apixo", "model": "minimax-image-01", "files": [],
                          "credits": "$0.0105", "generatedAt": "2026-01-01T00:00:00Z"},
                    "d": {"key": "%1$s", "provider": "minimax", "model": "T2V-01", "files": [],
                          "credits": "price unknown", "generatedAt": "2026-01-01T00:00:00Z"},
                    "e": {"key": "%1$s", "provider": "placeholder", "model": "x", "files": [],
                          "credits": "free", "generatedAt": "2026-01-01T00:00:00Z"},
                    "f": {"key": "%1$s", "provider": "useapi", "model": "image-01", "files": [],
                          "generatedAt": "2026-01-01T00:00:00Z"}
                  }
                }
                """.formatted(KEY_A));

        LockFile lock = LockFile.read(file);

        assertThat(lock.entries().stream().map(Entry::cost))
                .containsExactly(
                        Cost.credits(6),
                        Cost.credits(1),
                        Cost.usd(new BigDecimal("0.0105")),
                        Cost.unknown(),
                        Cost.free(),
                        Cost.unknown());
        String written = new String(lock.toBytes(), StandardCharsets.UTF_8);
        assertThat(written)
                .doesNotContain("\"credits\":")
                .contains("\"amount\": 6,\n        \"unit\": \"credits\"")
                .contains("\"amount\": 0.0105,\n        \"unit\": \"usd\"")
                .contains("\"cost\": {\n        \"unit\": \"unknown\"\n      }");
    }

    @Test
    void aPartialBatchIsLockedWithTheFilesItHasAndIsReadBackTheSame() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Entry partial = new Entry(
                "set",
                KEY_A,
                "apixo",
                "minimax-image-01",
                List.of(new LockedFile("img/set-1.png", SHA_1, 10), new LockedFile("img/set-2.png", SHA_2, 11)),
                Cost.usd(new BigDecimal("0.007")),
                new LockFile.Partial(2, 4),
                List.of("task-1"),
                "2026-03-04T05:06:07Z");

        LockFile.empty().with(partial).write(file);

        assertThat(Files.readString(file))
                .contains("\"partial\": {\n        \"have\": 2,\n        \"of\": 4\n      },\n      \"cost\"");
        assertThat(LockFile.read(file).find("set")).contains(partial);
    }

    @Test
    void aPickIsLockedAfterTheFilesAndReadBackTheSame() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Entry picked = new Entry(
                "cards",
                KEY_A,
                "useapi",
                "midjourney-v7",
                List.of(new LockedFile("img/cards.png", SHA_1, 10)),
                Cost.credits(5000),
                null,
                List.of("job-1"),
                "2026-03-04T05:06:07Z",
                3);

        LockFile.empty().with(picked).write(file);

        assertThat(Files.readString(file)).contains("      ],\n      \"pick\": 3,\n      \"cost\"");
        assertThat(LockFile.read(file).find("cards")).contains(picked);
    }

    @Test
    void anEntryWithoutAPickWritesNoPickField() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        LockFile.empty()
                .with(new Entry(
                        "hero",
                        KEY_A,
                        "useapi",
                        "nano-banana-2",
                        List.of(new LockedFile("hero.png", SHA_1, 10)),
                        Cost.credits(4),
                        null,
                        List.of(),
                        "2026-03-04T05:06:07Z"))
                .write(file);

        assertThat(Files.readString(file)).doesNotContain("pick");
    }

    @Test
    void withoutAndRetainOnlyDropAssets() {
        LockFile lock = LockFile.empty().with(HERO).with(INTRO);

        assertThat(lock.without("hero").ids()).containsExactly("intro");
        assertThat(lock.retainOnly(List.of("hero", "gone")).ids()).containsExactly("hero");
        assertThat(lock.find("intro")).contains(INTRO);
    }

    @Test
    void malformedJsonIsReportedWithFileAndLine() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Files.writeString(file, GOLDEN.replace("\"provider\": \"useapi\",", "\"provider\": \"useapi\""));

        assertThatThrownBy(() -> LockFile.read(file))
                .isInstanceOfSatisfying(LockFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(7);
                })
                .hasMessageStartingWith(file + ":7:")
                .hasMessageContaining("malformed lock file")
                .hasMessageContaining("git checkout -- assets.lock.json");
    }

    @Test
    void aMissingFieldIsReportedWithItsName() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Files.writeString(file, GOLDEN.replace("      \"key\": \"" + KEY_B + "\",\n", ""));

        assertThatThrownBy(() -> LockFile.read(file))
                .isInstanceOf(LockFileException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("missing \"key\"");
    }

    @Test
    void aCostOfAbsurdSizeIsReportedAtItsAssetAtOnce() throws IOException {
        // 1E+300000000 written out would be a number of 300 million digits: minutes, not an error
        Path file = dir.resolve(LockFile.FILE_NAME);
        Files.writeString(file, GOLDEN.replace("\"amount\": 0.5,", "\"amount\": 1e300000000,"));

        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThatThrownBy(() -> LockFile.read(file))
                        .isInstanceOf(LockFileException.class)
                        .hasMessageContaining("asset \"hero\"")
                        .hasMessageContaining("an amount out of range"));
    }

    @Test
    void aBadOutputPathIsReportedAtItsAsset() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Files.writeString(file, GOLDEN.replace("video/intro.mp4", "video\\\\intro.mp4"));

        assertThatThrownBy(() -> LockFile.read(file))
                .isInstanceOf(LockFileException.class)
                .hasMessageStartingWith(file + ":24:")
                .hasMessageContaining("asset \"intro\"")
                .hasMessageContaining("/ separators");
    }

    @Test
    void aDuplicatedAssetIdFromABadMergeIsAnError() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Files.writeString(file, GOLDEN.replace("\"intro\": {", "\"hero\": {"));

        assertThatThrownBy(() -> LockFile.read(file))
                .isInstanceOf(LockFileException.class)
                .hasMessageContaining("hero");
    }

    @Test
    void anEmptyOrFutureLockFileIsAnError() throws IOException {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Files.writeString(file, "");
        assertThatThrownBy(() -> LockFile.read(file))
                .isInstanceOf(LockFileException.class)
                .hasMessageStartingWith(file + ":1:");

        Files.writeString(file, "{\"lockVersion\": 2, \"assets\": {}}\n");
        assertThatThrownBy(() -> LockFile.read(file))
                .isInstanceOf(LockFileException.class)
                .hasMessageContaining("lockVersion 2 is not supported");
    }

    @Test
    void lockedPathsMustBeRelativeWithForwardSlashes() {
        for (String bad : List.of("/abs.png", "a\\b.png", "../up.png", "a//b.png", "C:/x.png", "a/./b.png", "")) {
            assertThatThrownBy(() -> new LockedFile(bad, SHA_1, 1))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void describeRecordsARelativePathWithForwardSlashes() throws IOException {
        Path out = dir.resolve("out");
        Path file = StoreFixtures.write(out.resolve("img/sub/hero.png"), png("pixels"));

        LockedFile locked = LockedFile.describe(out, file);

        assertThat(locked)
                .isEqualTo(
                        new LockedFile("img/sub/hero.png", StoreFixtures.sha256(png("pixels")), png("pixels").length));
    }

    @Test
    void outputsAreUpToDateOnlyWhenEveryFileMatchesSizeAndHash() throws IOException {
        Path out = dir.resolve("out");
        Path a = StoreFixtures.write(out.resolve("img/a.png"), png("alpha"));
        Path b = StoreFixtures.write(out.resolve("img/b.png"), png("bravo"));
        Entry entry = new Entry(
                "pair",
                KEY_A,
                "useapi",
                "image-01",
                List.of(LockedFile.describe(out, a), LockedFile.describe(out, b)),
                Cost.free(),
                null,
                List.of(),
                "2026-01-01T00:00:00Z");

        assertThat(LockFile.upToDate(entry, out)).isTrue();

        Files.write(b, png("BRAVO"));
        assertThat(LockFile.upToDate(entry, out)).as("same size, other bytes").isFalse();

        Files.write(b, png("bravo, longer"));
        assertThat(LockFile.upToDate(entry, out)).as("other size").isFalse();

        Files.delete(b);
        assertThat(LockFile.upToDate(entry, out)).as("missing").isFalse();
    }

    @Test
    void upToDateOverAThousandSmallFiles() throws IOException {
        Path out = dir.resolve("many");
        List<LockedFile> files = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = png("image number " + i + " " + "x".repeat(20_000));
            files.add(LockedFile.describe(out, StoreFixtures.write(out.resolve("img/" + i + ".png"), bytes)));
        }
        Entry entry = new Entry(
                "many", KEY_A, "useapi", "image-01", files, Cost.free(), null, List.of(), "2026-01-01T00:00:00Z");
        LockFile.upToDate(entry, out);

        long start = System.nanoTime();
        boolean upToDate = LockFile.upToDate(entry, out);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(upToDate).isTrue();
        // A measurement for the record, not an assertion: it depends on the machine.
        System.out.println("LockFile.upToDate over 1,000 files of 20 KB: " + millis + " ms");
    }
}
