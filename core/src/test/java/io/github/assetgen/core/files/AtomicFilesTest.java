package io.github.assetgen.core.files;

import io.github.assetgen.core.store.StoreFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    void writeReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/report.json");
        AtomicFiles.write(target, "first, and longer".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("second");
        assertThat(namesIn(target.getParent())).containsExactly("report.json");
    }

    @Test
    void writeThroughAScratchDirectoryReplacesTheTargetAndLeavesNothingInEitherDirectory() throws IOException {
        Path target = StoreFixtures.write(dir.resolve("project/assets.lock.json"), "old".getBytes(StandardCharsets.UTF_8));
        Path scratch = dir.resolve("project/target/assetgen");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8), scratch);

        assertThat(target).hasContent("new");
        assertThat(namesIn(target.getParent())).containsExactlyInAnyOrder("assets.lock.json", "target");
        assertThat(namesIn(scratch)).isEmpty();
    }

    @Test
    void writeThroughAScratchDirectoryOnAnotherFileSystemFallsBackToATemporaryFileBesideTheTarget()
            throws IOException {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(dir)), "needs a second file system");
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
    void cleanStaleTempsDeletesOnlyOldTemporaryFilesAndDirectories() throws IOException {
        Instant now = Instant.parse("2026-01-02T00:00:00Z");
        Path oldTemp = StoreFixtures.write(dir.resolve(".tmp-old"), new byte[] {1});
        Path oldStaging = StoreFixtures.write(dir.resolve(".tmp-staging/1.png"), new byte[] {2}).getParent();
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

        assertThat(AtomicFiles.cleanStaleTempsUnder(dir, now.minusSeconds(3600))).isEqualTo(2);
        assertThat(nested).doesNotExist();
        assertThat(top).doesNotExist();
        assertThat(kept).exists();
    }

    @Test
    void cleanStaleTempsOfAMissingDirectoryDoesNothing() throws IOException {
        assertThat(AtomicFiles.cleanStaleTemps(dir.resolve("absent"), Instant.now())).isZero();
    }

    /** The names directly inside {@code dir}; shared by the store tests. */
    public static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
