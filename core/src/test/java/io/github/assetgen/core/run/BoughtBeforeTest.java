package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.Recollection;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import io.github.assetgen.core.store.AssetCache;
import io.github.assetgen.core.store.EntryMetadata;
import io.github.assetgen.core.store.Journal;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.shared.Manifest;
import io.github.assetgen.core.store.shared.SharedCache;
import io.github.assetgen.core.wording.MavenStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runner does with an asset the lock records as bought: gets it back for free (local cache,
 * shared cache, re-collect, in that order) with every file checked against its entry and the lock,
 * or fails it; it never sends a create request for it. And the shared cache around generation.
 */
class BoughtBeforeTest {

    private static final Recollection BY_ID =
            Recollection.byJobId(Map.of(AssetType.IMAGE, "image"), null, null, "https://docs.example/get-by-id");
    private static final Recollection NOT_POSSIBLE =
            Recollection.none("the provider gives no id to fetch a result again by", null);

    @TempDir
    Path temp;

    private Path cacheDir;
    private Path outputDir;
    private AssetCache cache;
    private Journal journal;
    private final AssetRunnerTest.MutableClock clock =
            new AssetRunnerTest.MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final LineLog log = new LineLog();
    private final ScriptedClient client = new ScriptedClient("useapi");
    private final InMemorySharedCache shared = new InMemorySharedCache();

    @BeforeEach
    void setUp() {
        cacheDir = temp.resolve("cache");
        outputDir = temp.resolve("out");
        cache = AssetCache.withDirectory(cacheDir, clock, log::warn);
        journal = Journal.withDirectory(cacheDir, clock, log::warn);
    }

    private AssetRunner runner(SharedCache sharedCache, boolean save, boolean locked, Recollection recollection) {
        Sleeper sleeper = clock::advance;
        return RunnerFixtures.runner(
                client,
                RunnerFixtures.settings("useapi", 2),
                cache,
                journal,
                cacheDir,
                outputDir,
                false,
                clock,
                sleeper,
                log,
                new RunPolicy(sharedCache, save, locked, provider -> recollection));
    }

    private AssetResult runOne(PlannedAsset asset, SharedCache sharedCache, Recollection recollection)
            throws InterruptedException {
        return runner(sharedCache, false, false, recollection)
                .run(List.of(asset))
                .get(0);
    }

    private static AssetRequest request(String id) {
        return new AssetRequest(
                id,
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                "a prompt for " + id,
                Map.of("quantity", 1, "resolution", "1K"),
                List.of(),
                null,
                null,
                null,
                null,
                List.of("img/" + id + ".png"),
                Position.startOf("a.yaml"));
    }

    /** The job id the scripted provider gave the asset when it was bought. */
    private static String jobId(String id) {
        return "user:1-minimax:acct-image:" + id + "-1";
    }

    /** The bytes the scripted provider serves for the asset's job, then and now. */
    private static byte[] providerBytes(String id) {
        return ScriptedClient.png(("https://cdn.example/" + jobId(id)).hashCode());
    }

    /** Planned with the lock recording the asset (key, 4 credits, its job) with these bytes. */
    private static PlannedAsset recorded(String id, Action action, byte[] lockedBytes) {
        AssetRequest request = request(id);
        LockFile.Entry entry = new LockFile.Entry(
                id,
                CacheKey.of(request),
                "useapi",
                "nano-banana-2",
                List.of(new LockFile.LockedFile("img/" + id + ".png", Hashing.sha256(lockedBytes), lockedBytes.length)),
                Cost.credits(4),
                null,
                List.of(jobId(id)),
                "2026-11-01T10:00:00Z");
        return new PlannedAsset(request, CacheKey.of(request), action, Cost.credits(4), null, null, entry, null);
    }

    private static PlannedAsset generate(String id) {
        AssetRequest request = request(id);
        return new PlannedAsset(request, CacheKey.of(request), Action.GENERATE, Cost.credits(4), null, null);
    }

    private void inLocalCache(String key, byte[] bytes) throws IOException {
        Path file = temp.resolve("made-" + key.substring(0, 8) + ".png");
        Files.write(file, bytes);
        cache.store(
                key,
                List.of(file),
                new EntryMetadata("useapi", "nano-banana-2", AssetType.IMAGE, "4 credits", List.of()));
    }

