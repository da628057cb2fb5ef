package io.github.assetgen.core.provider.minimax;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.JobState;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.Downloader;
import io.github.assetgen.core.provider.http.HttpCaller;
import io.github.assetgen.core.provider.http.HttpClientFactory;
import io.github.assetgen.core.provider.http.ProviderMessages;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The MiniMax official API ({@code https://api.minimax.io}, or {@code https://api.minimaxi.com} for
 * mainland keys). Images are answered synchronously by {@code /v1/image_generation}; their URLs
 * stay valid for 24 hours, so the scheduler downloads them at once. Videos go create → query →
 * file retrieve. Business errors come as HTTP 200 with a {@code base_resp} code and are classified
 * like HTTP failures; every failure read from an answer quotes MiniMax's {@code Trace-Id}.
 * Thread-safe.
 */
public final class MinimaxClient implements ProviderClient {

    /** How MiniMax returns generated images. */
    public enum ImageFormat {
        /** URLs valid for 24 hours (MiniMax's default). */
        URL,
        /** Inline base64 in the answer: nothing to fetch later, but a larger answer. */
        BASE64
    }

    /** The response header MiniMax support asks for. */
    static final String TRACE_HEADER = "Trace-Id";

    private final HttpCaller caller;
    private final Downloader downloader;
    private final ImageFormat imageFormat;

    /** A client that asks for image URLs and waits for real between retries. */
    public MinimaxClient(ProviderSettings settings, HttpClientFactory clients) {
        this(settings, clients, Sleeper.SYSTEM, ImageFormat.URL);
    }

    /**
     * @param settings base URL, key, timeouts and retry limits for {@code minimax}
     * @param clients the build's shared HTTP client
     * @param sleeper how to wait between retries of reads
     * @param imageFormat whether images come back as URLs or base64
     */
    public MinimaxClient(
            ProviderSettings settings, HttpClientFactory clients, Sleeper sleeper, ImageFormat imageFormat) {
        this.caller = new HttpCaller(settings, clients, sleeper, new MinimaxClassifier(), TRACE_HEADER);
        this.downloader = new Downloader(caller);
        this.imageFormat = Objects.requireNonNull(imageFormat, "imageFormat");
    }

    @Override
    public String name() {
        return caller.provider();
    }

    /**
     * Sends one create request. An image answer holds its results (possibly fewer than asked for,
     * when MiniMax dropped some); a video answer names the task to poll.
     */
    @Override
    public SubmitResult submit(AssetRequest request) throws ProviderException {
        if (request.type() == AssetType.VIDEO) {
            JobRef job = caller.call(new VideoGenerationEndpoint(request.id(), MinimaxRequests.video(request)));
            return SubmitResult.ofJobs(List.of(job));
        }
        boolean base64 = imageFormat == ImageFormat.BASE64;
        return caller.call(new ImageGenerationEndpoint(
                request.id(), MinimaxRequests.image(request, base64 ? "base64" : "url"), base64));
    }

    /**
     * Queries a video task; once it succeeded, also fetches its download URL.
     *
     * @throws ProviderException REJECTED for an image job: images are answered at once and cannot
     *     be fetched again later
     */
    @Override
    public JobState poll(JobRef job) throws ProviderException {
        if (!"video".equals(job.kind())) {
            throw caller.exception(
                    Kind.REJECTED,
                    0,
                    "minimax " + job.kind() + " " + job.id()
                            + " cannot be polled: MiniMax returns images in the create answer only, and their results"
                            + " were not kept; generate the asset again");
        }
        checkId("task", job.id());
        VideoQueryEndpoint.Answer answer = caller.call(new VideoQueryEndpoint(job.id()));
        if (answer.unfinished() != null) {
            return caller.safe(answer.unfinished());
        }
        checkId("file", answer.fileId());
        String url = caller.call(new FileRetrieveEndpoint(answer.fileId()));
        return new JobState.Succeeded(List.of(ResultLocation.ofUrl(url)));
    }

    /** Only videos: an image exists only in its create answer, whose results the journal keeps. */
    @Override
    public boolean canPoll(JobRef job) {
        return "video".equals(job.kind());
    }

    /** MiniMax's task and file ids are numbers; anything else came from a tampered journal or answer. */
    private void checkId(String what, String id) throws ProviderException {
        if (id == null || !id.matches("[0-9]{1,40}")) {
            throw caller.exception(
                    Kind.REJECTED,
                    0,
                    "'" + ProviderMessages.shorten(caller.redact(String.valueOf(id)), 80) + "' is not a MiniMax " + what
                            + " id");
        }
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
        return downloader.download(result, target);
    }

    /** The key's {@code available_amount}, best effort: the endpoint is undocumented. */
    @Override
    public Optional<Cost> balance(String account) throws ProviderException {
        return Optional.of(caller.call(new QueryBalanceEndpoint()));
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target, AssetType expected) throws ProviderException {
        return downloader.download(result, target, expected);
    }
}
