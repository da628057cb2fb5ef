package io.github.assetgen.maven;

import io.github.assetgen.core.api.AssetBuild;
import io.github.assetgen.core.api.AssetgenException;
import io.github.assetgen.core.api.BuildConfig;
import io.github.assetgen.core.api.UserErrorException;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.request.AssetRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters every assetgen goal shares, and their translation into a core {@link BuildConfig}
 * (the text ones read by {@link ParameterParser}). The goals themselves only call core; core's user
 * errors end as BUILD FAILURE, its faults as BUILD ERROR.
 */
abstract class AbstractAssetgenMojo extends AbstractMojo {

    /** Project context key under which the validated requests are shared between goals of one build. */
    static final String REQUESTS_KEY = "assetgen.requests";

    /**
     * Where the asset specs ({@code *.yaml}, {@code *.yml}, {@code *.json}) live, searched recursively.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SPEC_DIRECTORY, defaultValue = "${project.basedir}/src/main/assets")
    File specDirectory;

    /**
     * Where generated assets are written; added to the project's resources.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/generated-assets")
    File outputDirectory;

    /**
     * The content-addressed cache shared by all builds of this user.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CACHE_DIRECTORY, defaultValue = "${user.home}/.cache/assetgen")
    File cacheDirectory;

    /**
     * The lock file recording what was generated; meant to be committed.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOCK_FILE, defaultValue = "${project.basedir}/assets.lock.json")
    File lockFile;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    boolean skip;

    /**
     * Only these assets: comma-separated ids or globs ({@code hero,icon-*}). Others are still validated.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ONLY)
    List<String> only;

    /**
     * Regenerates even what is up to date or cached. Spends credits.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORCE, defaultValue = "false")
    boolean force;

    /**
     * The most useapi credits this build may spend; the build fails before any request when the
     * estimate is higher.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MAX_CREDITS)
    String maxCredits;

    /**
     * The most US dollars this build may spend on dollar-priced providers (APIXO); checked like
     * {@code maxCredits}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MAX_USD)
    String maxUsd;

    /**
     * Renders every asset locally with the placeholder provider: no key, no network, no cost.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PLACEHOLDERS, defaultValue = "false")
    boolean placeholders;

    /**
     * Sends nothing; assets in no cache fail the build. Maven's {@code -o} sets it too.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OFFLINE, defaultValue = "false")
    boolean offline;

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
     * Base URL of the team's shared cache ({@code https://cache.example.com/assetgen/}), read by every
     * build before it pays for anything: GET and HEAD read, PUT writes, so nginx or Apache httpd
     * WebDAV, an Artifactory generic or a Nexus raw repository serve. Credentials come from the
     * settings.xml server {@code assetgen-cache} (username and password as HTTP Basic; none means
     * anonymous reads), the proxy from the settings.xml {@code <proxy>} for its protocol. Only
     * {@code generate-assets} sends to it; {@code plan-assets} is given it too because, in a
     * lifecycle build, {@code generate-assets} carries out the plan {@code plan-assets} made.
     * Default: none.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.REMOTE_CACHE)
    String remoteCache;

    /**
     * Uploads what this build generates or restores and the shared cache lacks; meant for the
     * main-branch CI build only, everyone else reads.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.REMOTE_CACHE_SAVE, defaultValue = "false")
    boolean remoteCacheSave;

    /**
     * Sends no create request at all, as {@code npm ci} or {@code cargo --locked} install only what
     * the lock names: every asset must be up to date, restored (from the local or the shared cache)
     * or re-collected from its provider, matching the lock; a new asset, a changed prompt or an asset
     * found nowhere fails the build, each listed with why, before anything is sent. Meant for
     * pull-request builds. In a plan, every {@code generate} line is an asset a locked build would
     * fail on.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.LOCKED, defaultValue = "false")
    boolean locked;

    /**
     * Per provider ({@code useapi}, {@code minimax}, {@code apixo}): {@code baseUrl} and
     * {@code maxJobs}. Also settable as {@code -Dassetgen.<name>.baseUrl} and
     * {@code -Dassetgen.<name>.maxJobs}.
     *
     * @since 0.1.0
     */
    @Parameter
    Providers providers;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Inject
    SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping assetgen (" + PropertyNames.SKIP + "=true).");
            return;
        }
        try {
            AssetBuild build = new AssetBuild(buildConfig(), new MavenBuildLog(getLog()));
            run(build);
        } catch (AssetgenException e) {
            // sealed: a user error or a fault (BuildFaultException), nothing else
            if (e instanceof UserErrorException) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // a fault of ours or of the environment, never a spec mistake: keep the cause for -e
            throw new MojoExecutionException("assetgen failed unexpectedly: " + e, e);
        }
    }

    /** The goal's own work. */
    abstract void run(AssetBuild build) throws AssetgenException, MojoFailureException, MojoExecutionException;

    /** The validated requests, from an earlier goal of this build when there was one. */
    @SuppressWarnings("unchecked")
    List<AssetRequest> validated(AssetBuild build) throws AssetgenException {
        Object shared = project.getContextValue(REQUESTS_KEY);
        if (shared instanceof List<?> list) {
            return (List<AssetRequest>) list;
        }
        List<AssetRequest> requests = build.validate();
        project.setContextValue(REQUESTS_KEY, requests);
        return requests;
    }

    /** The core configuration of this goal; package-private for the mapping tests. */
    BuildConfig buildConfig() throws MojoFailureException {
        Properties properties = userProperties();
        Credentials credentials = new Credentials(session.getSettings(), settingsDecrypter, System.getenv());
        try {
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
                settings.put(provider, descriptor.settings(credentials.find(provider), baseUrl, poll, retry, jobs));
            }
            ProviderDescriptor placeholder = registry.placeholder();
            settings.put(placeholder.name(), placeholder.settings(null, null, Duration.ZERO, retry, null));
            return new BuildConfig(
                    project.getBasedir().toPath(),
                    specDirectory.toPath(),
                    outputDirectory.toPath(),
                    cacheDirectory.toPath(),
                    lockFile.toPath(),
                    new File(project.getBuild().getDirectory(), "assetgen").toPath(),
                    only == null ? List.of() : only,
                    force,
                    ParameterParser.budget("maxCredits", maxCredits),
                    ParameterParser.budget("maxUsd", maxUsd),
                    placeholders,
                    offline || session.isOffline(),
                    ParameterParser.duration("timeout", timeout),
                    settings,
                    MavenWording.INSTANCE,
                    new SharedCacheSettings(session.getSettings(), settingsDecrypter)
                            .resolve(remoteCache, remoteCacheSave),
                    locked,
                    rootDirectory());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid assetgen configuration: " + e.getMessage(), e);
        }
    }

    /** The reactor's root folder (this project's when it is built alone): specs and inputs stay inside it. */
    private Path rootDirectory() {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        MavenProject top = session.getTopLevelProject();
        if (top != null && top.getBasedir() != null) {
            Path root = top.getBasedir().toPath().toAbsolutePath().normalize();
            if (base.startsWith(root)) {
                return root;
            }
        }
        return base;
    }

    /** -D properties win over system properties, as Maven's own expressions do. */
    private Properties userProperties() {
        Properties merged = new Properties();
        merged.putAll(session.getSystemProperties());
        merged.putAll(session.getUserProperties());
        return merged;
    }
}
