package io.github.assetgen.core.provider.useapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.JobLookup;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.apixo.ApixoProvider;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.HttpJson;
import io.github.assetgen.core.provider.http.RecordingSleeper;
import io.github.assetgen.core.provider.http.TestSettings;
import io.github.assetgen.core.provider.minimax.MinimaxClient;
import io.github.assetgen.core.provider.minimax.MinimaxProvider;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** How useapi finds the job of a create whose answer was lost: scheduler by replyRef, then the account's lists. */
class UseapiLookupTest {

    private static final Instant SENT = Instant.parse("2026-11-20T10:00:00Z");
    private static final long SENT_MS = SENT.toEpochMilli();
    private static final String REF = "hero#0a1b2c3d4e5f";
    private static final String IMG = "user:1234-minimax:555-image:";
    private static final String VID = "user:1234-minimax:555-video:";

    @StartStop
    MockWebServer server = new MockWebServer();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private UseapiClient client() {
        return new UseapiClient(
                TestSettings.forServer("useapi", server, 2), new HttpClientFactory(), FileIdMemory.inMemory(), sleeper);
    }

    private JobLookup lookup(UseapiClient client) {
        return client.jobLookup().orElseThrow();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static AssetRequest image(String prompt, int quantity) {
        List<String> outputs = quantity == 1 ? List.of("hero.png") : List.of("hero-1.png", "hero-2.png");
        return image(prompt, Map.of("quantity", quantity), outputs);
    }

    /** An image whose prompt MiniMax may rewrite (useapi's default for images). */
    private static AssetRequest optimisedImage(String prompt) {
        return image(prompt, Map.of("quantity", 1, "promptOptimization", true), List.of("hero.png"));
    }

    private static AssetRequest image(String prompt, Map<String, Object> parameters, List<String> outputs) {
        return new AssetRequest(
                "hero",
                "useapi",
                AssetType.IMAGE,
                "image-01",
                prompt,
                parameters,
                List.of(),
                null,
                null,
                null,
                "555",
                outputs,
                new Position("assets.yaml", 3, 5));
    }

    private static AssetRequest video(String prompt) {
        return new AssetRequest(
                "intro",
                "useapi",
                AssetType.VIDEO,
                "T2V-01",
                prompt,
                Map.of(),
                List.of(),
                null,
                null,
                null,
                "555",
                List.of("intro.mp4"),
                new Position("assets.yaml", 9, 5));
    }

    private static String imageItem(String id, String desc, String model, long createTime, String batch) {
        return "{\"imageId\":\"" + IMG + id + "\",\"id\":\"" + id + "\",\"desc\":\"" + desc + "\",\"modelID\":\""
                + model + "\",\"createTime\":" + createTime + ",\"batchID\":\"" + batch + "\",\"status\":1}";
    }

    @Test
    void anExecutingJobWithTheSubmissionsReplyRefIsFoundInTheScheduler() throws Exception {
        server.enqueue(json(
                200,
                "[{\"videoId\":\"" + IMG + "1\",\"started\":\"2024-09-25T01:55:16.128Z\",\"replyRef\":\"other#1\"},"
                        + "{\"videoId\":\"" + IMG + "2\",\"started\":1727229316128,\"elapsed\":\"00:03\","
                        + "\"replyRef\":\"" + REF + "\"}]"));

        List<JobRef> found =
                lookup(client()).find(image("a red fox", 1), REF, SENT).jobs();

        assertThat(found).containsExactly(new JobRef("useapi", "image", IMG + "2"));
        assertThat(server.getRequestCount()).as("the scheduler was enough").isEqualTo(1);
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/minimax/scheduler/");
    }

    @Test
    void aJobGoneFromTheSchedulerIsFoundInTheAccountsImagesByPromptModelTimeAndBatch() throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(
                200,
                "{\"images\":["
                        + imageItem("9", "a red fox", "image-01", SENT_MS + 5_000, "b2") + ","
                        + imageItem("8", "a red fox", "image-01", SENT_MS + 4_000, "b2") + ","
                        + imageItem("7", "a blue whale", "image-01", SENT_MS + 3_000, "b1") + ","
                        + imageItem("6", "a red fox", "seedream-4.5", SENT_MS + 2_000, "b0") + ","
                        + imageItem("5", "a red fox", "image-01", SENT_MS - 3_600_000, "old")
                        + "]}"));

