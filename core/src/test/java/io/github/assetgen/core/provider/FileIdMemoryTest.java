package io.github.assetgen.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileIdMemoryTest {

    private static final String SHA = "d".repeat(64);

    private final FileIdMemory memory = FileIdMemory.inMemory();

    @Test
    void aForgottenIdIsNoLongerFound() {
        memory.remember("useapi", "acct", SHA, "file-gone");

        memory.forget("useapi", "acct", SHA, "file-gone");

        assertThat(memory.find("useapi", "acct", SHA)).isEmpty();
    }

    @Test
    void forgettingAnIdThatWasReplacedKeepsTheFreshOne() {
        memory.remember("useapi", "acct", SHA, "file-gone");
        memory.remember("useapi", "acct", SHA, "file-fresh");

        memory.forget("useapi", "acct", SHA, "file-gone");

        assertThat(memory.find("useapi", "acct", SHA)).contains("file-fresh");
    }

    @Test
    void forgettingOnlyTouchesItsOwnProviderAndAccount() {
        memory.remember("useapi", "acct", SHA, "file-1");
        memory.remember("useapi", "other", SHA, "file-1");

        memory.forget("useapi", "other", SHA, "file-1");
        memory.forget("minimax", "acct", SHA, "file-1");

        assertThat(memory.find("useapi", "acct", SHA)).contains("file-1");
        assertThat(memory.find("useapi", "other", SHA)).isEmpty();
    }
}
