package io.github.assetgen.core.api;

import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the build tests. */
final class BuildFixtures {

    private BuildFixtures() {}

    /** A project under {@code project} whose specs live in src/main/assets and use the placeholder provider. */
    static BuildConfig placeholderConfig(Path project) {
        ProviderDescriptor descriptor = ProviderRegistry.standard().placeholder();
        ProviderSettings placeholder = descriptor.settings(null, null, Duration.ZERO, Duration.ofSeconds(1), null);
        return new BuildConfig(
                project,
                project.resolve("src/main/assets"),
                project.resolve("target/out"),
                project.resolve("cache"),
                project.resolve("assets.lock.json"),
                project.resolve("target/assetgen"),
                List.of(),
                false,
                null,
                null,
                false,
                false,
                Duration.ofMinutes(1),
                Map.of(descriptor.name(), placeholder));
    }
}
