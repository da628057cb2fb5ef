package io.github.assetgen.core.provider.http;

/** What a request costs if it is sent twice; decides whether the caller may retry it. */
public enum CallKind {
    /**
     * A billable create request. Never retried by the caller: once its body may have reached the
     * server, a missing answer becomes {@code MAYBE_SUBMITTED}.
     */
    CREATE,
    /** A GET (poll, download, listing): safe to repeat, retried with back-off. */
    READ,
    /**
     * A non-billable POST such as a file upload. Retried like a read even when the answer was lost:
     * a duplicate upload only leaves an unused file at the provider, it costs nothing.
     */
    UPLOAD
}
