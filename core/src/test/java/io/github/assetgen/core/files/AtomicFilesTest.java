package io.github.assetgen.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.store.StoreFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void publishedTextHoldsExactlyTheJdksUtf8BytesWhateverFallsOnTheSliceBoundaries() throws IOException {
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {"a", "<p>", "\u00b7", "\u00e9", "\u65e5", "\ud83d\ude00", "\n", "x".repeat(1000)};
        Path target = dir.resolve("report.html");
        for (int round = 0; round < 40; round++) {
            StringBuilder text = new StringBuilder();
            int length = (1 << 16) - 3 + random.nextInt(3 << 16);
            while (text.length() < length) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            if (round % 2 == 0) {
                // a surrogate pair straddling the first slice boundary
                text.insert((1 << 16) - 1, "\ud83d\ude00");
            }
            String content = text.toString();
            AtomicFiles.publish(target, content);
            assertThat(Files.readAllBytes(target)).isEqualTo(content.getBytes(StandardCharsets.UTF_8));
        }
        for (String small : List.of("", "short \u00b7", "\ud83d\ude00")) {
            AtomicFiles.publish(target, small);
            assertThat(Files.readAllBytes(target)).isEqualTo(small.getBytes(StandardCharsets.UTF_8));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void writeReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/report.json");
        AtomicFiles.write(target, "first, and longer".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("second");
        assertThat(namesIn(target.getParent())).containsExactly("report.json");
    }

    @Test
    void replaceWithoutHashingReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/report.html");
        AtomicFiles.replace(target, "first, and longer".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.replace(target, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("second");
        assertThat(namesIn(target.getParent())).containsExactly("report.html");
    }

    @Test
    void publishingAReportReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/report.html");
        Files.createDirectories(target.getParent());
        AtomicFiles.publish(target, "first, and longer");
        AtomicFiles.publish(target, "second");

        assertThat(target).hasContent("second");
        assertThat(namesIn(target.getParent())).containsExactly("report.html");
    }

    @Test
    void writeThroughAScratchDirectoryReplacesTheTargetAndLeavesNothingInEitherDirectory() throws IOException {
        Path target =
                StoreFixtures.write(dir.resolve("project/assets.lock.json"), "old".getBytes(StandardCharsets.UTF_8));
        Path scratch = dir.resolve("project/target/assetgen");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8), scratch);

        assertThat(target).hasContent("new");
        assertThat(namesIn(target.getParent())).containsExactlyInAnyOrder("assets.lock.json", "target");
        assertThat(namesIn(scratch)).isEmpty();
    }

    @Test
    void writeThroughAScratchDirectoryOnAnotherFileSystemFallsBackToATemporaryFileBesideTheTarget() throws IOException {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isDirectory(shm)
                        && Files.isWritable(shm)
                        && !Files.getFileStore(shm).equals(Files.getFileStore(dir)),
                "needs a second file system");
        Path scratch = Files.createTempDirectory(shm, "assetgen-scratch");
        try {
            Path target = dir.resolve("assets.lock.json");

            AtomicFiles.write(target, "across".getBytes(StandardCharsets.UTF_8), scratch);

            assertThat(target).hasContent("across");
            assertThat(namesIn(dir)).containsExactly("assets.lock.json");
            assertThat(namesIn(scratch)).isEmpty();
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    @Test
    void copyWritesTheSameBytesBesideNothingElse() throws IOException {
        Path source = StoreFixtures.write(dir.resolve("in.png"), StoreFixtures.png("pixels"));
        Path target = dir.resolve("out/copy.png");

        AtomicFiles.copy(source, target);

        assertThat(target).hasBinaryContent(StoreFixtures.png("pixels"));
        assertThat(namesIn(target.getParent())).containsExactly("copy.png");
    }

    @Test
    void writeAndCopyReportTheSizeSha256AndFormatOfWhatTheyWrote() throws IOException {
        byte[] png = StoreFixtures.png("pixels");

        AtomicFiles.Copied written = AtomicFiles.write(dir.resolve("a.png"), png);
        AtomicFiles.Copied copied = AtomicFiles.copy(dir.resolve("a.png"), dir.resolve("b.bin"));
        AtomicFiles.Copied text = AtomicFiles.write(
                dir.resolve("c.png"), "not a png".getBytes(StandardCharsets.UTF_8), dir.resolve("scratch"));

        AtomicFiles.Copied expected = new AtomicFiles.Copied(png.length, Hashing.sha256(png), MediaFormat.PNG);
        assertThat(written).isEqualTo(expected);
        assertThat(copied).isEqualTo(expected);
        assertThat(text).isEqualTo(new AtomicFiles.Copied(9, Hashing.sha256("not a png"), MediaFormat.UNKNOWN));
    }

    @Test
    void aStreamIsCopiedInStepsAndItsFormatReadEvenWhenItsHeadArrivesByteByByte() throws IOException {
        byte[] mp4 = new byte[Hashing.BUFFER_SIZE * 3 + 5];
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, mp4, 0, 12);
        // a network body hands out few bytes at a time; the format must still be read from the first 12
        InputStream trickle = new ByteArrayInputStream(mp4) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, pos < 12 ? 1 : len);
            }
        };
        Path temp = AtomicFiles.createTempBeside(dir.resolve("v.mp4"));

        AtomicFiles.Copied copied = AtomicFiles.copyAndHash(trickle, temp);

        assertThat(copied).isEqualTo(new AtomicFiles.Copied(mp4.length, Hashing.sha256(mp4), MediaFormat.MP4));
        assertThat(temp).hasBinaryContent(mp4);
    }

    @Test
    void aCopyWithALimitStopsThereAndLeavesTheRestUnread() throws IOException {
        byte[] body = new byte[Hashing.BUFFER_SIZE + 100];
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        Path temp = AtomicFiles.createTempBeside(dir.resolve("blob"));

        AtomicFiles.Copied copied = AtomicFiles.copyAndHash(in, temp, Hashing.BUFFER_SIZE + 1);

        assertThat(copied.size()).isEqualTo(Hashing.BUFFER_SIZE + 1);
        assertThat(copied.sha256()).isEqualTo(Hashing.sha256(new byte[Hashing.BUFFER_SIZE + 1]));
        assertThat(Files.size(temp)).isEqualTo(Hashing.BUFFER_SIZE + 1);
        assertThat(in.available()).isEqualTo(99);
    }

    @Test
    void aDestinationThatCannotBeWrittenIsToldApartFromASourceThatCannotBeRead() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("in-the-way"));
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> AtomicFiles.copyAndHash(new ByteArrayInputStream(new byte[10]), directory))
                .isInstanceOfSatisfying(
                        DestinationWriteException.class,
                        e -> assertThat(e.destination()).isEqualTo(directory));
        assertThatThrownBy(() -> AtomicFiles.copyAndHash(broken, dir.resolve("x.bin")))
                .isNotInstanceOf(DestinationWriteException.class)
                .hasMessage("connection reset");
    }

    @Test
    void aCopyFromAMissingSourceLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = StoreFixtures.write(dir.resolve("out/hero.png"), StoreFixtures.png("old"));

        assertThatThrownBy(() -> AtomicFiles.copy(dir.resolve("gone.png"), target))
                .isInstanceOf(NoSuchFileException.class);

        assertThat(target).hasBinaryContent(StoreFixtures.png("old"));
        assertThat(namesIn(target.getParent())).containsExactly("hero.png");
    }

    @Test
    void cleanStaleTempsDeletesOnlyOldTemporaryFilesAndDirectories() throws IOException {
        Instant now = Instant.parse("2026-01-02T00:00:00Z");
        Path oldTemp = StoreFixtures.write(dir.resolve(".tmp-old"), new byte[] {1});
        Path oldStaging = StoreFixtures.write(dir.resolve(".tmp-staging/1.png"), new byte[] {2})
                .getParent();
        Path youngTemp = StoreFixtures.write(dir.resolve(".tmp-young"), new byte[] {3});
        Path oldRealFile = StoreFixtures.write(dir.resolve("hero.png"), new byte[] {4});
        FileTime old = FileTime.from(now.minusSeconds(7200));
        for (Path p : new Path[] {oldTemp, oldStaging, oldRealFile}) {
            Files.setLastModifiedTime(p, old);
        }
        Files.setLastModifiedTime(youngTemp, FileTime.from(now.minusSeconds(60)));

        int deleted = AtomicFiles.cleanStaleTemps(dir, now.minusSeconds(3600));

        assertThat(deleted).isEqualTo(2);
        assertThat(namesIn(dir)).containsExactlyInAnyOrder(".tmp-young", "hero.png");
    }

    @Test
    void cleanStaleTempsUnderReachesTempsBesideNestedTargets() throws IOException {
        Instant now = Instant.parse("2026-01-02T00:00:00Z");
        Path nested = StoreFixtures.write(dir.resolve("img/heroes/.tmp-1a2b"), new byte[] {1});
        Path top = StoreFixtures.write(dir.resolve(".tmp-3c4d"), new byte[] {2});
        Path kept = StoreFixtures.write(dir.resolve("img/heroes/hero.png"), new byte[] {3});
        for (Path p : new Path[] {nested, top, kept}) {
            Files.setLastModifiedTime(p, FileTime.from(now.minusSeconds(7200)));
        }

        assertThat(AtomicFiles.cleanStaleTempsUnder(dir, now.minusSeconds(3600)))
                .isEqualTo(2);
        assertThat(nested).doesNotExist();
        assertThat(top).doesNotExist();
        assertThat(kept).exists();
    }

    @Test
    void cleanStaleTempsOfAMissingDirectoryDoesNothing() throws IOException {
        assertThat(AtomicFiles.cleanStaleTemps(dir.resolve("absent"), Instant.now()))
                .isZero();
    }

    /** The names directly inside {@code dir}; shared by the store tests. */
    public static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
