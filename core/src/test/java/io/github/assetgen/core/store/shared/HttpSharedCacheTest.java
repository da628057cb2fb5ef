package io.github.assetgen.core.store.shared;

import static io.github.assetgen.core.store.shared.SharedCacheFixtures.KEY;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.body;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.fastConfig;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.manifest;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.manifestBody;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.namesIn;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.png;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.ref;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.sha256;
import static io.github.assetgen.core.store.shared.SharedCacheFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSharedCacheTest {

    @StartStop
    MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private HttpSharedCache cache() {
        return new HttpSharedCache(fastConfig(server.url("/team/cache").toString()));
    }

    @Test
    void blobsAndManifestsLiveAtContentAddressedPathsUnderTheBaseUrl() {
        String sha = sha256(png(10, 1));
        assertThat(HttpSharedCache.blobPath(sha)).isEqualTo("blobs/" + sha.substring(0, 2) + "/" + sha);
        assertThat(HttpSharedCache.manifestPath(KEY)).isEqualTo("keys/ab/" + KEY + ".json");
        assertThat(cache().location()).isEqualTo(server.url("/team/cache/").toString());
    }

    @Test
    void aStoredManifestIsFoundWithItsFiles() throws Exception {
        Manifest stored = manifest(KEY, ref("1.png", png(100, 1)), ref("2.png", png(200, 2)));
        server.enqueue(manifestBody(stored));

        Optional<Manifest> found = cache().find(KEY);

        assertThat(found).contains(stored);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/team/cache/keys/ab/" + KEY + ".json");
    }

    @Test
    void aMissingManifestIsAMiss() throws Exception {
        server.enqueue(status(404));

        assertThat(cache().find(KEY)).isEmpty();
    }

    @Test
    void hasAsksWithHeadOnly() throws Exception {
        server.enqueue(status(200));
        server.enqueue(status(404));

        assertThat(cache().has(KEY)).isTrue();
        assertThat(cache().has(KEY)).isFalse();
        assertThat(server.takeRequest().getMethod()).isEqualTo("HEAD");
        assertThat(server.takeRequest().getMethod()).isEqualTo("HEAD");
    }

    @Test
    void aFetchedBlobMatchingItsManifestIsPlacedAndNothingElseIsLeft() throws Exception {
        byte[] bytes = png(150_000, 3);
        Manifest.FileRef file = ref("1.png", bytes);
        server.enqueue(body(bytes));
        Path target = dir.resolve("out/hero.png");

        cache().fetch(KEY, file, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(namesIn(target.getParent())).containsExactly("hero.png");
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/team/cache/blobs/" + file.sha256().substring(0, 2) + "/" + file.sha256());
    }

    @Test
    void aTamperedBlobOfTheSameSizeIsRejectedAndNothingIsPlaced() throws Exception {
        byte[] bytes = png(5_000, 4);
        Manifest.FileRef file = ref("1.png", bytes);
        byte[] tampered = bytes.clone();
        tampered[4_000] ^= 1;
        server.enqueue(body(tampered));
        Path target = dir.resolve("hero.png");

        SharedCacheVerificationException e =
                catchThrowableOfType(SharedCacheVerificationException.class, () -> cache().fetch(KEY, file, target));

        assertThat(e.reason()).isEqualTo(SharedCacheException.Reason.VERIFICATION);
        assertThat(e.key()).isEqualTo(KEY);
        assertThat(e.fileName()).isEqualTo("1.png");
        assertThat(e.getMessage())
                .contains(KEY)
                .contains("1.png")
                .contains(sha256(tampered))
                .contains("not placed");
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void aTamperedBlobNeverReplacesAnExistingTarget() throws Exception {
        byte[] bytes = png(5_000, 4);
        Path target = dir.resolve("hero.png");
        Files.writeString(target, "previous");
        server.enqueue(body(png(5_000, 5)));

        assertThatThrownBy(() -> cache().fetch(KEY, ref("1.png", bytes), target))
                .isInstanceOf(SharedCacheVerificationException.class);

        assertThat(target).hasContent("previous");
        assertThat(namesIn(dir)).containsExactly("hero.png");
    }

    @Test
    void aShortBlobIsRejected() throws Exception {
        byte[] bytes = png(5_000, 4);
        server.enqueue(body(java.util.Arrays.copyOf(bytes, 4_999)));

        SharedCacheVerificationException e = catchThrowableOfType(
                SharedCacheVerificationException.class,
                () -> cache().fetch(KEY, ref("1.png", bytes), dir.resolve("hero.png")));

        assertThat(e.getMessage()).contains("the server sent 4999 bytes");
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void anOversizedBlobAnnouncedByItsLengthIsRefusedBeforeReading() throws Exception {
        byte[] bytes = png(1_000, 6);
        server.enqueue(body(png(4_000_000, 6)));

        SharedCacheVerificationException e = catchThrowableOfType(
                SharedCacheVerificationException.class,
                () -> cache().fetch(KEY, ref("1.png", bytes), dir.resolve("hero.png")));

        assertThat(e.getMessage()).contains("announces 4000000 bytes");
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void anOversizedChunkedBlobIsCutOffOneByteAfterItsManifestSize() throws Exception {
        byte[] bytes = png(1_000, 6);
        server.enqueue(new MockResponse.Builder()
                .chunkedBody(new Buffer().write(png(4_000_000, 6)), 64 * 1024)
                .build());

        SharedCacheVerificationException e = catchThrowableOfType(
                SharedCacheVerificationException.class,
                () -> cache().fetch(KEY, ref("1.png", bytes), dir.resolve("hero.png")));

        assertThat(e.getMessage()).contains("more than 1000 bytes");
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void twoThreadsFetchingTheSameFileBothGetIt() throws Exception {
        byte[] bytes = png(300_000, 7);
        Manifest.FileRef file = ref("1.png", bytes);
        server.enqueue(body(bytes));
        server.enqueue(body(bytes));
        HttpSharedCache cache = cache();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (String name : List.of("a.png", "b.png")) {
                Callable<Object> fetch = () -> {
                    cache.fetch(KEY, file, dir.resolve(name));
                    return null;
                };
                results.add(pool.submit(fetch));
            }
            for (Future<Object> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(Files.readAllBytes(dir.resolve("a.png"))).isEqualTo(bytes);
        assertThat(Files.readAllBytes(dir.resolve("b.png"))).isEqualTo(bytes);
    }

    @Test
    void saveUploadsMissingBlobsFirstAndTheManifestLast() throws Exception {
        byte[] one = png(1_000, 1);
        byte[] two = png(2_000, 2);
        Path oneFile = Files.write(dir.resolve("1.png"), one);
        Path twoFile = Files.write(dir.resolve("2.png"), two);
        Manifest manifest = manifest(KEY, ref("1.png", one), ref("2.png", two));
        server.enqueue(status(404)); // HEAD blob one
        server.enqueue(status(201)); // PUT blob one
        server.enqueue(status(200)); // HEAD blob two: already there
        server.enqueue(status(201)); // PUT manifest

        cache().save(KEY, manifest, Map.of(sha256(one), oneFile, sha256(two), twoFile));

        RecordedRequest headOne = server.takeRequest();
        RecordedRequest putOne = server.takeRequest();
        RecordedRequest headTwo = server.takeRequest();
        RecordedRequest putManifest = server.takeRequest();
        String blobOne = "/team/cache/" + HttpSharedCache.blobPath(sha256(one));
        String blobTwo = "/team/cache/" + HttpSharedCache.blobPath(sha256(two));
        assertThat(headOne.getMethod() + " " + headOne.getTarget()).isEqualTo("HEAD " + blobOne);
        assertThat(putOne.getMethod() + " " + putOne.getTarget()).isEqualTo("PUT " + blobOne);
        assertThat(putOne.getBody().toByteArray()).isEqualTo(one);
        assertThat(headTwo.getMethod() + " " + headTwo.getTarget()).isEqualTo("HEAD " + blobTwo);
        assertThat(putManifest.getMethod() + " " + putManifest.getTarget())
                .isEqualTo("PUT /team/cache/keys/ab/" + KEY + ".json");
        assertThat(ManifestJson.parse(putManifest.getBody().toByteArray(), KEY)).isEqualTo(manifest);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aFileTwiceInOneEntryIsUploadedOnce() throws Exception {
        byte[] same = png(1_000, 1);
        Path file = Files.write(dir.resolve("1.png"), same);
        server.enqueue(status(404));
        server.enqueue(status(201));
        server.enqueue(status(201));

        cache().save(KEY, manifest(KEY, ref("1.png", same), ref("2.png", same)), Map.of(sha256(same), file));

        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theManifestWrittenIsStablePrettyJsonWithTheFormatVersion() throws Exception {
        byte[] json = ManifestJson.toBytes(manifest(KEY, ref("1.png", png(10, 1))));
        String text = new String(json, StandardCharsets.UTF_8);

        assertThat(text)
                .startsWith("{\n  \"formatVersion\" : 1,\n  \"key\" : \"" + KEY + "\"")
                .contains("\"format\" : \"png\"")
                .contains("\"createdAt\" : \"2026-11-25T12:00:00Z\"")
                .endsWith("}\n");
    }

    @Test
    void aBlobTheServerLacksWithoutALocalCopyStopsTheSaveBeforeTheManifest() throws Exception {
        byte[] one = png(1_000, 1);
        server.enqueue(status(404));

        SharedCacheException e = catchThrowableOfType(
                SharedCacheException.class, () -> cache().save(KEY, manifest(KEY, ref("1.png", one)), Map.of()));

        assertThat(e.reason()).isEqualTo(SharedCacheException.Reason.LOCAL_FILE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aLocalFileThatIsNotWhatItsHashSaysIsNeverUploaded() throws Exception {
        byte[] one = png(1_000, 1);
        Path changed = Files.write(dir.resolve("1.png"), png(1_000, 9));
        server.enqueue(status(404));

        SharedCacheException e = catchThrowableOfType(
                SharedCacheException.class,
                () -> cache().save(KEY, manifest(KEY, ref("1.png", one)), Map.of(sha256(one), changed)));

        assertThat(e.reason()).isEqualTo(SharedCacheException.Reason.LOCAL_FILE);
        assertThat(e.getMessage()).contains("is not 1.png of the manifest");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedUploadStopsTheSaveBeforeTheManifest() throws Exception {
        byte[] one = png(1_000, 1);
        Path file = Files.write(dir.resolve("1.png"), one);
        server.enqueue(status(404));
        server.enqueue(status(507));

        SharedCacheException e = catchThrowableOfType(
                SharedCacheException.class,
                () -> cache().save(KEY, manifest(KEY, ref("1.png", one)), Map.of(sha256(one), file)));

        assertThat(e.reason()).isEqualTo(SharedCacheException.Reason.SERVER_ERROR);
        assertThat(e.httpStatus()).isEqualTo(507);
        assertThat(e.getMessage())
                .startsWith("shared cache: PUT " + server.url("/team/cache/blobs/"))
                .endsWith("answered 507 Server Error (for nginx, check create_full_put_path on)");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServerRefusingAPutIntoAMissingDirectoryGetsMkcolForItsParentsThenThePutAgain() throws Exception {
        byte[] one = png(1_000, 1);
        Path file = Files.write(dir.resolve("1.png"), one);
        String blob = HttpSharedCache.blobPath(sha256(one));
        server.enqueue(status(404)); // HEAD blob
        server.enqueue(status(409)); // PUT blob: no such directory
        server.enqueue(status(201)); // MKCOL blobs/
        server.enqueue(status(201)); // MKCOL blobs/xx/
        server.enqueue(status(201)); // PUT blob again
        server.enqueue(status(201)); // PUT manifest

        cache().save(KEY, manifest(KEY, ref("1.png", one)), Map.of(sha256(one), file));

        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RecordedRequest request = server.takeRequest();
            requests.add(request.getMethod() + " " + request.getTarget());
        }
        assertThat(requests)
                .containsExactly(
                        "HEAD /team/cache/" + blob,
                        "PUT /team/cache/" + blob,
                        "MKCOL /team/cache/blobs/",
                        "MKCOL /team/cache/" + blob.substring(0, "blobs/xx/".length()),
                        "PUT /team/cache/" + blob,
                        "PUT /team/cache/keys/ab/" + KEY + ".json");
    }

    @Test
    void aSecond409IsAnErrorThatAsksForMkcol() throws Exception {
        byte[] one = png(1_000, 1);
        Path file = Files.write(dir.resolve("1.png"), one);
        server.enqueue(status(404));
        server.enqueue(status(409));
        server.enqueue(status(405));
        server.enqueue(status(405));
        server.enqueue(status(409));

        SharedCacheException e = catchThrowableOfType(
                SharedCacheException.class,
                () -> cache().save(KEY, manifest(KEY, ref("1.png", one)), Map.of(sha256(one), file)));

        assertThat(e.httpStatus()).isEqualTo(409);
        assertThat(e.getMessage()).endsWith("allow MKCOL");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }
}
