package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.OpenJob;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobLookup;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.run.AssetRunnerTest.MutableClock;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.JournalEntry;
import io.github.assetgen.core.wording.MavenStyle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creates without a clear answer, lost journal writes, per-account credits and MiniMax image resumes. */
class LostAnswersTest {

    private static final ProviderException GATEWAY =
            new ProviderException(Kind.MAYBE_SUBMITTED, "useapi", 502, "bad gateway", null, null);

    @TempDir
    Path temp;

    private Path cacheDir;
    private MutableClock clock;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private AssetCache cache;
    private Journal journal;

    @BeforeEach
    void setUp() {
        cacheDir = temp.resolve("cache");
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        cache = AssetCache.withDirectory(cacheDir, clock, logged::add);
        journal = Journal.withDirectory(cacheDir, clock, logged::add);
    }

    private AssetRunner runner(ProviderClient client, String provider, boolean force) {
        ProviderSettings settings = new ProviderSettings(
                provider,
                URI.create("http://127.0.0.1:1"),
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                2,
                1);
        Sleeper sleeper = duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
        RunListener log = new RunListener() {
            @Override
            public void info(String message) {
                logged.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                logged.add("WARN " + message);
            }

            @Override
            public void error(String message) {
                logged.add("ERROR " + message);
            }

            @Override
            public void debug(String message) {}
        };
        return RunnerFixtures.runner(
                client,
                settings,
                cache,
                journal,
                cacheDir,
                temp.resolve("out"),
                force,
                clock,
                sleeper,
                log,
                RunPolicy.none());
    }

    private static AssetRequest request(String id, String provider, String account) {
        return new AssetRequest(
                id,
                provider,
                AssetType.IMAGE,
                "image-01",
                "a prompt for " + id,
                Map.of("quantity", 1),
                List.of(),
                null,
                null,
                null,
                account,
                List.of("img/" + id + ".png"),
                Position.startOf("a.yaml"));
    }

    private static PlannedAsset planned(AssetRequest request, Action action, OpenJob open) {
        return new PlannedAsset(request, CacheKey.of(request), action, Cost.credits(4), open, null);
    }

    private static PlannedAsset generate(String id) {
        return planned(request(id, "useapi", null), Action.GENERATE, null);
    }

    private static JobRef jobOf(String id) {
        return new JobRef("useapi", "image", "user:1-minimax:acct-image:" + id + "-1");
    }

    // ------------------------------------------------------------------ useapi: look before resending

    @Test
    void aGatewayErrorToACreateIsLookedUpAndTheFoundJobIsCollectedWithoutASecondCreate() throws Exception {
        LookingClient client = new LookingClient();
        client.scripted.failSubmit("hero", GATEWAY);
        client.answers.add(List.of());
        client.answers.add(List.of(jobOf("hero")));
        PlannedAsset hero = generate("hero");

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(results.get(0).jobIds()).containsExactly(jobOf("hero").id());
        assertThat(client.scripted.submits).hasValue(1);
        assertThat(client.lookups).hasValue(2);
        assertThat(client.submissionIds).singleElement().satisfies(id -> {
            assertThat(id).startsWith("hero#");
            assertThat(client.lookedFor).containsOnly(id);
        });
        assertThat(journal.find(hero.key())).isEmpty();
    }

