package io.github.assetgen.core.provider.apixo;

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
import java.util.Optional;

/**
 * APIXO ({@code https://api.apixo.ai}) for MiniMax Image 01: an async task per asset, polled until
 * it succeeds or fails. The envelope's {@code code} is checked even on HTTP 200. Result URLs expire
 * 24 hours after the task finishes, so the scheduler downloads them as soon as a poll succeeds.
 * Thread-safe.
 */
public final class ApixoClient implements ProviderClient {

    /** The one APIXO model this client speaks; its name is part of both paths. */
    static final String MODEL = "minimax-image-01";

    private final HttpCaller caller;
    private final Downloader downloader;

    /** A client that waits for real between retries. */
    public ApixoClient(ProviderSettings settings, HttpClientFactory clients) {
        this(settings, clients, Sleeper.SYSTEM);
    }

    /**
     * @param settings base URL, key, timeouts and retry limits for {@code apixo}
     * @param clients the build's shared HTTP client
     * @param sleeper how to wait between retries of reads
     */
    public ApixoClient(ProviderSettings settings, HttpClientFactory clients, Sleeper sleeper) {
        this.caller = new HttpCaller(settings, clients, sleeper, new ApixoClassifier());
        this.downloader = new Downloader(caller);
    }

    @Override
    public String name() {
        return caller.provider();
    }

    /**
     * Sends one {@code generateTask} request and returns the task to poll.
     *
     * @throws ProviderException REJECTED for a video or another model, which this client does not
     *     speak (validation reports both earlier; this guards the money)
     */
    @Override
    public SubmitResult submit(AssetRequest request) throws ProviderException {
        if (request.type() != AssetType.IMAGE || !MODEL.equals(request.model())) {
            throw caller.exception(
                    Kind.REJECTED,
                    0,
                    "[" + request.id() + "] apixo supports only images with model " + MODEL + ", not "
                            + request.type().specName() + " with model " + request.model());
        }
        JobRef job = caller.call(new GenerateTaskEndpoint(request.id(), MODEL, ApixoRequests.image(request)));
        return SubmitResult.ofJobs(List.of(job));
    }

    @Override
    public JobState poll(JobRef job) throws ProviderException {
        if (!job.id().matches("[A-Za-z0-9_-]{1,128}")) {
            // APIXO's task ids are short tokens; anything else came from a tampered journal or answer
            throw caller.exception(
                    Kind.REJECTED,
                    0,
                    "'" + ProviderMessages.shorten(caller.redact(job.id()), 80) + "' is not an APIXO task id");
        }
        return caller.safe(caller.call(new StatusTaskEndpoint(MODEL, job.id())));
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
        return downloader.download(result, target);
    }

    /** The key's balance in US dollars. */
    @Override
    public Optional<Cost> balance(String account) throws ProviderException {
        return Optional.of(caller.call(new CurrentBalanceEndpoint()));
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target, AssetType expected) throws ProviderException {
        return downloader.download(result, target, expected);
    }
}
