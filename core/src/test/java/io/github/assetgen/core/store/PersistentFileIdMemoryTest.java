package io.github.assetgen.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentFileIdMemoryTest {

    private static final String SHA = "c".repeat(64);

    @TempDir
    Path cacheDir;

    @Test
    void aRememberedIdSurvivesIntoANewInstance() {
        PersistentFileIdMemory.withDirectory(cacheDir).remember("minimax", null, SHA, "file-123");

        PersistentFileIdMemory nextBuild = PersistentFileIdMemory.withDirectory(cacheDir);

        assertThat(nextBuild.find("minimax", null, SHA)).contains("file-123");
        assertThat(cacheDir.resolve("uploads/minimax/_default/" + SHA)).hasContent("file-123");
    }

    @Test
    void idsAreKeptPerProviderAndAccount() {
        PersistentFileIdMemory memory = PersistentFileIdMemory.withDirectory(cacheDir);
        memory.remember("useapi", "alice@example.com", SHA, "alice-file");

        assertThat(memory.find("useapi", "alice@example.com", SHA)).contains("alice-file");
        assertThat(memory.find("useapi", "bob@example.com", SHA)).isEmpty();
        assertThat(memory.find("useapi", null, SHA)).isEmpty();
        assertThat(memory.find("minimax", "alice@example.com", SHA)).isEmpty();
    }

    @Test
    void anAccountNameCannotEscapeTheUploadsDirectory() throws IOException {
        PersistentFileIdMemory memory = PersistentFileIdMemory.withDirectory(cacheDir);

        memory.remember("useapi", "../../evil", SHA, "id-1");
        memory.remember("useapi", "_default", SHA, "id-2");

        assertThat(memory.find("useapi", "../../evil", SHA)).contains("id-1");
        assertThat(memory.find("useapi", null, SHA)).isEmpty();
        try (var all = Files.walk(cacheDir)) {
            assertThat(all.filter(Files::isRegularFile))
                    .allMatch(p -> p.startsWith(cacheDir.resolve("uploads/useapi")));
        }
    }

    private Path uploadsFile(String account) {
        return cacheDir.resolve("uploads/useapi/" + account + "/" + SHA);
    }

    @Test
    void aForgottenIdIsGoneFromDiskAndFromTheNextBuild() throws IOException {
        PersistentFileIdMemory memory = PersistentFileIdMemory.withDirectory(cacheDir);
        memory.remember("useapi", "acct", SHA, "file-gone");
        assertThat(memory.find("useapi", "acct", SHA)).contains("file-gone");

        memory.forget("useapi", "acct", SHA, "file-gone");

        assertThat(memory.find("useapi", "acct", SHA)).isEmpty();
        assertThat(PersistentFileIdMemory.withDirectory(cacheDir).find("useapi", "acct", SHA))
                .isEmpty();
        assertThat(uploadsFile("acct")).doesNotExist();
        try (var left = Files.list(uploadsFile("acct").getParent())) {
            assertThat(left).as("no temporary file left behind").isEmpty();
        }
    }

    @Test
    void forgettingAnIdThatWasReplacedKeepsTheFreshOne() {
        PersistentFileIdMemory staleBuild = PersistentFileIdMemory.withDirectory(cacheDir);
        staleBuild.remember("useapi", "acct", SHA, "file-gone");
        assertThat(staleBuild.find("useapi", "acct", SHA)).contains("file-gone");
        PersistentFileIdMemory otherBuild = PersistentFileIdMemory.withDirectory(cacheDir);
        otherBuild.remember("useapi", "acct", SHA, "file-fresh");

        staleBuild.forget("useapi", "acct", SHA, "file-gone");
        otherBuild.forget("useapi", "acct", SHA, "file-gone");

        assertThat(uploadsFile("acct")).hasContent("file-fresh");
        assertThat(staleBuild.find("useapi", "acct", SHA)).contains("file-fresh");
        assertThat(otherBuild.find("useapi", "acct", SHA)).contains("file-fresh");
        assertThat(PersistentFileIdMemory.withDirectory(cacheDir).find("useapi", "acct", SHA))
                .contains("file-fresh");
    }

    @Test
    void forgettingWhatWasNeverRememberedDoesNothing() {
        PersistentFileIdMemory memory = PersistentFileIdMemory.withDirectory(cacheDir);

        memory.forget("useapi", "acct", SHA, "file-gone");
        memory.remember("useapi", "acct", SHA, "file-kept");
        memory.forget("useapi", null, SHA, "file-kept");
        memory.forget("minimax", "acct", SHA, "file-kept");

        assertThat(memory.find("useapi", "acct", SHA)).contains("file-kept");
        assertThat(uploadsFile("acct")).hasContent("file-kept");
    }

    @Test
    void aValueThatIsNotASha256IsRefused() {
        assertThatThrownBy(() -> PersistentFileIdMemory.withDirectory(cacheDir).find("useapi", null, "../x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
