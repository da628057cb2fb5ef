package io.github.assetgen.core.provider;

import java.time.Duration;

/**
 * A classified provider failure. The {@link Kind} tells the scheduler what to do next; the message
 * carries the provider's own words and never a token.
 */
public class ProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What the failure means for the build. */
    public enum Kind {
        /** A transient fault (a 5xx or connection reset on a read, nothing sent on a create): try again. */
        RETRYABLE,
        /** 429 or MiniMax 1002: wait {@link #retryAfter()} (or the configured delay), then retry. */
        RATE_LIMITED,
        /** 400/422/moderated/failed: this asset fails with the provider's words; others go on. */
        REJECTED,
        /** 401, 402/412/1008, 596: no more create requests go to this provider in this build. */
        PROVIDER_STOP,
        /**
         * A create request whose body may have reached the server got no clear answer: none, one cut
         * off or unreadable, or an answered 5xx. Never resent blindly: the asset may already be paid
         * for, so the job is looked up where the provider allows ({@link JobLookup}), else the asset fails.
         */
        MAYBE_SUBMITTED
    }

    private final Kind kind;
    private final String provider;
    private final int httpStatus;
    private final transient Duration retryAfter;

    public ProviderException(
            Kind kind, String provider, int httpStatus, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, String provider, String message) {
        this(kind, provider, 0, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public String provider() {
        return provider;
    }

    /** The HTTP status, or 0 when none was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The delay the provider asked for, or null to use the configured one. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
