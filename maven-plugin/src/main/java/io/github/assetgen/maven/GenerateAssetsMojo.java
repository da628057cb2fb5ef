package io.github.assetgen.maven;

import io.github.assetgen.core.api.AssetBuild;
import io.github.assetgen.core.api.AssetgenException;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.Secret;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates every spec, restores what the cache holds, resumes open jobs and generates only what
 * is missing; writes the lock file and the reports; adds the output directory to the resources.
 *
 * @since 0.1.0
 */
@Mojo(
        name = GenerateAssetsMojo.GOAL_NAME,
        defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
        threadSafe = true,
        requiresProject = true)
public class GenerateAssetsMojo extends AbstractPlanningMojo {

    static final String GOAL_NAME = "generate-assets";

    /**
     * Time between polls of a running job ({@code 500ms}, {@code 5s}, {@code 2m}); default: each
     * provider's own.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.POLL_INTERVAL)
    String pollInterval;

    /**
     * Base delay of the back-off after 429 and 5xx answers; 429s wait 1–3 times this.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RETRY_DELAY, defaultValue = "10s")
    String retryDelay;

    /**
     * How long one asset may take from submission to stored files.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TIMEOUT, defaultValue = "30m")
    String timeout;

    /**
     * Per provider ({@code useapi}, {@code minimax}, {@code apixo}): {@code baseUrl} and
     * {@code maxJobs}. Also settable as {@code -Dassetgen.<name>.baseUrl} and
     * {@code -Dassetgen.<name>.maxJobs}.
     *
     * @since 0.1.0
     */
    @Parameter
    Providers providers;

    @Override
    Duration assetTimeout() {
        return ParameterParser.duration("timeout", timeout);
    }

    /** Per remote provider: token, base URL, poll interval, retry delay, jobs; -D properties win over the POM. */
    @Override
    Map<String, ProviderSettings> providerSettings() throws MojoFailureException {
        Properties properties = userProperties();
        Credentials credentials = new Credentials(session.getSettings(), settingsDecrypter, System.getenv());
        Duration poll = ParameterParser.optionalDuration("pollInterval", pollInterval);
        Duration retry = ParameterParser.duration("retryDelay", retryDelay);
        Map<String, ProviderSettings> settings = new LinkedHashMap<>();
        ProviderRegistry registry = ProviderRegistry.standard();
        for (ProviderDescriptor descriptor : registry.remote()) {
            String provider = descriptor.name();
            ProviderParameters configured = providers == null ? null : providers.get(provider);
            String baseUrl = properties.getProperty(
                    PropertyNames.baseUrl(provider), configured == null ? null : configured.getBaseUrl());
            String maxJobsText = properties.getProperty(PropertyNames.maxJobs(provider));
            Integer configuredJobs = configured == null ? null : configured.getMaxJobs();
            String jobsText =
                    maxJobsText != null ? maxJobsText : configuredJobs == null ? null : configuredJobs.toString();
            Integer jobs = jobsText == null ? null : ParameterParser.maxJobs(provider, jobsText);
            Secret token = credentials.findOrWarn(provider, getLog()::warn);
            settings.put(provider, descriptor.settings(token, baseUrl, poll, retry, jobs));
        }
        ProviderDescriptor placeholder = registry.placeholder();
        settings.put(placeholder.name(), placeholder.settings(null, null, Duration.ZERO, retry, null));
        return settings;
    }

    @Override
    void run(AssetBuild build) throws AssetgenException {
        // run from the lifecycle, plan-assets has just planned and printed: carry out that plan
        Object planned = project.getContextValue(PlanAssetsMojo.PLAN_KEY);
        // core prints the closing summary, on success and failure alike
        if (unchanged(build)) {
            // the last build kept every asset and nothing changed: its outputs, lock and reports stand
        } else if (planned instanceof Plan plan) {
            build.generate(plan);
        } else {
            build.generate(validated(build), true);
        }
        addResourceDirectory();
    }

    /** Nothing changed since the last all-kept build: its outputs stand, and are still packaged. */
    @Override
    void runSettled() {
        addResourceDirectory();
    }

    /** -D properties win over system properties, as Maven's own expressions do. */
    private Properties userProperties() {
        Properties merged = new Properties();
        merged.putAll(session.getSystemProperties());
        merged.putAll(session.getUserProperties());
        return merged;
    }

    private void addResourceDirectory() {
        String directory = outputDirectory.getAbsolutePath();
        boolean present = project.getResources().stream().anyMatch(r -> directory.equals(r.getDirectory()));
        if (!present) {
            Resource resource = new Resource();
            resource.setDirectory(directory);
            project.addResource(resource);
        }
    }
}
