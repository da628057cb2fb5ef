package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.RequestFixtures;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.run.AssetResult;
import io.github.assetgen.core.run.AssetStatus;
import io.github.assetgen.core.run.OutputFile;
import io.github.assetgen.core.store.KeyLock;
import io.github.assetgen.core.store.LockFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock written after a build keeps what another build of the project wrote meanwhile. */
class BuildLockTest {

    @TempDir
    Path project;

    private static AssetResult generated(String id) {
        AssetRequest request = RequestFixtures.image("useapi", "nano-banana-2")
                .id(id)
                .prompt("a prompt for " + id)
                .outputs(id + ".png")
                .build();
        PlannedAsset planned =
                new PlannedAsset(request, CacheKey.of(request), Action.GENERATE, Cost.credits(6), null, null);
        OutputFile file = new OutputFile(id + ".png", null, 10, "1".repeat(64), MediaFormat.PNG);
        return new AssetResult(
                planned, AssetStatus.GENERATED, List.of(file), List.of("job-" + id), Duration.ZERO, null);
    }

    @Test
    void aBuildThatReadTheLockBeforeAnotherWroteItKeepsTheOthersPurchase() throws Exception {
        BuildConfig config = BuildFixtures.placeholderConfig(project);
        KeyLock locks = KeyLock.withDirectory(project.resolve("cache"));
        // two terminals, -Dassetgen.only=a and -Dassetgen.only=b: both read the lock while it was empty
        BuildLock first = new BuildLock(config);
        BuildLock second = new BuildLock(config);
        LockFile readByFirst = first.read("");
        LockFile readBySecond = second.read("");

        first.write(readByFirst, List.of(generated("a")), false, Instant.EPOCH, locks);
        LockFile written = second.write(readBySecond, List.of(generated("b")), false, Instant.EPOCH, locks);

        assertThat(written.ids()).containsExactly("a", "b");
        assertThat(LockFile.read(config.lockFile()).ids()).containsExactly("a", "b");
    }
}
