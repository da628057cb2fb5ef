package io.github.assetgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code <providers>} parameter follows the registry: one setter per remote provider, no other. */
class ProvidersTest {

    @Test
    void everyRemoteProviderOfTheRegistryCanBeConfiguredAndReadBack() throws Exception {
        for (ProviderDescriptor provider : ProviderRegistry.standard().remote()) {
            Providers providers = new Providers();
            ProviderParameters parameters = new ProviderParameters();
            setter(provider.name()).invoke(providers, parameters);
            assertThat(providers.get(provider.name())).as(provider.name()).isSameAs(parameters);
        }
    }

    @Test
    void noSetterNamesAProviderTheRegistryDoesNotKnow() {
        Set<String> setters = Arrays.stream(Providers.class.getDeclaredMethods())
                .map(Method::getName)
                .filter(name -> name.startsWith("set"))
                .collect(Collectors.toSet());
        Set<String> expected = ProviderRegistry.standard().remote().stream()
                .map(p -> setterName(p.name()))
                .collect(Collectors.toSet());
        assertThat(setters).isEqualTo(expected);
    }

    @Test
    void anUnconfiguredProviderHasNoBlock() {
        assertThat(new Providers()
                        .get(ProviderRegistry.standard().defaultProvider().name()))
                .isNull();
    }

    private static Method setter(String provider) throws NoSuchMethodException {
        return Providers.class.getMethod(setterName(provider), ProviderParameters.class);
    }

    private static String setterName(String provider) {
        return "set" + provider.substring(0, 1).toUpperCase(Locale.ROOT) + provider.substring(1);
    }
}
