package io.github.assetgen.maven;

import io.github.assetgen.core.api.AssetBuild;
import io.github.assetgen.core.api.BuildConfig;
import io.github.assetgen.core.provider.ProviderSettings;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters planning reads, shared by plan-assets and generate-assets: where the outputs, the
 * cache and the lock are, which assets, force, budgets, offline, and the team's shared cache and
 * locked mode (in a lifecycle build generate-assets carries out the plan plan-assets made).
 */
abstract class AbstractPlanningMojo extends AbstractAssetgenMojo {

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
     * Sends nothing; assets in no cache fail the build. Maven's {@code -o} sets it too.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OFFLINE, defaultValue = "false")
    boolean offline;

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

    @Inject
    SettingsDecrypter settingsDecrypter;

    /** Project context key: whether this build found nothing changed since the last all-kept build. */
    static final String UNCHANGED_KEY = "assetgen.unchanged";

    /**
     * Whether the last build kept every asset and nothing has changed since; decided once per build
     * (plan-assets, then generate-assets in the lifecycle) and then nothing is planned or sent.
     */
    @Override
    boolean settledEarlier() {
        return Boolean.TRUE.equals(project.getContextValue(UNCHANGED_KEY));
    }

    boolean unchanged(AssetBuild build) {
        if (project.getContextValue(UNCHANGED_KEY) instanceof Boolean known) {
            return known;
        }
        boolean unchanged = build.unchangedBuild().isPresent();
        project.setContextValue(UNCHANGED_KEY, unchanged);
        return unchanged;
    }

    /** The core configuration of this goal; package-private for the mapping tests. */
    @Override
    BuildConfig buildConfig() throws MojoFailureException {
        try {
            return new BuildConfig(
                    project.getBasedir().toPath(),
                    specDirectory.toPath(),
                    outputDirectory.toPath(),
                    cacheDirectory.toPath(),
                    lockFile.toPath(),
                    reportDirectory(),
                    only == null ? List.of() : only,
                    force,
                    ParameterParser.budget("maxCredits", maxCredits),
                    ParameterParser.budget("maxUsd", maxUsd),
                    placeholders,
                    offline || session.isOffline(),
                    assetTimeout(),
                    providerSettings(),
                    MavenWording.INSTANCE,
                    new SharedCacheSettings(session.getSettings(), settingsDecrypter)
                            .resolve(remoteCache, remoteCacheSave),
                    locked,
                    rootDirectory());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid assetgen configuration: " + e.getMessage(), e);
        }
    }

    /** How long one asset may take; a plan sends nothing, so only generate-assets has the parameter. */
    Duration assetTimeout() {
        return Duration.ofMinutes(30);
    }

    /** Connection settings per provider; a plan calls no provider, so it has none. */
    Map<String, ProviderSettings> providerSettings() throws MojoFailureException {
        return Map.of();
    }
}
