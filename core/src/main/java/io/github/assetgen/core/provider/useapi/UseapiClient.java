package io.github.assetgen.core.provider.useapi;

import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.FileIdMemory;
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
import io.github.assetgen.core.provider.http.Outcome;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.request.InputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The useapi.net MiniMax proxy ({@code /v1/minimax/}): uploads local inputs once, creates image or
 * video jobs, polls them and downloads the results. Thread-safe; one per build.
 */
public final class UseapiClient implements ProviderClient {

    static final String NAME = "useapi";
    static final String IMAGE = "image";
    static final String VIDEO = "video";

    private final HttpCaller caller;
    private final Uploads uploads;
    private final Downloader downloader;

    /** A client that waits for real between retries. */
    public UseapiClient(ProviderSettings settings, HttpClientFactory clients, FileIdMemory fileIds) {
        this(settings, clients, fileIds, Sleeper.SYSTEM);
    }

    /**
     * @param settings base URL ({@code https://api.useapi.net}), token, timeouts, retry limits
     * @param clients the build's shared HTTP client
     * @param fileIds upload ids remembered across builds, by account and SHA-256
     * @param sleeper how to wait between retries of reads and uploads
     */
    public UseapiClient(ProviderSettings settings, HttpClientFactory clients, FileIdMemory fileIds, Sleeper sleeper) {
        this.caller = new HttpCaller(settings, clients, sleeper, UseapiClient::classify);
        this.uploads = new Uploads(caller, fileIds);
        this.downloader = new Downloader(caller);
    }

    @Override
    public String name() {
        return caller.provider();
    }

    @Override
    public SubmitResult submit(AssetRequest request) throws ProviderException {
        if (request.type() == AssetType.IMAGE) {
            List<String> references = new ArrayList<>();
            for (InputFile reference : request.references()) {
                references.add(uploads.fileId(reference, request));
            }
            String character = request.character() == null ? null : uploads.fileId(request.character(), request);
            return SubmitResult.ofJobs(caller.call(new CreateImageEndpoint(request, references, character)));
        }
        List<InputFile> subjects = new ArrayList<>();
        if (request.firstFrame() != null) {
            subjects.add(request.firstFrame());
        }
        subjects.addAll(request.references());
        List<String> subjectIds = new ArrayList<>();
        for (InputFile subject : subjects) {
            subjectIds.add(uploads.fileId(subject, request));
        }
        String endFrame = request.endFrame() == null ? null : uploads.fileId(request.endFrame(), request);
        return SubmitResult.ofJobs(List.of(caller.call(new CreateVideoEndpoint(request, subjectIds, endFrame))));
    }

    @Override
    public JobState poll(JobRef job) throws ProviderException {
        if (!job.kind().equals(IMAGE) && !job.kind().equals(VIDEO)) {
            throw caller.exception(Kind.REJECTED, 0, "useapi has no job kind '" + job.kind() + "' (job " + job.id() + ")");
        }
        if (job.id().isEmpty() || job.id().matches(".*[/?#\\s].*")) {
            throw caller.exception(Kind.REJECTED, 0, "'" + job.id() + "' is not a useapi " + job.kind() + " id");
        }
        try {
            JobState state = caller.call(new GetJobEndpoint(job));
            return state instanceof JobState.Failed failed
                    ? new JobState.Failed(caller.redact(failed.message()), failed.moderated())
                    : state;
        } catch (ProviderException e) {
            if (job.kind().equals(VIDEO) && e.httpStatus() == 404) {
                // useapi: a 404 on a video "most often means that the video was moderated and removed".
                return new JobState.Failed("useapi no longer finds video " + job.id()
                        + ": it was most likely moderated and removed after it was generated", true);
            }
            throw e;
        }
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
        return downloader.download(result, target);
    }

    /**
     * useapi answers errors with a matching HTTP status; a 2xx body that still carries an error
     * code is read with the same status table, to be safe.
     */
    private static Outcome classify(Outcome.Success success) {
        String error = success.body().path("error").asText(null);
        int code = success.body().path("code").asInt(success.httpStatus());
        if (error != null && code >= 400) {
            return Outcome.forStatus(NAME, code, error, null);
        }
        return success;
    }
}
