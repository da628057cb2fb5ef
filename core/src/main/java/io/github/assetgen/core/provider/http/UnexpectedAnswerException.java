package io.github.assetgen.core.provider.http;

/**
 * Thrown by {@link Endpoint#parse} when a 2xx answer lacks what it must contain (no job id, no
 * status). The caller classifies it like a malformed body: a create becomes {@code MAYBE_SUBMITTED}
 * (the provider answered, so the job may exist and be paid for), a read is retried.
 */
public class UnexpectedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnexpectedAnswerException(String message) {
        super(message);
    }
}
