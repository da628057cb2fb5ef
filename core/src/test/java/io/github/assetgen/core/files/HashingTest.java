package io.github.assetgen.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashingTest {

    /** SHA-256 of "abc", from FIPS 180-2, appendix B.1. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void textBytesAndFilesHashToTheSameLowerCaseHex() throws Exception {
        Path file = Files.write(dir.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(Hashing.sha256("abc")).isEqualTo(ABC);
        assertThat(Hashing.sha256("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
        assertThat(Hashing.sha256(file)).isEqualTo(ABC);
    }

    @Test
    void aDigestFedInStepsGivesTheSameHex() {
        MessageDigest digest = Hashing.sha256();
        digest.update(new byte[] {'a', 'b'});
        digest.update((byte) 'c');

        assertThat(Hashing.hex(digest)).isEqualTo(ABC);
    }

    @Test
    void textIsHashedAsUtf8() {
        assertThat(Hashing.sha256("\u00e9")).isEqualTo(Hashing.sha256(new byte[] {(byte) 0xC3, (byte) 0xA9}));
    }

    @Test
    void aFileLargerThanOneBufferHashesLikeItsBytes() throws Exception {
        byte[] bytes = new byte[Hashing.BUFFER_SIZE * 2 + 17];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("big.bin"), bytes);

        assertThat(Hashing.sha256(file)).isEqualTo(Hashing.sha256(bytes));
    }

    @Test
    void onlySixtyFourLowerCaseHexDigitsAreAKey() {
        assertThat(Hashing.isSha256Hex(ABC)).isTrue();
        assertThat(Hashing.isSha256Hex(ABC.toUpperCase())).isFalse();
        assertThat(Hashing.isSha256Hex(ABC.substring(1))).isFalse();
        assertThat(Hashing.isSha256Hex(null)).isFalse();
        assertThat(Hashing.requireKey(ABC)).isEqualTo(ABC);
        assertThatThrownBy(() -> Hashing.requireKey("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
