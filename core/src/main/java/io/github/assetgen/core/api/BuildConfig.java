package io.github.assetgen.core.api;

import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.store.shared.SharedCacheConfig;
import io.github.assetgen.core.wording.Wording;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one run of assetgen needs to know, already resolved from Maven parameters, settings
 * and the environment. Immutable; its {@code toString} masks tokens (see {@code Secret}).
 *
 * @param projectBaseDir the project folder; spec positions are shown relative to it
 * @param specDirectory where spec files live
 * @param outputDirectory where assets are written
 * @param cacheDirectory the content-addressed cache shared between builds
 * @param lockFile {@code assets.lock.json}
 * @param reportDirectory {@code target/assetgen}
 * @param only ids or globs to work on; empty means all
 * @param force regenerate even when cached (spends credits)
 * @param maxCredits the budget in useapi credits, or null for none
 * @param maxUsd the budget in US dollars for dollar-priced providers, or null for none
 * @param placeholders render every asset locally with the placeholder provider
 * @param offline send nothing; assets in no cache fail
 * @param assetTimeout how long one asset may take from submit to stored files
 * @param providers per-provider connection settings, by provider name
 * @param wording how the host tool names parameters and credentials in the advice core gives
 * @param sharedCache the team's shared cache ({@code remoteCache}), or null for none
 * @param locked send no create request at all: every asset must be kept, restored or re-collected,
 *     matching the lock, or the build fails
 * @param rootDirectory the project's root (the reactor's root folder): spec and input files that
 *     resolve outside it, after symbolic links, are refused; null means {@code projectBaseDir}
 */
public record BuildConfig(
        Path projectBaseDir,
        Path specDirectory,
        Path outputDirectory,
        Path cacheDirectory,
        Path lockFile,
        Path reportDirectory,
        List<String> only,
        boolean force,
        BigDecimal maxCredits,
        BigDecimal maxUsd,
        boolean placeholders,
        boolean offline,
        Duration assetTimeout,
        Map<String, ProviderSettings> providers,
        Wording wording,
        SharedCacheConfig sharedCache,
        boolean locked,
        Path rootDirectory) {

    public BuildConfig {
        Objects.requireNonNull(projectBaseDir, "projectBaseDir");
        Objects.requireNonNull(specDirectory, "specDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(lockFile, "lockFile");
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(assetTimeout, "assetTimeout");
        only = List.copyOf(only);
        providers = Map.copyOf(providers);
        Objects.requireNonNull(wording, "wording");
        if (rootDirectory == null) {
            rootDirectory = projectBaseDir;
        }
    }

    /**
     * A configuration whose advice names parameters plainly ({@link Wording#PLAIN}), with no shared
     * cache, not locked, whose root directory is the project folder itself.
     */
    public BuildConfig(
            Path projectBaseDir,
            Path specDirectory,
            Path outputDirectory,
            Path cacheDirectory,
            Path lockFile,
            Path reportDirectory,
            List<String> only,
            boolean force,
            BigDecimal maxCredits,
            BigDecimal maxUsd,
            boolean placeholders,
            boolean offline,
            Duration assetTimeout,
            Map<String, ProviderSettings> providers) {
        this(
                projectBaseDir,
                specDirectory,
                outputDirectory,
                cacheDirectory,
                lockFile,
                reportDirectory,
                only,
                force,
                maxCredits,
                maxUsd,
                placeholders,
                offline,
                assetTimeout,
                providers,
                Wording.PLAIN,
                null,
                false,
                null);
    }

    /** A configuration whose root directory is the project folder itself. */
    public BuildConfig(
            Path projectBaseDir,
            Path specDirectory,
            Path outputDirectory,
            Path cacheDirectory,
            Path lockFile,
            Path reportDirectory,
            List<String> only,
            boolean force,
            BigDecimal maxCredits,
            BigDecimal maxUsd,
            boolean placeholders,
            boolean offline,
            Duration assetTimeout,
            Map<String, ProviderSettings> providers,
            Wording wording,
            SharedCacheConfig sharedCache,
            boolean locked) {
        this(
                projectBaseDir,
                specDirectory,
                outputDirectory,
                cacheDirectory,
                lockFile,
                reportDirectory,
                only,
                force,
                maxCredits,
                maxUsd,
                placeholders,
                offline,
                assetTimeout,
                providers,
                wording,
                sharedCache,
                locked,
                null);
    }
}
