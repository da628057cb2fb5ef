package io.github.assetgen.core.store;

import static io.github.assetgen.core.files.AtomicFilesTest.namesIn;
import static io.github.assetgen.core.store.StoreFixtures.key;
import static io.github.assetgen.core.store.StoreFixtures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.request.AssetType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetCacheTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final String KEY = key("hero");
    private static final EntryMetadata META =
            new EntryMetadata("useapi", "image-01", AssetType.IMAGE, "0.5 credits", List.of("job-1"));

    @TempDir
    Path root;

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private Path cacheDir() {
        return root.resolve("cache");
    }

    private AssetCache cache() {
        return AssetCache.withDirectory(cacheDir(), Clock.fixed(NOW, ZoneOffset.UTC), warnings::add);
    }

    private List<Path> downloads(String... bodies) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            files.add(StoreFixtures.write(root.resolve("downloads/" + i + ".bin"), png(bodies[i])));
        }
        return files;
    }

    private Path entryDir() {
        return cacheDir().resolve(KEY.substring(0, 2)).resolve(KEY);
    }

    @Test
    void aStoredEntryIsFoundAndRestoredByteForByte() throws IOException {
        AssetCache cache = cache();
        List<Path> sources = downloads("first image", "second image");

        CacheEntry stored = cache.store(KEY, sources, META);
        CacheEntry found = cache.find(KEY).orElseThrow();

        assertThat(found).isEqualTo(stored);
        assertThat(found.directory()).isEqualTo(entryDir());
        assertThat(found.files()).extracting(CachedFile::name).containsExactly("1.png", "2.png");
        assertThat(found.files().get(0).sha256()).isEqualTo(StoreFixtures.sha256(png("first image")));
        assertThat(found.files().get(1).size()).isEqualTo(png("second image").length);
        assertThat(found.files()).extracting(CachedFile::format).containsOnly(MediaFormat.PNG);
        assertThat(found)
                .extracting(
                        CacheEntry::provider,
                        CacheEntry::model,
                        CacheEntry::type,
                        CacheEntry::credits,
                        CacheEntry::jobIds,
                        CacheEntry::createdAt)
                .containsExactly("useapi", "image-01", AssetType.IMAGE, "0.5 credits", List.of("job-1"), NOW);

        Path out = root.resolve("project/assets/img");
        List<Path> targets = List.of(out.resolve("hero.png"), out.resolve("hero-2.png"));
        cache.restore(found, targets);

        assertThat(targets.get(0)).hasBinaryContent(png("first image"));
        assertThat(targets.get(1)).hasBinaryContent(png("second image"));
        assertThat(namesIn(out)).containsExactlyInAnyOrder("hero.png", "hero-2.png");
    }

    @Test
    void anEntryRecordsTheRequestItsKeyHashesSoALaterBuildCanSayWhatChanged() throws IOException {
        String request = "{\"prompt\":\"a red car\"}";
        String key = io.github.assetgen.core.files.Hashing.sha256(request);
        EntryMetadata meta =
                new EntryMetadata("useapi", "image-01", AssetType.IMAGE, "0.5 credits", List.of("job-1"), request);

        cache().store(key, downloads("pixels"), meta);

        assertThat(cache().find(key).orElseThrow().request()).isEqualTo(request);
    }

    @Test
    void aRecordedRequestThatDoesNotHashToTheKeyIsDroppedNotTrusted() throws IOException {
        EntryMetadata meta = new EntryMetadata(
                "useapi", "image-01", AssetType.IMAGE, "0.5 credits", List.of("job-1"), "{\"prompt\":\"other\"}");

        cache().store(KEY, downloads("pixels"), meta);

        assertThat(cache().find(KEY).orElseThrow().request()).isNull();
        assertThat(Files.readString(entryDir().resolve("entry.json"))).doesNotContain("request");
    }

    @Test
    void replaceTakesTheOldEntryOutAndAnotherBuildHoldingItCannotDiscardTheNewOne() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("old image"), META);
        CacheEntry readBefore = cache.find(KEY).orElseThrow();

        CacheEntry replaced = cache.replace(KEY, downloads("new image"), META);
        // another build restoring the old entry finds other bytes and reports it damaged
        cache.discard(readBefore, "1.png does not match");

        assertThat(cache.find(KEY)).contains(replaced);
        assertThat(replaced.files().get(0).sha256()).isEqualTo(StoreFixtures.sha256(png("new image")));
        assertThat(warnings).isEmpty();
        assertThat(cache.store(KEY, downloads("a third"), META))
                .as("store still keeps what is there")
                .isEqualTo(replaced);
    }

    @Test
    void storingLeavesTheSourcesAndNoStagingBehind() throws IOException {
        List<Path> sources = downloads("pixels");

        cache().store(KEY, sources, META);

        assertThat(sources.get(0)).hasBinaryContent(png("pixels"));
        assertThat(namesIn(cacheDir().resolve("tmp"))).isEmpty();
        assertThat(namesIn(entryDir())).containsExactlyInAnyOrder("1.png", "entry.json");
    }

    @Test
    void theFileExtensionComesFromTheBytesNotTheSourceName() throws IOException {
        Path jpeg = StoreFixtures.write(
                root.resolve("download.png"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});

        CacheEntry entry = cache().store(KEY, List.of(jpeg), META);

        assertThat(entry.files().get(0).name()).isEqualTo("1.jpg");
        assertThat(entry.files().get(0).format()).isEqualTo(MediaFormat.JPEG);
    }

    @Test
    void aKeyNeverStoredIsMissing() throws IOException {
        assertThat(cache().find(KEY)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTruncatedFileMakesTheEntryMissingAndMovesItAside() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("a long enough image body"), META);
        Files.write(entryDir().resolve("1.png"), png("a long"));

        assertThat(cache.find(KEY)).isEmpty();
        assertThat(entryDir()).doesNotExist();
        assertThat(cache.store(KEY, downloads("again"), META).files().get(0).size())
                .isEqualTo(png("again").length);
        assertThat(cache.find(KEY)).isPresent();
        assertThat(warnings)
                .containsExactly("Cache entry " + KEY + " is damaged (1.png has " + png("a long").length
                        + " bytes, expected " + png("a long enough image body").length
                        + "); it was taken out of the cache and"
                        + " will be treated as missing.");
    }

    @Test
    void aWrongHashOfTheRightSizeIsCaughtByFullVerification() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("original"), META);
        Files.write(entryDir().resolve("1.png"), png("tampered"));

        assertThat(cache.find(KEY, Verification.SIZE)).isPresent();
        assertThat(cache.find(KEY, Verification.FULL)).isEmpty();
        assertThat(entryDir()).doesNotExist();
    }

    @Test
    void restoringAWrongHashFailsWithoutTouchingTheTarget() throws IOException {
        AssetCache cache = cache();
        CacheEntry entry = cache.store(KEY, downloads("original"), META);
        Files.write(entryDir().resolve("1.png"), png("tampered"));
        Path target = StoreFixtures.write(root.resolve("out/hero.png"), png("what the user has"));

        assertThatThrownBy(() -> cache.restore(entry, List.of(target)))
                .isInstanceOf(CorruptCacheEntryException.class)
                .hasMessageContaining("1.png has SHA-256");
        assertThat(target).hasBinaryContent(png("what the user has"));
        assertThat(namesIn(target.getParent())).containsExactly("hero.png");
        assertThat(cache.find(KEY)).isEmpty();
    }

    @Test
    void anEntryWithoutEntryJsonIsMissing() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("pixels"), META);
        Files.delete(entryDir().resolve("entry.json"));

        assertThat(cache.find(KEY)).isEmpty();
    }

    @Test
    void anEntryWithGarbageEntryJsonIsMissing() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("pixels"), META);
        Files.writeString(entryDir().resolve("entry.json"), "{\"formatVersion\": 1, \"key\": ");

        assertThat(cache.find(KEY)).isEmpty();
    }

    @Test
    void anEntryJsonNamingAnotherKeyIsMissing() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("pixels"), META);
        Path json = entryDir().resolve("entry.json");
        Files.writeString(json, Files.readString(json).replace(KEY, key("villain")));

        assertThat(cache.find(KEY)).isEmpty();
    }

    @Test
    void anEntryJsonPointingOutsideItsDirectoryIsMissing() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("pixels"), META);
        Path json = entryDir().resolve("entry.json");
        Files.writeString(json, Files.readString(json).replace("\"1.png\"", "\"../../x.png\""));

        assertThat(cache.find(KEY)).isEmpty();
    }

    @Test
    void leftoversOfAStagingDirectoryAreIgnoredAndCleanedLater() throws IOException {
        Path leftover = StoreFixtures.write(cacheDir().resolve("tmp/.tmp-deadbeef/1.png"), png("half"))
                .getParent();
        Files.writeString(leftover.resolve("entry.json"), "{\"key\": \"" + KEY + "\"");
        AssetCache cache = cache();

        assertThat(cache.find(KEY)).isEmpty();
        cache.store(KEY, downloads("whole"), META);
        assertThat(cache.find(KEY)).isPresent();
        assertThat(cache.cleanStaleTemps(Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aDamagedOccupantIsReplacedByTheNextStore() throws IOException {
        StoreFixtures.write(entryDir().resolve("entry.json"), "not json".getBytes(StandardCharsets.UTF_8));

        CacheEntry entry = cache().store(KEY, downloads("fresh"), META);

        assertThat(cache().find(KEY, Verification.FULL)).contains(entry);
    }

    @Test
    void manyThreadsStoringTheSameKeyAllSucceedWithOneEntry() throws Exception {
        int threads = 8;
        AssetCache cache = cache();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            sources.add(StoreFixtures.write(root.resolve("downloads/t" + i + ".png"), png("variant " + i)));
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CacheEntry>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Path source = sources.get(i);
                Callable<CacheEntry> store = () -> {
                    start.await();
                    return AssetCache.withDirectory(cacheDir(), Clock.systemUTC(), warnings::add)
                            .store(KEY, List.of(source), META);
                };
                results.add(pool.submit(store));
            }
            List<String> hashes = new ArrayList<>();
            for (Future<CacheEntry> result : results) {
                hashes.add(result.get().files().get(0).sha256());
            }

            Optional<CacheEntry> kept = cache.find(KEY, Verification.FULL);
            assertThat(kept).isPresent();
            assertThat(hashes).containsOnly(kept.get().files().get(0).sha256());
            assertThat(namesIn(entryDir().getParent())).containsExactly(KEY);
            assertThat(namesIn(cacheDir().resolve("tmp"))).isEmpty();
            assertThat(warnings)
                    .as("no thread saw another's entry half-written")
                    .isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyThatIsNotAHashIsRefusedBeforeTouchingTheDisk() {
        assertThatThrownBy(() -> cache().find("../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cacheDir()).doesNotExist();
    }

    @Test
    void aCacheFileThatIsASymbolicLinkIsDamagedAndNotFollowed() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("original"), META);
        Path outside = StoreFixtures.write(root.resolve("outside.png"), png("original"));
        Files.delete(entryDir().resolve("1.png"));
        Files.createSymbolicLink(entryDir().resolve("1.png"), outside);

        assertThat(cache.find(KEY)).isEmpty();
        assertThat(entryDir()).doesNotExist();
        assertThat(outside).hasBinaryContent(png("original"));
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains("1.png is a symbolic link"));
    }

    @Test
    void anEntryDirectoryThatIsASymbolicLinkIsMovedAsideSoTheKeyCanBeStoredAgain() throws IOException {
        AssetCache cache = cache();
        cache.store(KEY, downloads("original"), META);
        Path elsewhere = root.resolve("elsewhere");
        Files.move(entryDir(), elsewhere);
        Files.createSymbolicLink(entryDir(), elsewhere);

        assertThat(cache.find(KEY)).isEmpty();
        assertThat(Files.exists(entryDir(), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(elsewhere.resolve("1.png")).exists();
        assertThat(cache.store(KEY, downloads("again"), META).directory()).isEqualTo(entryDir());
    }

    @Test
    void restoringDoesNotFollowASymbolicLinkSwappedInAfterTheEntryWasFound() throws IOException {
        AssetCache cache = cache();
        CacheEntry entry = cache.store(KEY, downloads("original"), META);
        Path outside = StoreFixtures.write(root.resolve("outside.png"), png("original"));
        Files.delete(entryDir().resolve("1.png"));
        Files.createSymbolicLink(entryDir().resolve("1.png"), outside);
        Path target = root.resolve("out/hero.png");

        assertThatThrownBy(() -> cache.restore(entry, List.of(target))).isInstanceOf(CorruptCacheEntryException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void aDiscardedEntryIsTakenOutOfTheCacheWithAWarningNamingIt() throws IOException {
        AssetCache cache = cache();
        CacheEntry entry = cache.store(KEY, downloads("original"), META);

        cache.discard(entry, "1.png is not what the lock records");

        assertThat(cache.find(KEY)).isEmpty();
        assertThat(warnings)
                .containsExactly("Cache entry " + KEY + " is damaged (1.png is not what the lock records); it was"
                        + " taken out of the cache and will be treated as missing.");
    }
}
