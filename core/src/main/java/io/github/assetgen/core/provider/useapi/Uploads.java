package io.github.assetgen.core.provider.useapi;

import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.http.HttpCaller;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.InputFile;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * Gives each local input a useapi file id, uploading the same bytes to the same account once: ids
 * are remembered in {@link FileIdMemory} (kept across builds), and concurrent requests for the same
 * bytes wait for the one upload in flight. It also knows which ids it uploaded itself, so a client
 * can tell an id remembered from an earlier build, which useapi may have forgotten. Thread-safe.
 */
final class Uploads {

    private final HttpCaller caller;
    private final FileIdMemory memory;
    private final ConcurrentMap<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();
    private final Set<String> uploadedHere = ConcurrentHashMap.newKeySet();

    Uploads(HttpCaller caller, FileIdMemory memory) {
        this.caller = caller;
        this.memory = memory;
    }

    String fileId(InputFile file, AssetRequest request) throws ProviderException {
        if (!file.isLocal()) {
            throw caller.exception(
                    Kind.REJECTED,
                    0,
                    "'" + request.id() + "': useapi takes local files only, not " + file.url()
                            + "; download it into the project and name the file instead");
        }
        String account = request.account() == null ? "" : request.account();
        Optional<String> known = memory.find(UseapiClient.NAME, account, file.sha256());
        if (known.isPresent()) {
            return known.get();
        }
        String key = account + "|" + file.sha256();
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // Another thread may have finished the same upload between our lookup and putIfAbsent.
            String fileId =
                    memory.find(UseapiClient.NAME, account, file.sha256()).orElse(null);
            if (fileId == null) {
                fileId = caller.call(
                        new UploadFileEndpoint(file.path(), file.mediaType(), request.account(), request.id()));
                // Marked before it is remembered, so no thread finds the id without knowing it is fresh.
                uploadedHere.add(fileId);
                memory.remember(UseapiClient.NAME, account, file.sha256(), fileId);
            }
            mine.complete(fileId);
            return fileId;
        } catch (ProviderException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Whether this instance uploaded the file that got this id (rather than finding it remembered). */
    boolean uploadedHere(String fileId) {
        return uploadedHere.contains(fileId);
    }

    /**
     * Forgets a remembered id for this input, only while it is still the one remembered, so that the
     * next {@link #fileId} uploads the bytes again or takes an upload another asset made meanwhile.
     */
    void forget(InputFile file, AssetRequest request, String fileId) {
        String account = request.account() == null ? "" : request.account();
        memory.forget(UseapiClient.NAME, account, file.sha256(), fileId);
    }

    private static String await(CompletableFuture<String> running) throws ProviderException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.RETRYABLE, UseapiClient.NAME, "interrupted while waiting for an upload");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException failed) {
                // A fresh exception per waiting thread, so stack traces and suppressed lists stay separate.
                return rethrow(failed);
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String rethrow(ProviderException failed) throws ProviderException {
        throw new ProviderException(
                failed.kind(),
                failed.provider(),
                failed.httpStatus(),
                failed.getMessage(),
                failed.retryAfter(),
                failed);
    }
}
