package io.github.assetgen.core.provider.http;

/**
 * A GET that only reads (a job's status, a file's address): free to repeat, so the caller retries
 * it on transient faults (see {@link CallKind#READ}). Each provider's read endpoints supply only
 * their path, description and answer parsing.
 */
public interface ReadEndpoint<T> extends Endpoint<T> {

    @Override
    default String method() {
        return "GET";
    }

    @Override
    default CallKind kind() {
        return CallKind.READ;
    }
}
