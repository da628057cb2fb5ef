package io.github.assetgen.core.provider.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assetgen.core.provider.FileIdMemory;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.request.AssetType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    private final ProviderRegistry registry = ProviderRegistry.standard();

    @Test
    void everyProviderGetsAClientAnsweringToItsName(@TempDir Path work) {
        Map<String, ProviderClient> clients =
                registry.createClients(new LinkedHashSet<>(registry.names()), Map.of(), FileIdMemory.inMemory(), work);
        assertThat(clients.keySet()).containsExactlyElementsOf(registry.names());
        clients.forEach((name, client) -> assertThat(client.name()).isEqualTo(name));
    }

    @Test
    void anUnknownProviderIsRefusedByName() {
        assertThatThrownBy(() -> registry.get("nobody"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown provider 'nobody'");
        assertThat(registry.find("nobody")).isEmpty();
    }

    @Test
    void settingsStartFromTheDescriptorsDefaultsAndTakeOverrides() {
        ProviderDescriptor minimax = registry.get("minimax");
        ProviderSettings defaults = minimax.settings(null, null, null, null, null);
        assertThat(defaults.baseUrl()).hasToString("https://api.minimax.io");
        assertThat(defaults.tokenVariable()).isEqualTo("MINIMAX_API_KEY");
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.firstPollDelay()).isEqualTo(Duration.ofSeconds(20));
        ProviderSettings overridden =
                minimax.settings(null, " http://127.0.0.1:9/mm ", Duration.ofMillis(50), Duration.ofSeconds(1), 7);
        assertThat(overridden.baseUrl()).hasToString("http://127.0.0.1:9/mm");
        assertThat(overridden.firstPollDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(overridden.maxJobs()).isEqualTo(7);
        assertThatThrownBy(() -> minimax.settings(null, "api.minimax.io", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimax baseUrl 'api.minimax.io' is not an http(s) URL");
    }

    @Test
    void thePlaceholderBorrowsTheDefaultProvidersModels() {
        assertThat(registry.placeholder().defaults().models())
                .isEqualTo(registry.defaultProvider().defaults().models());
        assertThat(registry.placeholder().defaults().models().forType(AssetType.VIDEO, true))
                .isEqualTo("I2V-01");
    }

    @Test
    void everyModelBelongsToTheProviderThatListsIt() {
        for (ProviderDescriptor provider : registry.all()) {
            assertThat(provider.models()).allMatch(m -> m.provider().equals(provider.name()));
        }
    }
}
