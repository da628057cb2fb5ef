package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.KeyLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines a whole run prints, from a fake provider polled every 4 s on a clock the sleeps move. */
class ProgressLinesTest {

    @TempDir
    Path temp;

    private final AssetRunnerTest.MutableClock clock =
            new AssetRunnerTest.MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
    private final LineLog log = new LineLog();

    /** Answers each poll of an asset's job from its script, then succeeds. */
    private static final class FakeClient implements ProviderClient {

        private final Map<String, Deque<JobState>> scripts = new ConcurrentHashMap<>();

        FakeClient script(String assetId, JobState... states) {
            scripts.put("job-" + assetId, new ArrayDeque<>(List.of(states)));
            return this;
        }

        @Override
        public String name() {
            return "useapi";
        }

        @Override
        public SubmitResult submit(AssetRequest request) {
            return SubmitResult.ofJobs(List.of(new JobRef("useapi", "image", "job-" + request.id())));
        }

        @Override
        public JobState poll(JobRef job) {
            JobState next = scripts.get(job.id()).poll();
            return next != null ? next : new JobState.Succeeded(List.of(ResultLocation.ofUrl("https://cdn.example/x")));
        }

        @Override
        public DownloadedFile download(ResultLocation result, Path target) {
            byte[] png = ScriptedClient.png(7);
            try {
                Files.write(target, png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new DownloadedFile(
                    target, MediaFormat.PNG, png.length, HexFormat.of().formatHex(new byte[32]));
        }
    }

    private AssetRunner runner(FakeClient client) {
        Path cacheDir = temp.resolve("cache");
        ProviderSettings settings = new ProviderSettings(
                "useapi",
                URI.create("http://127.0.0.1:1"),
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(4),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                2,
                2);
        return new AssetRunner(
                Map.of("useapi", client),
                Map.of("useapi", settings),
                AssetCache.withDirectory(cacheDir, clock, RunListener.silent()::warn),
                Journal.withDirectory(cacheDir, clock, RunListener.silent()::warn),
                KeyLock.withDirectory(cacheDir),
                temp.resolve("out"),
                cacheDir.resolve("tmp"),
                Duration.ofMinutes(30),
                false,
                clock,
                clock::advance,
                new Random(7),
                log,
                RunPolicy.none());
    }

    @Test
    void aGeneratedAssetPrintsSubmittedThrottledPercentsAndLandedWithTimeAndSpent() throws Exception {
        FakeClient client = new FakeClient()
                .script(
                        "hero",
                        new JobState.Running("processing", 10),
                        new JobState.Running("processing", 20),
                        new JobState.Running("processing", 30),
                        new JobState.Running("processing", 40),
                        new JobState.Running("processing", 50));

        runner(client).run(List.of(RunProgressTest.asset("hero", "useapi", "nano-banana-2", Cost.credits(4))));

        // polls at 1 and 5 s report; the rising percent stretches the next wait to 16 s (PollSchedule), and
        // the pace it then sees is slower, so 21, 25, 37 s report and the one at 41 s succeeds. 5 s falls
        // within 10 s of the first line, 25 s within 10 s of the second
        assertThat(log.infos)
                .containsExactly(
                        "[hero] submitted to useapi/nano-banana-2, job job-hero (estimate 4 credits)",
                        "[hero] processing 10%",
                        "[hero] processing 30%",
                        "[hero] processing 50%",
                        "[hero] generated hero.png in 41 s, spent 4 credits");
        assertThat(log.errors).isEmpty();
    }

    @Test
    void aFailedAssetPrintsItsStatusWordsThenAnErrorWithTimeAndSpent() throws Exception {
        FakeClient client = new FakeClient()
                .script(
                        "bad",
                        new JobState.Running("queued", null),
                        new JobState.Running("queued", null),
                        new JobState.Running("processing", null),
                        new JobState.Failed("useapi moderated the image (status 7)", true));

        List<AssetResult> results =
                runner(client).run(List.of(RunProgressTest.asset("bad", "useapi", "nano-banana-2", Cost.credits(4))));

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(AssetStatus.FAILED));
        // polls at 1, 5, 9 s run; 9 s is within 10 s of "queued", so "processing" never shows before the end at 13 s
        assertThat(log.infos)
                .containsExactly(
                        "[bad] submitted to useapi/nano-banana-2, job job-bad (estimate 4 credits)", "[bad] queued");
        assertThat(log.errors)
                .containsExactly("[bad] failed after 13 s, spent nothing: moderated by useapi: useapi moderated the"
                        + " image (status 7)");
    }
}
