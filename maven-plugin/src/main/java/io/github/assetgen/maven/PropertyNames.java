package io.github.assetgen.maven;

/** The {@code -D} property names of every parameter, in one place. */
final class PropertyNames {

    /** What every property name starts with. */
    static final String PREFIX = "assetgen.";

    static final String SPEC_DIRECTORY = "assetgen.specDirectory";
    static final String OUTPUT_DIRECTORY = "assetgen.outputDirectory";
    static final String CACHE_DIRECTORY = "assetgen.cacheDirectory";
    static final String LOCK_FILE = "assetgen.lockFile";
    static final String SKIP = "assetgen.skip";
    static final String ONLY = "assetgen.only";
    static final String FORCE = "assetgen.force";
    static final String MAX_CREDITS = "assetgen.maxCredits";
    static final String MAX_USD = "assetgen.maxUsd";
    static final String PLACEHOLDERS = "assetgen.placeholders";
    static final String OFFLINE = "assetgen.offline";
    static final String POLL_INTERVAL = "assetgen.pollInterval";
    static final String RETRY_DELAY = "assetgen.retryDelay";
    static final String TIMEOUT = "assetgen.timeout";

    /** {@code assetgen.<provider>.baseUrl}. */
    static String baseUrl(String provider) {
        return "assetgen." + provider + ".baseUrl";
    }

    /** {@code assetgen.<provider>.maxJobs}. */
    static String maxJobs(String provider) {
        return "assetgen." + provider + ".maxJobs";
    }

    private PropertyNames() {}
}