    @Test
    void theSubmissionIdIsInTheJournalBeforeTheCreateIsSent() throws Exception {
        PlannedAsset hero = generate("hero");
        List<JournalEntry> seen = new ArrayList<>();
        LookingClient client = new LookingClient() {
            @Override
            public SubmitResult submit(AssetRequest request, String submissionId) throws ProviderException {
                try {
                    seen.add(journal.find(hero.key()).orElseThrow());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return super.submit(request, submissionId);
            }
        };

        runner(client, "useapi", false).run(List.of(hero));

        assertThat(seen).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(JournalEntry.State.SUBMITTING);
            assertThat(entry.submissionId()).isEqualTo(client.submissionIds.get(0));
        });
    }

    @Test
    void whenTheListsShowNoJobAfterTheGracePeriodTheCreateIsSentOnceMoreAndTheLogSaysSo() throws Exception {
        LookingClient client = new LookingClient();
        client.scripted.failSubmit("hero", GATEWAY);

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(generate("hero")));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.scripted.submits).hasValue(2);
        assertThat(client.submissionIds).hasSize(2).doesNotHaveDuplicates();
        // looked every poll interval (10 s) for two minutes: 13 looks, 12 waits
        assertThat(client.lookups).hasValue(13);
        assertThat(logged)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("WARN [hero] no job with replyRef " + client.submissionIds.get(0))
                        .endsWith("after 2 min; sending again"));
    }

    @Test
    void aJobThatMayBeTheCreatesButCannotBeToldApartIsNeitherCollectedNorPaidForTwice() throws Exception {
        LookingClient client = new LookingClient();
        client.scripted.failSubmit("hero", GATEWAY);
        client.unconfirmed = List.of(jobOf("web").id(), jobOf("other").id());
        PlannedAsset hero = generate("hero");

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(MavenStyle.text(results.get(0).message()))
                .contains(
                        "may already be paid for",
                        "cannot be told apart",
                        jobOf("web").id())
                .contains("-Dassetgen.force=true -Dassetgen.only=hero");
        assertThat(client.scripted.submits).as("not sent again on a guess").hasValue(1);
        assertThat(client.lookups).as("looked for the whole grace period").hasValue(13);
        // the next build looks again instead of planning a new create
        assertThat(journal.find(hero.key()))
                .hasValueSatisfying(entry -> assertThat(entry.state()).isEqualTo(JournalEntry.State.SUBMITTING));
    }

    @Test
    void listsThatCannotBeReadFailTheAssetAsMaybePaidAndNothingIsResent() throws Exception {
        LookingClient client = new LookingClient();
        client.scripted.failSubmit("hero", GATEWAY);
        client.failure = new ProviderException(Kind.PROVIDER_STOP, "useapi", 401, "Unauthorized", null, null);
        PlannedAsset hero = generate("hero");

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(MavenStyle.text(results.get(0).message()))
                .contains("may already be paid for", "could not be read", "Unauthorized")
                .contains("-Dassetgen.force=true -Dassetgen.only=hero");
        assertThat(client.scripted.submits).hasValue(1);
        assertThat(journal.find(hero.key())).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(JournalEntry.State.SUBMITTING);
            assertThat(entry.submissionId()).isEqualTo(client.submissionIds.get(0));
        });
    }

    @Test
    void aProviderWithoutListsKeepsTheSafeAnswerToAGatewayError() throws Exception {
        ScriptedClient minimax = new ScriptedClient("minimax")
                .failSubmit("hero", new ProviderException(Kind.MAYBE_SUBMITTED, "minimax", 504, "gateway", null, null));
        PlannedAsset hero = planned(request("hero", "minimax", null), Action.GENERATE, null);

        List<AssetResult> results = runner(minimax, "minimax", false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(MavenStyle.text(results.get(0).message()))
                .contains("may already be paid for", "-Dassetgen.only=hero");
        assertThat(minimax.submits).hasValue(1);
        assertThat(journal.find(hero.key()))
                .hasValueSatisfying(entry -> assertThat(entry.submissionId()).isNull());
    }

    /** hero, whose create an earlier build journaled as {@code submissionId} and was killed before its answer. */
    private PlannedAsset heroCreateKilledHalfAnHourAgo(String submissionId) throws IOException {
        AssetRequest request = request("hero", "useapi", null);
        PlannedAsset blocked = planned(request, Action.BLOCKED, new OpenJob(List.of(), clock.instant(), false));
        journal.begin(blocked.key(), "useapi", "hero", "image-01", submissionId);
        clock.advance(Duration.ofMinutes(30));
        return blocked;
    }

    @Test
    void theNextBuildLooksUpACreateKilledBeforeItsAnswerAndCollectsItInsteadOfBlocking() throws Exception {
        PlannedAsset blocked = heroCreateKilledHalfAnHourAgo("hero#0123456789ab");
        LookingClient client = new LookingClient();
        client.answers.add(List.of(jobOf("hero")));

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(blocked));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.scripted.submits).hasValue(0);
        assertThat(client.lookedFor).containsExactly("hero#0123456789ab");
        assertThat(journal.find(blocked.key())).isEmpty();
    }

    @Test
    void theNextBuildFindingNoJobForAnOldCreateClosesTheEntryAndSendsNothing() throws Exception {
        PlannedAsset blocked = heroCreateKilledHalfAnHourAgo("hero#0123456789ab");
        LookingClient client = new LookingClient();

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(blocked));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(results.get(0).message()).contains("show no job with replyRef hero#0123456789ab", "run the build");
        assertThat(client.lookups).as("long past the grace period: one look").hasValue(1);
        assertThat(client.scripted.submits).hasValue(0);
        assertThat(journal.find(blocked.key())).isEmpty();
    }

    @Test
    void theNextBuildSeeingOnlyJobsItCannotTellApartKeepsTheEntryAndSendsNothing() throws Exception {
        PlannedAsset blocked = heroCreateKilledHalfAnHourAgo("hero#000000000002");
        LookingClient client = new LookingClient();
        client.unconfirmed = List.of(jobOf("web").id());

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(blocked));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(MavenStyle.text(results.get(0).message()))
                .contains("cannot be told apart", "may already be paid for");
        assertThat(client.scripted.submits).hasValue(0);
        assertThat(journal.find(blocked.key())).isPresent();
    }

    // ------------------------------------------------------------------ journal writes after a paid create

    @Test
    void aJournalWriteThatFailsAfterAPaidCreateLogsTheIdsRetriesAndStillCollects() throws Exception {
        PlannedAsset hero = generate("hero");
        LookingClient client = new LookingClient() {
            @Override
            public SubmitResult submit(AssetRequest request, String submissionId) throws ProviderException {
                try {
                    // the entry vanishes: as on a full or read-only disk, the write cannot succeed
                    journal.close(hero.key());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return super.submit(request, submissionId);
            }
        };

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(hero));

        assertThat(results.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.scripted.submits).hasValue(1);
        assertThat(logged)
                .filteredOn(line -> line.startsWith("ERROR [hero]"))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains(jobOf("hero").id()));
        assertThat(sleeps.subList(0, 3))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    // ------------------------------------------------------------------ useapi 412 per account

    @Test
    void outOfCreditsOnOneAccountStopsThatAccountOnly() throws Exception {
        ScriptedClient client = new ScriptedClient("useapi")
                .failSubmit(
                        "a1",
                        new ProviderException(Kind.PROVIDER_STOP, "useapi", 412, "Insufficient credits", null, null));
        PlannedAsset a1 = planned(request("a1", "useapi", "111"), Action.GENERATE, null);
        PlannedAsset b1 = planned(request("b1", "useapi", "222"), Action.GENERATE, null);

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(a1, b1));

        assertThat(results).extracting(AssetResult::status).containsExactly(AssetStatus.FAILED, AssetStatus.GENERATED);
        assertThat(results.get(0).message()).contains("account 111", "other accounts go on");
    }

    @Test
    void anAccountOnHoldStopsThatAccountOnly() throws Exception {
        // useapi's 596: "Your hailuoai.video account has been placed on hold"; other accounts still work
        ScriptedClient client = new ScriptedClient("useapi")
                .failSubmit(
                        "a1", new ProviderException(Kind.PROVIDER_STOP, "useapi", 596, "Account on hold", null, null));
        PlannedAsset a1 = planned(request("a1", "useapi", "111"), Action.GENERATE, null);
        PlannedAsset b1 = planned(request("b1", "useapi", "222"), Action.GENERATE, null);

        List<AssetResult> results = runner(client, "useapi", false).run(List.of(a1, b1));

        assertThat(results).extracting(AssetResult::status).containsExactly(AssetStatus.FAILED, AssetStatus.GENERATED);
        assertThat(results.get(0).message()).contains("account 111", "on hold", "other accounts go on");
    }

    @Test
    void theGatesStopOneAccountWithoutStoppingTheOthersOrTheProvider() {
        ProviderGates gates = new ProviderGates(Map.of("useapi", 1));

        gates.stop("useapi", "111", "no credits");

        assertThat(gates.stopReason("useapi", "111")).isEqualTo("no credits");
        assertThat(gates.stopReason("useapi", "222")).isNull();
        assertThat(gates.stopReason("useapi", null)).isNull();
        gates.stop("useapi", null, "on hold");
        assertThat(gates.stopReason("useapi", "222")).isEqualTo("on hold");
    }

    // ------------------------------------------------------------------ MiniMax images: answered once

    @Test
    void aMinimaxImageWhoseDownloadFailedIsCollectedByTheNextBuildFromTheKeptAnswer() throws Exception {
        AnsweringClient minimax = new AnsweringClient();
        minimax.failDownloads = 1;
        AssetRequest request = request("hero", "minimax", null);
        PlannedAsset first = planned(request, Action.GENERATE, null);

        List<AssetResult> failed = runner(minimax, "minimax", false).run(List.of(first));

        assertThat(failed.get(0).status()).isEqualTo(AssetStatus.FAILED);
        JournalEntry entry = journal.find(first.key()).orElseThrow();
        assertThat(entry.jobs()).extracting(JobRef::kind).containsExactly("image", JournalRecorder.RESULT_FILE);

        PlannedAsset resume = planned(request, Action.RESUME, new OpenJob(entry.jobs(), entry.startedAt(), false));
        List<AssetResult> resumed = runner(minimax, "minimax", false).run(List.of(resume));

        assertThat(resumed.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(minimax.submits).hasValue(1);
        assertThat(minimax.polls).hasValue(0);
        assertThat(journal.find(first.key())).isEmpty();
        assertThat(cacheDir.resolve("journal"))
                .isDirectoryNotContaining(p -> p.toString().endsWith(".results"));
    }

    @Test
    void aMinimaxImageJobWithoutKeptResultsFailsNamingForceAndForceStartsOver() throws Exception {
        AssetRequest request = request("hero", "minimax", null);
        String key = CacheKey.of(request);
        journal.begin(key, "minimax", "hero", "image-01");
        List<JobRef> jobs = List.of(new JobRef("minimax", "image", "img-77"));
        journal.recordSubmitted(key, jobs);
        PlannedAsset resume = planned(request, Action.RESUME, new OpenJob(jobs, clock.instant(), false));
        AnsweringClient minimax = new AnsweringClient();

        List<AssetResult> stuck = runner(minimax, "minimax", false).run(List.of(resume));

        assertThat(stuck.get(0).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(MavenStyle.text(stuck.get(0).message()))
                .contains("img-77", "cannot be collected", "-Dassetgen.force=true");
        assertThat(minimax.submits).hasValue(0);

        List<AssetResult> forced = runner(minimax, "minimax", true).run(List.of(resume));

        assertThat(forced.get(0).status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(minimax.submits).hasValue(1);
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("WARN [hero] force: closing the journal"));
    }

    /** useapi-like: a scripted client with a scripted lookup. */
    private static class LookingClient implements ProviderClient {
        final ScriptedClient scripted = new ScriptedClient("useapi");
        final Deque<List<JobRef>> answers = new ArrayDeque<>();
        final AtomicInteger lookups = new AtomicInteger();
        final List<String> submissionIds = Collections.synchronizedList(new ArrayList<>());
        final List<String> lookedFor = Collections.synchronizedList(new ArrayList<>());
        /** What every look reports as maybe the create's job. */
        volatile List<String> unconfirmed = List.of();

        volatile ProviderException failure;

        @Override
        public String name() {
            return "useapi";
        }

        @Override
        public SubmitResult submit(AssetRequest request) throws ProviderException {
            throw new AssertionError("the runner sends a submission id");
        }

        @Override
        public SubmitResult submit(AssetRequest request, String submissionId) throws ProviderException {
            submissionIds.add(submissionId);
            return scripted.submit(request);
        }

        @Override
        public Optional<JobLookup> jobLookup() {
            return Optional.of((request, submissionId, sentAt) -> {
                lookups.incrementAndGet();
                lookedFor.add(submissionId);
                if (failure != null) {
                    throw failure;
                }
                List<JobRef> next = answers.poll();
                return new JobLookup.Found(next == null ? List.of() : next, unconfirmed);
            });
        }

        @Override
        public JobState poll(JobRef job) throws ProviderException {
            return scripted.poll(job);
        }

        @Override
        public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
            return scripted.download(result, target);
        }
    }

    /** MiniMax-like: images answered inline in the create, never pollable. */
    private static final class AnsweringClient implements ProviderClient {
        final AtomicInteger submits = new AtomicInteger();
        final AtomicInteger polls = new AtomicInteger();
        volatile int failDownloads;

        @Override
        public String name() {
            return "minimax";
        }

        @Override
        public SubmitResult submit(AssetRequest request) {
            submits.incrementAndGet();
            String png = Base64.getEncoder().encodeToString(ScriptedClient.png(submits.get()));
            return SubmitResult.completed(
                    List.of(new JobRef("minimax", "image", "img-" + submits.get())),
                    List.of(ResultLocation.ofBase64(png)));
        }

        @Override
        public boolean canPoll(JobRef job) {
            return false;
        }

        @Override
        public JobState poll(JobRef job) throws ProviderException {
            polls.incrementAndGet();
            throw new ProviderException(Kind.REJECTED, "minimax", "images cannot be polled");
        }

        @Override
        public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
            if (failDownloads > 0) {
                failDownloads--;
                throw new ProviderException(Kind.REJECTED, "minimax", "disk trouble");
            }
            try {
                byte[] bytes = result.base64() != null
                        ? Base64.getDecoder().decode(result.base64())
                        : Files.readAllBytes(result.localFile());
                Files.write(target, bytes);
                return new DownloadedFile(
                        target, MediaFormat.PNG, bytes.length, HexFormat.of().formatHex(new byte[32]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