        List<JobRef> found =
                lookup(client()).find(image("a red fox", 2), REF, SENT).jobs();

        assertThat(found).extracting(JobRef::id).containsExactly(IMG + "9", IMG + "8");
        server.takeRequest();
        RecordedRequest list = server.takeRequest();
        assertThat(list.getTarget()).isEqualTo("/v1/minimax/images/?limit=30&account=555");
    }

    /** A full page (30) of images with other prompts, all made after the send, newest first. */
    private static String fullPageOfNewerImages(int from) {
        StringBuilder items = new StringBuilder("{\"images\":[");
        for (int i = 0; i < AccountListEndpoint.LIMIT; i++) {
            int n = from + i;
            items.append(i == 0 ? "" : ",")
                    .append(imageItem(
                            "n" + n, "another asset " + n, "image-01", SENT_MS + 600_000 - n * 1_000L, "b" + n));
        }
        return items.append("]}").toString();
    }

    @Test
    void aFullPageOfNewerImagesIsFollowedByTheNextPageUntilTheListReachesBackToTheSend() throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, fullPageOfNewerImages(0)));
        // the create's own image is the 31st: on the second page, with one made before the send
        server.enqueue(json(
                200,
                "{\"images\":[" + imageItem("fox", "a red fox", "image-01", SENT_MS + 1_000, "bf") + ","
                        + imageItem("old", "a red fox", "image-01", SENT_MS - 3_600_000, "bo") + "]}"));

        List<JobRef> found =
                lookup(client()).find(image("a red fox", 1), REF, SENT).jobs();

        assertThat(found).extracting(JobRef::id).containsExactly(IMG + "fox");
        server.takeRequest();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/minimax/images/?limit=30&account=555");
        assertThat(server.takeRequest().getTarget())
                .isEqualTo(
                        "/v1/minimax/images/?limit=30&account=555&lastImageId=user%3A1234-minimax%3A555-image%3An29");
    }

    @Test
    void aListThatNeverReachesBackToTheSendProvesNothingAndThrowsSoNobodyResends() {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, fullPageOfNewerImages(0)));
        server.enqueue(json(200, fullPageOfNewerImages(0))); // a server that does not page: the same page again

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> lookup(client()).find(image("a red fox", 1), REF, SENT));

        assertThat(e.getMessage())
                .contains(
                        "the 60 newest images it lists, none of them this create's, were all made after the create was sent")
                .contains("cannot show that the create made none");
    }

    @Test
    void aFullPageOfVideosCannotBePagedSoItProvesNothing() {
        StringBuilder videos = new StringBuilder("[");
        for (int i = 0; i < AccountListEndpoint.LIMIT; i++) {
            videos.append(i == 0 ? "" : ",")
                    .append("{\"videoId\":\"" + VID + i + "\",\"desc\":\"another clip " + i + "\",\"status\":2}");
        }
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, videos.append("]").toString()));

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> lookup(client()).find(video("the fox runs"), REF, SENT));

        assertThat(e.getMessage()).contains("its list of videos is a full page of 30, none of them this create's");
        assertThat(server.getRequestCount()).as("scheduler and one page").isEqualTo(2);
    }

    @Test
    void aJobFoundOnAFullPageOfVideosIsCollectedThoughTheListGoesOn() throws Exception {
        StringBuilder videos =
                new StringBuilder("[{\"videoId\":\"" + VID + "fox\",\"desc\":\"the fox runs\",\"status\":1}");
        for (int i = 1; i < AccountListEndpoint.LIMIT; i++) {
            videos.append(",{\"videoId\":\"" + VID + i + "\",\"desc\":\"another clip " + i + "\",\"status\":2}");
        }
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, videos.append("]").toString()));

        assertThat(lookup(client()).find(video("the fox runs"), REF, SENT).jobs())
                .containsExactly(new JobRef("useapi", "video", VID + "fox"));
    }

    @Test
    void aPageThatSaysItHasNoNextIsTheWholeList() throws Exception {
        String page = fullPageOfNewerImages(0);
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, page.substring(0, page.length() - 1) + ",\"hasNext\":false}"));

        assertThat(lookup(client()).find(image("a red fox", 1), REF, SENT)).isEqualTo(JobLookup.Found.nothing());
    }

    @Test
    void aVideoIsFoundInTheAccountsVideosByItsPrompt() throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(
                200,
                "[{\"videoId\":\"" + VID + "3\",\"desc\":\"a cat sleeps\",\"status\":1}," + "{\"videoId\":\"" + VID
                        + "2\",\"desc\":\"The fox runs \",\"status\":1}]"));

        List<JobRef> found =
                lookup(client()).find(video("the fox runs"), REF, SENT).jobs();

        assertThat(found).containsExactly(new JobRef("useapi", "video", VID + "2"));
    }

    @Test
    void nothingMatchingMeansEmptyAndAJobIsNeverAdoptedTwice() throws Exception {
        UseapiClient client = client();
        String list = "{\"images\":[" + imageItem("9", "a red fox", "image-01", SENT_MS + 5_000, "b") + "]}";
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, list));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, list));

        assertThat(lookup(client).find(image("a red fox", 1), REF, SENT).jobs()).hasSize(1);
        assertThat(lookup(client).find(image("a red fox", 1), "hero#ffffffffffff", SENT))
                .isEqualTo(JobLookup.Found.nothing());
    }

    @Test
    void aJobThisBuildCreatedIsNotAdoptedForAnotherAsset() throws Exception {
        UseapiClient client = client();
        server.enqueue(json(200, "{\"imageIds\":[\"" + IMG + "9\"]}"));
        client.submit(image("a red fox", 1), "hero#000000000001");
        server.enqueue(json(200, "[]"));
        server.enqueue(
                json(200, "{\"images\":[" + imageItem("9", "a red fox", "image-01", SENT_MS + 5_000, "b") + "]}"));

        assertThat(lookup(client).find(image("a red fox", 1), REF, SENT)).isEqualTo(JobLookup.Found.nothing());
        RecordedRequest create = server.takeRequest();
        assertThat(HttpJson.mapper()
                        .readTree(create.getBody().utf8())
                        .get("replyRef")
                        .asText())
                .isEqualTo("hero#000000000001");
    }

    /** The lookup of a lost create of the video "the fox runs", with the account listing these videos. */
    private JobLookup.Found foxRunsFoundAmong(String... videos) throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[" + String.join(",", videos) + "]"));
        return lookup(client()).find(video("the fox runs"), REF, SENT);
    }

    private static String videoItem(String id, String desc) {
        return "{\"videoId\":\"" + VID + id + "\",\"desc\":\"" + desc + "\",\"status\":1}";
    }

    @Test
    void aVideoStillProcessingWithoutAPromptIsTakenOnlyWhenItIsTheOneThatCouldBeIt() throws Exception {
        // useapi's documented processing video lists "desc": "": nothing to tell it by but being alone
        assertThat(foxRunsFoundAmong(videoItem("4", "")).jobs())
                .containsExactly(new JobRef("useapi", "video", VID + "4"));
    }

    @Test
    void twoVideosWithoutAPromptAreNeitherTakenNorIgnored() throws Exception {
        // one is a video started on hailuoai.com, or another asset's: taking either may lose this one
        JobLookup.Found found = foxRunsFoundAmong(videoItem("4", ""), videoItem("3", ""));

        assertThat(found.jobs()).isEmpty();
        assertThat(found.unconfirmed()).containsExactly(VID + "4", VID + "3");
    }

    @Test
    void anOlderVideoWithTheSamePromptIsNotTakenOverANewerOneThatShowsNoPromptYet() throws Exception {
        // the older one is an earlier generation of the same prompt; the newer, processing one may be this create's
        JobLookup.Found found = foxRunsFoundAmong(videoItem("5", ""), videoItem("2", "the fox runs"));

        assertThat(found.jobs()).isEmpty();
        assertThat(found.unconfirmed()).containsExactly(VID + "5", VID + "2");
    }

    @Test
    void aVideoWithAnotherPromptIsNeverTaken() throws Exception {
        assertThat(foxRunsFoundAmong(videoItem("4", "a cat sleeps"))).isEqualTo(JobLookup.Found.nothing());
    }

    @Test
    void withPromptOptimisationAnImageBatchIsTakenOnlyWhileNoOtherCreateOfTheBuildIsUnanswered() throws Exception {
        // MiniMax rewrites an optimised prompt, so desc cannot tell this batch from another asset's
        AssetRequest optimised = optimisedImage("a red fox");
        String list =
                "{\"images\":[" + imageItem("9", "A vivid red fox in snow", "image-01", SENT_MS + 5_000, "b") + "]}";
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, list));

        assertThat(lookup(client()).find(optimised, REF, SENT).jobs())
                .extracting(JobRef::id)
                .containsExactly(IMG + "9");
    }

    @Test
    void twoOptimisedBatchesMadeSinceTheCreateAreUnconfirmed() throws Exception {
        AssetRequest optimised = optimisedImage("a red fox");
        server.enqueue(json(200, "[]"));
        server.enqueue(json(
                200,
                "{\"images\":[" + imageItem("9", "A vivid red fox", "image-01", SENT_MS + 5_000, "b2") + ","
                        + imageItem("8", "A lighthouse at dusk", "image-01", SENT_MS + 4_000, "b1") + "]}"));

        JobLookup.Found found = lookup(client()).find(optimised, REF, SENT);

        assertThat(found.jobs()).isEmpty();
        assertThat(found.unconfirmed()).containsExactlyInAnyOrder(IMG + "9", IMG + "8");
    }

    @Test
    void aJobResumedFromTheJournalIsNotAdoptedForAnotherAsset() throws Exception {
        UseapiClient client = client();
        server.enqueue(json(200, "{\"imageId\":\"" + IMG + "9\",\"status\":1}"));
        client.poll(new JobRef("useapi", "image", IMG + "9"));
        server.enqueue(json(200, "[]"));
        server.enqueue(
                json(200, "{\"images\":[" + imageItem("9", "a red fox", "image-01", SENT_MS + 5_000, "b") + "]}"));

        assertThat(lookup(client).find(image("a red fox", 1), REF, SENT)).isEqualTo(JobLookup.Found.nothing());
    }

    @Test
    void listsThatCannotBeReadThrowSoNobodyResendsBlindly() {
        server.enqueue(json(401, "{\"error\":\"Unauthorized\",\"code\":401}"));

        ProviderException e = catchThrowableOfType(
                ProviderException.class, () -> lookup(client()).find(image("a red fox", 1), REF, SENT));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_STOP);
        assertThat(e.httpStatus()).isEqualTo(401);
    }

    @Test
    void onlyUseapiCanLookUpALostCreate() {
        assertThat(new UseapiProvider().canReconcile()).isTrue();
        assertThat(client().jobLookup()).isPresent();
        assertThat(new MinimaxProvider().canReconcile()).isFalse();
        assertThat(new MinimaxClient(TestSettings.forServer("minimax", server, 1), new HttpClientFactory()).jobLookup())
                .isEmpty();
        assertThat(new ApixoProvider().canReconcile()).isFalse();
    }
}
