package io.github.assetgen.core.provider.useapi;

import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.DownloadedFile;
import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.JobLookup;
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
import io.github.assetgen.core.provider.http.ProviderMessages;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.request.InputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The useapi.net MiniMax proxy ({@code /v1/minimax/}): uploads local inputs once, creates image or
 * video jobs, polls them and downloads the results. Thread-safe; one per build.
 */
public final class UseapiClient implements ProviderClient {

    static final String NAME = UseapiProvider.NAME;
    static final String IMAGE = "image";
    static final String VIDEO = "video";

    private final HttpCaller caller;
    private final Uploads uploads;
    private final Downloader downloader;
    /** Job ids this build created or adopted, so that a lookup never adopts them for another asset. */
    private final Set<String> known = new HashSet<>();
    /** The file ids each create sent, by submission id, for matching a lost video create. */
    private final Map<String, List<String>> sentFiles = new ConcurrentHashMap<>();
    /** The creates of this build sent and not yet answered, by submission id: their jobs are not known yet. */
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();

    private final UseapiLookup lookup;

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
        this.lookup = new UseapiLookup(caller, known, sentFiles, unanswered);
    }

    @Override
    public String name() {
        return caller.provider();
    }

    /**
     * Uploads the request's local inputs (or takes their remembered ids) and creates the job. If
     * useapi answers the create with HTTP 400 and the request named ids remembered from an earlier
     * build, useapi may have forgotten those files: they are forgotten here too, uploaded again and
     * the create is sent once more, once.
     */
    @Override
    public SubmitResult submit(AssetRequest request) throws ProviderException {
        return submit(request, request.id());
    }

    /** Like {@link #submit(AssetRequest)}, with {@code submissionId} as the create's {@code replyRef}. */
    @Override
    public SubmitResult submit(AssetRequest request, String submissionId) throws ProviderException {
        List<InputFile> inputs = inputsOf(request);
        List<String> fileIds = new ArrayList<>();
        for (InputFile input : inputs) {
            fileIds.add(uploads.fileId(input, request));
        }
        try {
            return create(request, fileIds, submissionId);
        } catch (ProviderException first) {
            // Only the server's own 400: our local rejections carry status 0 and name no file.
            boolean badRequest = first.kind() == Kind.REJECTED && first.httpStatus() == 400;
            if (!badRequest || fileIds.stream().allMatch(uploads::uploadedHere)) {
                throw first;
            }
            return createWithFreshUploads(request, inputs, fileIds, first, submissionId);
        }
    }

    /**
     * The second and last create after a 400 that may mean "unknown file id". Sending it again is
     * safe: useapi answers 400 before it starts anything, so the first create took no job and cost
     * nothing. Whatever fails now is thrown with the first 400 suppressed.
     */
    private SubmitResult createWithFreshUploads(
            AssetRequest request,
            List<InputFile> inputs,
            List<String> fileIds,
            ProviderException first,
            String submissionId)
            throws ProviderException {
        List<String> freshIds = new ArrayList<>(fileIds);
        try {
            // All forgotten before any is resolved again: the same bytes may fill two slots.
            for (int i = 0; i < inputs.size(); i++) {
                if (!uploads.uploadedHere(fileIds.get(i))) {
                    uploads.forget(inputs.get(i), request, fileIds.get(i));
                }
            }
            for (int i = 0; i < inputs.size(); i++) {
                if (!uploads.uploadedHere(fileIds.get(i))) {
                    freshIds.set(i, uploads.fileId(inputs.get(i), request));
                }
            }
        } catch (ProviderException | RuntimeException e) {
            e.addSuppressed(first);
            throw e;
        }
        try {
            return create(request, freshIds, submissionId);
        } catch (ProviderException second) {
            String hint = second.kind() == Kind.REJECTED
                    ? " (the input files remembered from an earlier build were uploaded again and the request sent"
                            + " once more with the new file ids, so this rejection is about the request itself)"
                    : " (on a second attempt, after the input files remembered from an earlier build were"
                            + " uploaded again)";
            ProviderException failure = new ProviderException(
                    second.kind(),
                    second.provider(),
                    second.httpStatus(),
                    second.getMessage() + hint,
                    second.retryAfter(),
                    second.getCause());
            failure.addSuppressed(first);
            throw failure;
        }
    }

    /** The local inputs in the order their file ids fill the create: see {@link #create}. */
    private static List<InputFile> inputsOf(AssetRequest request) {
        List<InputFile> inputs = new ArrayList<>();
        if (request.type() == AssetType.IMAGE) {
            inputs.addAll(request.references());
            if (request.character() != null) {
                inputs.add(request.character());
            }
            return inputs;
        }
        if (request.firstFrame() != null) {
            inputs.add(request.firstFrame());
        }
        inputs.addAll(request.references());
        if (request.endFrame() != null) {
            inputs.add(request.endFrame());
        }
        return inputs;
    }

    private SubmitResult create(AssetRequest request, List<String> fileIds, String submissionId)
            throws ProviderException {
        sentFiles.put(submissionId, List.copyOf(fileIds));
        unanswered.add(submissionId);
        try {
            return createOnce(request, fileIds, submissionId);
        } finally {
            unanswered.remove(submissionId);
        }
    }

    private SubmitResult createOnce(AssetRequest request, List<String> fileIds, String submissionId)
            throws ProviderException {
        List<JobRef> jobs;
        if (request.type() == AssetType.IMAGE) {
            int references = request.references().size();
            String character = request.character() == null ? null : fileIds.get(references);
            jobs = caller.call(
                    new CreateImageEndpoint(request, fileIds.subList(0, references), character, submissionId));
        } else {
            int subjects = fileIds.size() - (request.endFrame() == null ? 0 : 1);
            String endFrame = request.endFrame() == null ? null : fileIds.get(subjects);
            jobs = List.of(caller.call(
                    new CreateVideoEndpoint(request, fileIds.subList(0, subjects), endFrame, submissionId)));
        }
        synchronized (known) {
            jobs.forEach(job -> known.add(job.id()));
        }
        return SubmitResult.ofJobs(jobs);
    }

    /**
     * useapi keeps {@code replyRef} with the job and lists the account's jobs: see {@link UseapiLookup}.
     */
    @Override
    public Optional<JobLookup> jobLookup() {
        return Optional.of(lookup);
    }

    /** useapi's id grammar: {@code user:<digits>-minimax:<digits>-(image|video|file):<id characters>}. */
    static final java.util.regex.Pattern JOB_ID = java.util.regex.Pattern.compile(
            "user:[0-9]{1,20}-minimax:[0-9]{1,20}-(image|video|file):[A-Za-z0-9_.-]{1,128}");

    @Override
    public JobState poll(JobRef job) throws ProviderException {
        if (!job.kind().equals(IMAGE) && !job.kind().equals(VIDEO)) {
            throw caller.exception(
                    Kind.REJECTED, 0, "useapi has no job kind '" + job.kind() + "' (job " + job.id() + ")");
        }
        if (!JOB_ID.matcher(job.id()).matches()) {
            // the id goes into the URL path raw; one from a tampered journal or answer must not steer it
            throw caller.exception(
                    Kind.REJECTED,
                    0,
                    "'" + ProviderMessages.shorten(caller.redact(job.id()), 80) + "' is not a useapi " + job.kind()
                            + " id");
        }
        synchronized (known) {
            // a job resumed from the journal is this build's too: never adopted for another asset
            known.add(job.id());
        }
        try {
            return caller.safe(caller.call(new GetJobEndpoint(job)));
        } catch (ProviderException e) {
            if (job.kind().equals(VIDEO) && e.httpStatus() == 404) {
                // useapi: a 404 on a video "most often means that the video was moderated and removed".
                return new JobState.Failed(
                        "useapi no longer finds video " + job.id()
                                + ": it was most likely moderated and removed after it was generated",
                        true);
            }
            if (e.httpStatus() == 404) {
                // GET /images/{imageId} documents 404 "Not found." for an image it does not have
                // (https://useapi.net/docs/api-minimax-v1/get-minimax-images-imageId). That image is over:
                // asked again it stays missing, and failing the whole asset would keep the batch's other
                // images, already paid for, from ever being collected.
                return new JobState.Failed(
                        "useapi no longer finds image " + job.id() + " (404 Not found): it was removed, perhaps by"
                                + " moderation",
                        false);
            }
            throw e;
        }
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target) throws ProviderException {
        return downloader.download(result, target);
    }

    /** The named hailuoai account's {@code totalCredits}: credits, and a 412, are per account. */
    @Override
    public Optional<Cost> balance(String account) throws ProviderException {
        return Optional.of(caller.call(new FeaturesEndpoint(account)));
    }

    @Override
    public DownloadedFile download(ResultLocation result, Path target, AssetType expected) throws ProviderException {
        return downloader.download(result, target, expected);
    }

    /**
     * useapi answers errors with a matching HTTP status; a 2xx body that still carries an error
     * code is read with the same status table, to be safe.
     */
    static Outcome classify(Outcome.Success success) {
        String error = success.body().path("error").asText(null);
        int code = success.body().path("code").asInt(success.httpStatus());
        if (error != null && code >= 400) {
            return Outcome.forStatus(NAME, UseapiProvider.TOKEN_VARIABLE, code, error, null);
        }
        return success;
    }
}
