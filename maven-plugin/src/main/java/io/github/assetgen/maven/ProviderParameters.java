package io.github.assetgen.maven;

/** The {@code <providers><name>…</name></providers>} block of one provider. */
public class ProviderParameters {

    /** The API's base URL; tests and proxies point it elsewhere. */
    private String baseUrl;

    /** Jobs in flight at once for this provider. */
    private Integer maxJobs;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Integer getMaxJobs() {
        return maxJobs;
    }

    public void setMaxJobs(Integer maxJobs) {
        this.maxJobs = maxJobs;
    }
}