    /** Puts an entry on the shared cache whose manifest says {@code claimed} and whose blob holds {@code served}. */
    private void onServer(String key, byte[] claimed, byte[] served) {
        Manifest.FileRef ref = new Manifest.FileRef("1.png", Hashing.sha256(claimed), claimed.length, MediaFormat.PNG);
        Manifest manifest = new Manifest(
                key, "useapi", "nano-banana-2", "image", List.of(ref), "4 credits", List.of(), Instant.EPOCH);
        shared.put(key, manifest, Map.of(ref.sha256(), served));
    }

    private Path output(String id) {
        return outputDir.resolve("img/" + id + ".png");
    }

    private List<Path> quarantined() throws IOException {
        try (Stream<Path> listing = Files.list(cacheDir.resolve("tmp"))) {
            return listing.filter(p -> p.getFileName().toString().contains("damaged"))
                    .toList();
        }
    }

    @Test
    void theLocalCacheComesFirstSoNeitherTheSharedCacheNorTheProviderIsAsked() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));
        inLocalCache(hero.key(), providerBytes("hero"));
        onServer(hero.key(), providerBytes("hero"), providerBytes("hero"));

        AssetResult result = runOne(hero, shared, BY_ID);

        assertThat(result.status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(output("hero")).hasBinaryContent(providerBytes("hero"));
        assertThat(shared.reads).hasValue(0);
        assertThat(client.polls.get() + client.submits.get()).isZero();
    }

    @Test
    void aSharedEntryInAnotherFormatThanTheLockedFileIsNeverPlacedNorLocked() throws Exception {
        // true to its own manifest, but an HTML page or a WebP where the lock records a PNG: before,
        // nothing was comparable, so it was placed as hero.bin or hero.webp and written to the lock
        byte[] html = "<html><body>Login required</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] webp = new byte[30];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
        webp[4] = 22;
        System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
        for (var served : List.of(Map.entry(html, MediaFormat.UNKNOWN), Map.entry(webp, MediaFormat.WEBP))) {
            PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));
            Manifest.FileRef ref = new Manifest.FileRef(
                    "1." + served.getValue().extension(),
                    Hashing.sha256(served.getKey()),
                    served.getKey().length,
                    served.getValue());
            shared.put(
                    hero.key(),
                    new Manifest(
                            hero.key(),
                            "useapi",
                            "nano-banana-2",
                            "image",
                            List.of(ref),
                            "4 credits",
                            List.of(),
                            Instant.EPOCH),
                    Map.of(ref.sha256(), served.getKey()));

            AssetResult result = runOne(hero, shared, NOT_POSSIBLE);

            assertThat(result.status()).as(served.getValue().name()).isEqualTo(AssetStatus.FAILED);
            try (Stream<Path> placed = Files.exists(outputDir) ? Files.walk(outputDir) : Stream.empty()) {
                assertThat(placed.filter(Files::isRegularFile))
                        .as("nothing placed")
                        .isEmpty();
            }
            assertThat(cache.find(hero.key())).as("nor kept").isEmpty();
        }
    }

    @Test
    void theSharedCacheComesNextAndWhatItGivesIsKeptInTheLocalCache() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));
        onServer(hero.key(), providerBytes("hero"), providerBytes("hero"));

        AssetResult result = runOne(hero, shared, BY_ID);

        assertThat(result.status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(output("hero")).hasBinaryContent(providerBytes("hero"));
        assertThat(cache.find(hero.key())).isPresent();
        assertThat(client.polls.get() + client.submits.get()).isZero();
    }

    @Test
    void withNoCacheHoldingItTheRecordedJobIsCollectedAgainForFreeAndMustMatchTheLock() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));

        AssetResult result = runOne(hero, shared, BY_ID);

        assertThat(result.status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(output("hero")).hasBinaryContent(providerBytes("hero"));
        assertThat(client.submits).hasValue(0);
        assertThat(client.polls).hasValue(1);
        assertThat(client.downloads).hasValue(1);
        assertThat(result.jobIds()).containsExactly(jobId("hero"));
    }

    @Test
    void reCollectedFilesThatDifferFromTheLockAreDiscardedAndTheAssetFails() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, ScriptedClient.png(999));

        AssetResult result = runOne(hero, null, BY_ID);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message()).contains("is not what the lock records, so it was discarded");
        assertThat(output("hero")).doesNotExist();
        assertThat(cache.find(hero.key())).isEmpty();
        assertThat(client.submits).hasValue(0);
    }

    @Test
    void whenNothingGivesItBackTheAssetFailsSayingHowToGetItOrToBuyItAgainOnPurpose() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));

        AssetResult result = runOne(hero, null, NOT_POSSIBLE);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(MavenStyle.text(result.message()))
                .contains("bought before (4 credits per the lock")
                .contains("no shared cache is configured (-Dassetgen.remoteCache=<url>")
                .contains("re-collecting it from useapi is not possible: the provider gives no id")
                .contains("To buy it again on purpose (4 credits) run with -Dassetgen.force=true -Dassetgen.only=hero");
        assertThat(client.submits.get() + client.polls.get()).isZero();
    }

    @Test
    void aReCollectWindowThatHasPassedIsNotTriedAndSaysWhy() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));
        Recollection aDay = Recollection.byJobId(
                Map.of(AssetType.IMAGE, "image"), Duration.ofHours(24), null, "https://docs.example/retention");

        AssetResult result = runOne(hero, null, aDay);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message()).contains("keeps results for 24 h (https://docs.example/retention)");
        assertThat(client.polls).hasValue(0);
    }

    @Test
    void aSharedCacheThatIsDownFailsARecordedAssetWithItsErrorAndBuysNothing() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));
        shared.failWith(InMemorySharedCache.down());

        AssetResult result = runOne(hero, shared, NOT_POSSIBLE);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message()).contains("the shared cache failed: GET http://cache.test/keys/... answered 503");
        assertThat(client.submits).hasValue(0);
    }

    @Test
    void aSharedCacheThatIsDownStillLetsAnAssetNewToTheLockBeGenerated() throws Exception {
        shared.failWith(InMemorySharedCache.down());

        AssetResult result = runOne(generate("hero"), shared, NOT_POSSIBLE);

        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.submits).hasValue(1);
        assertThat(log.warnings).anySatisfy(w -> assertThat(w).contains("the shared cache failed", "it is generated"));
    }

    @Test
    void aNewAssetTheSharedCacheHoldsIsRestoredForFreeInsteadOfGenerated() throws Exception {
        PlannedAsset hero = generate("hero");
        onServer(hero.key(), providerBytes("hero"), providerBytes("hero"));

        AssetResult result = runOne(hero, shared, NOT_POSSIBLE);

        assertThat(result.status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(client.submits).hasValue(0);
        assertThat(output("hero")).hasBinaryContent(providerBytes("hero"));
    }

    @Test
    void aTamperedFileOnTheServerIsAMissThatIsNeverPlaced() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));
        byte[] tampered = providerBytes("hero").clone();
        tampered[tampered.length - 1] ^= 1;
        onServer(hero.key(), providerBytes("hero"), tampered);

        AssetResult result = runOne(hero, shared, NOT_POSSIBLE);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message()).contains("the shared cache http://cache.test/ has no usable copy of it");
        assertThat(log.warnings).anySatisfy(w -> assertThat(w).contains(hero.key(), "tampered"));
        assertThat(output("hero")).doesNotExist();
        assertThat(cache.find(hero.key())).isEmpty();
    }

    @Test
    void aSharedEntryTrueToItsManifestButNotToTheLockIsTakenOutAndNeverPlaced() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));
        byte[] other = ScriptedClient.png(4242);
        onServer(hero.key(), other, other);

        AssetResult result = runOne(hero, shared, NOT_POSSIBLE);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(output("hero")).doesNotExist();
        assertThat(cache.find(hero.key())).isEmpty();
        assertThat(log.warnings).anySatisfy(w -> assertThat(w).contains(hero.key(), "the lock records"));
    }

    @Test
    void aTamperedLocalEntryOfTheSameSizeIsAMissIsQuarantinedAndIsNotPlaced() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RESTORE, providerBytes("hero"));
        inLocalCache(hero.key(), providerBytes("hero"));
        Path cached = cache.find(hero.key()).orElseThrow().files().get(0).path();
        byte[] tampered = providerBytes("hero").clone();
        tampered[tampered.length - 1] ^= 1;
        Files.write(cached, tampered);

        AssetResult result = runOne(hero, null, NOT_POSSIBLE);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(output("hero")).doesNotExist();
        assertThat(cache.find(hero.key())).isEmpty();
        assertThat(quarantined()).hasSize(1);
        assertThat(log.warnings).anySatisfy(w -> assertThat(w).contains("Cache entry " + hero.key(), "SHA-256"));
        assertThat(client.submits).hasValue(0);
    }

    @Test
    void aTamperedLocalEntryIsRecoveredFromTheProviderWhenItStillHasTheJob() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RESTORE, providerBytes("hero"));
        inLocalCache(hero.key(), providerBytes("hero"));
        Path cached = cache.find(hero.key()).orElseThrow().files().get(0).path();
        byte[] tampered = providerBytes("hero").clone();
        tampered[tampered.length - 1] ^= 1;
        Files.write(cached, tampered);

        AssetResult result = runOne(hero, null, BY_ID);

        assertThat(result.status()).isEqualTo(AssetStatus.RESTORED);
        assertThat(output("hero")).hasBinaryContent(providerBytes("hero"));
        assertThat(client.submits).hasValue(0);
    }

    @Test
    void aCacheFileReplacedByASymbolicLinkIsNotFollowed() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RESTORE, providerBytes("hero"));
        inLocalCache(hero.key(), providerBytes("hero"));
        Path cached = cache.find(hero.key()).orElseThrow().files().get(0).path();
        Path elsewhere = Files.write(temp.resolve("elsewhere.png"), providerBytes("hero"));
        Files.delete(cached);
        Files.createSymbolicLink(cached, elsewhere);

        AssetResult result = runOne(hero, null, NOT_POSSIBLE);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(output("hero")).doesNotExist();
        assertThat(log.warnings).anySatisfy(w -> assertThat(w).contains("symbolic link"));
    }

    @Test
    void aSavingBuildUploadsWhatItGenerated() throws Exception {
        PlannedAsset hero = generate("hero");

        AssetResult result =
                runner(shared, true, false, NOT_POSSIBLE).run(List.of(hero)).get(0);

        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(shared.manifests).containsKey(hero.key());
        String sha = shared.manifests.get(hero.key()).files().get(0).sha256();
        assertThat(shared.blobs.get(sha)).isEqualTo(Files.readAllBytes(output("hero")));
    }

    @Test
    void aFailedUploadIsAWarningAndTheAssetStaysGenerated() throws Exception {
        shared.failSavesWith(InMemorySharedCache.down());

        AssetResult result = runner(shared, true, false, NOT_POSSIBLE)
                .run(List.of(generate("hero")))
                .get(0);

        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(log.warnings).anySatisfy(w -> assertThat(w).contains("could not upload", "a later saving build"));
    }

    @Test
    void aBuildThatDoesNotSaveUploadsNothing() throws Exception {
        runner(shared, false, false, NOT_POSSIBLE).run(List.of(generate("hero")));

        assertThat(shared.saves).hasValue(0);
    }

    @Test
    void whatWasRestoredFromTheServerIsNotUploadedAgain() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RECOVER, providerBytes("hero"));
        onServer(hero.key(), providerBytes("hero"), providerBytes("hero"));

        runner(shared, true, false, NOT_POSSIBLE).run(List.of(hero));

        assertThat(shared.saves).hasValue(0);
    }

    @Test
    void aSavingBuildUploadsAKeptAssetTheServerLacksFromItsOutputs() throws Exception {
        PlannedAsset hero = recorded("hero", Action.KEEP, providerBytes("hero"));
        Files.createDirectories(output("hero").getParent());
        Files.write(output("hero"), providerBytes("hero"));

        List<AssetResult> results = runner(shared, true, false, NOT_POSSIBLE).run(List.of(hero));

        assertThat(results).isEmpty();
        assertThat(shared.manifests).containsKey(hero.key());
        assertThat(shared.blobs.get(Hashing.sha256(providerBytes("hero")))).isEqualTo(providerBytes("hero"));
    }

    @Test
    void aKeptAssetTheServerHasIsNotUploadedAgain() throws Exception {
        PlannedAsset hero = recorded("hero", Action.KEEP, providerBytes("hero"));
        onServer(hero.key(), providerBytes("hero"), providerBytes("hero"));

        runner(shared, true, false, NOT_POSSIBLE).run(List.of(hero));

        assertThat(shared.saves).hasValue(0);
    }

    @Test
    void aLockedRunSendsNoCreateRequest() throws Exception {
        AssetResult result = runner(null, false, true, NOT_POSSIBLE)
                .run(List.of(generate("hero")))
                .get(0);

        assertThat(result.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(result.message()).contains("locked");
        assertThat(client.submits).hasValue(0);
        assertThat(journal.find(generate("hero").key())).isEmpty();
    }

    @Test
    void aLockedRunStillCollectsAJobAlreadyPaidFor() throws Exception {
        PlannedAsset hero = recorded("hero", Action.RESUME, providerBytes("hero"));
        journal.begin(hero.key(), "useapi", "hero", "nano-banana-2");
        journal.recordSubmitted(hero.key(), List.of(new JobRef("useapi", "image", jobId("hero"))));

        AssetResult result =
                runner(null, false, true, NOT_POSSIBLE).run(List.of(hero)).get(0);

        assertThat(result.status()).isEqualTo(AssetStatus.GENERATED);
        assertThat(client.submits).hasValue(0);
    }
}
