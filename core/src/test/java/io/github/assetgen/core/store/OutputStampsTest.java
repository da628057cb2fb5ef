package io.github.assetgen.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.assetgen.core.files.FileStamp;
import io.github.assetgen.core.files.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputStampsTest {

    @TempDir
    Path dir;

    private Path stampFile;
    private Path output;
    private String sha;
    private Instant written;

    @BeforeEach
    void anOutputWrittenAnHourAgo() throws IOException {
        stampFile = dir.resolve("target/assetgen/output-stamps.tsv");
        output = dir.resolve("out/hero.png");
        Files.createDirectories(output.getParent());
        Files.writeString(output, "the hero image, version one", StandardCharsets.UTF_8);
        written = Instant.now().minus(Duration.ofHours(1));
        Files.setLastModifiedTime(output, FileTime.from(written));
        sha = Hashing.sha256(output);
    }

    private OutputStamps stampsAt(Instant now) {
        return OutputStamps.read(stampFile, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A first build hashes the file and stamps it. */
    private void stampedOnce() throws IOException {
        OutputStamps first = stampsAt(Instant.now());
        assertThat(first.holds(output, sha, Files.size(output))).isTrue();
        assertThat(first.hashedFiles()).isEqualTo(1);
        assertThat(first.save()).isTrue();
    }

    @Test
    void aStampedFileThatDidNotChangeIsNotReadAgain() throws IOException {
        stampedOnce();

        OutputStamps next = stampsAt(Instant.now());

        assertThat(next.holds(output, sha, Files.size(output))).isTrue();
        assertThat(next.hashedFiles()).isZero();
        assertThat(next.save()).as("nothing new to write").isFalse();
    }

    @Test
    void aFileEditedToTheSameSizeIsHashedAndFound() throws IOException {
        stampedOnce();
        Files.writeString(output, "the hero image, version TWO", StandardCharsets.UTF_8);

        OutputStamps next = stampsAt(Instant.now());

        assertThat(next.holds(output, sha, Files.size(output))).isFalse();
        assertThat(next.hashedFiles()).isEqualTo(1);
    }

    @Test
    void anEditWhoseModificationTimeIsPutBackIsCaughtByTheChangeTime() throws IOException {
        stampedOnce();
        assumeThat(FileStamp.of(output).orElseThrow().changedNanos())
                .as("the platform reports change times")
                .isNotNegative();
        Files.writeString(output, "the hero image, version TWO", StandardCharsets.UTF_8);
        // what `touch -r` or `cp -p` do: same size, same modification time, other bytes
        Files.setLastModifiedTime(output, FileTime.from(written));

        OutputStamps next = stampsAt(Instant.now());

        assertThat(next.holds(output, sha, Files.size(output))).isFalse();
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimeIsCaught() throws IOException {
        stampedOnce();
        Path other = dir.resolve("out/other.png");
        Files.writeString(other, "the hero image, version TWO", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(other, FileTime.from(written));
        Files.move(other, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        OutputStamps next = stampsAt(Instant.now());

        assertThat(next.holds(output, sha, Files.size(output))).isFalse();
    }

    @Test
    void aFileStampedWithinTheClockTickOfItsWriteIsHashedUntilAStampComesLater() throws IOException {
        // the stamp is taken one second after the write: an edit in that second could keep the
        // modification time of a file system with whole-second times, so the stamp proves nothing
        Instant soon = written.plusSeconds(1);
        OutputStamps racy = stampsAt(soon);
        assertThat(racy.holds(output, sha, Files.size(output))).isTrue();
        racy.save();

        OutputStamps next = stampsAt(Instant.now());
        assertThat(next.holds(output, sha, Files.size(output))).isTrue();
        assertThat(next.hashedFiles()).as("a racy stamp is checked by content").isEqualTo(1);
        assertThat(next.save())
                .as("and stamped again, now safely after the write")
                .isTrue();

        OutputStamps later = stampsAt(Instant.now());
        assertThat(later.holds(output, sha, Files.size(output))).isTrue();
        assertThat(later.hashedFiles()).isZero();
    }

    @Test
    void aStampOfOtherBytesProvesNothing() throws IOException {
        stampedOnce();

        OutputStamps next = stampsAt(Instant.now());

        assertThat(next.holds(output, "0".repeat(64), Files.size(output))).isFalse();
        assertThat(next.hashedFiles()).isEqualTo(1);
    }

    @Test
    void aMissingFileOrAnotherSizeIsNotHeldAndNotRead() throws IOException {
        stampedOnce();
        OutputStamps next = stampsAt(Instant.now());

        assertThat(next.holds(output, sha, Files.size(output) + 1)).isFalse();
        Files.delete(output);
        assertThat(next.holds(output, sha, 27)).isFalse();
        assertThat(next.hashedFiles()).isZero();
    }

    @Test
    void aDamagedStampFileMeansEveryFileIsHashed() throws IOException {
        stampedOnce();
        Files.writeString(stampFile, Files.readString(stampFile).replace("\t", " "));

        OutputStamps next = stampsAt(Instant.now());

        assertThat(next.holds(output, sha, Files.size(output))).isTrue();
        assertThat(next.hashedFiles()).isEqualTo(1);
    }

    @Test
    void noStampsHashEveryTimeAndWriteNothing() throws IOException {
        OutputStamps none = OutputStamps.none();

        assertThat(none.holds(output, sha, Files.size(output))).isTrue();
        assertThat(none.holds(output, sha, Files.size(output))).isTrue();

        assertThat(none.hashedFiles()).isEqualTo(2);
        assertThat(none.save()).isFalse();
    }
}
