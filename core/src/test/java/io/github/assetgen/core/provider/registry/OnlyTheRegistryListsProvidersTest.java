package io.github.assetgen.core.provider.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.assetgen.core.provider.ProviderDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adding a provider is one new package and one line in {@link ProviderRegistry}: nothing else may
 * know the provider packages, and nothing else may switch on a provider's name.
 */
class OnlyTheRegistryListsProvidersTest {

    private static final String CORE = "io.github.assetgen.core";
    private static final String REGISTRY = CORE + ".provider.registry";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);
    }

    /** The package of each provider, read from the registry so a new provider is covered too. */
    private static List<String> providerPackages() {
        return ProviderRegistry.standard().all().stream()
                .map(p -> p.getClass().getPackageName())
                .toList();
    }

    @Test
    void everyProviderLivesInItsOwnPackage() {
        assertThat(providerPackages())
                .doesNotHaveDuplicates()
                .allMatch(p -> p.startsWith(CORE + ".provider.") && !p.equals(REGISTRY));
        assertThat(ProviderRegistry.standard().names()).containsExactly("useapi", "minimax", "apixo", "placeholder");
    }

    @Test
    void onlyTheRegistryAndTheProviderItselfUseAProvidersPackage() {
        for (String own : providerPackages()) {
            noClasses()
                    .that()
                    .resideOutsideOfPackages(own, REGISTRY)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(own)
                    .because("a provider is reached through its descriptor in the registry")
                    .check(main);
        }
    }

    @Test
    void providerPackagesNeverUseEachOther() {
        for (String own : providerPackages()) {
            for (String other : providerPackages()) {
                if (!own.equals(other)) {
                    noClasses()
                            .that()
                            .resideInAPackage(own)
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(other)
                            .check(main);
                }
            }
        }
    }

    @Test
    void theSharedProviderLayersSitBelowTheRegistry() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE + ".provider", CORE + ".provider.http")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(REGISTRY)
                .check(main);
        noClasses()
                .that()
                .resideInAPackage(CORE + ".provider")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(CORE + ".provider.(*)..")
                .check(main);
    }

    // ---------------------------------------------------------------- provider names in source

    /**
     * Ways code decides by a provider's name: {@code case "x"}, {@code "x".equals(…)},
     * {@code equals("x")}, a constant holding the name, or two names in one list.
     */
    private static List<Pattern> switches(String name) {
        String quoted = Pattern.quote("\"" + name + "\"");
        String anyName = "\"(?:" + String.join("|", ProviderRegistry.standard().names()) + ")\"";
        return List.of(
                Pattern.compile("\\bcase\\s+" + quoted),
                Pattern.compile(quoted + "\\s*\\.\\s*equals"),
                Pattern.compile("\\.equals(?:IgnoreCase)?\\(\\s*" + quoted + "\\s*\\)"),
                Pattern.compile("\\bString\\s+\\w+\\s*=\\s*" + quoted + "\\s*;"),
                Pattern.compile(quoted + "\\s*,\\s*" + anyName));
    }

    /** The lines of a file that decide by a provider's name. */
    private static List<String> switchesIn(List<String> lines) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            for (String name : ProviderRegistry.standard().names()) {
                if (switches(name).stream().anyMatch(p -> p.matcher(line).find())) {
                    found.add(line.trim());
                }
            }
        }
        return found;
    }

    /**
     * Lines naming a class of a provider's package. The class rules above see bytecode, where a
     * provider's constant (its name) is copied in and leaves no trace; the source still shows it.
     */
    private static List<String> namesOfProviderClasses(List<String> lines) {
        List<Pattern> patterns = providerPackages().stream()
                .map(pkg -> Pattern.compile(Pattern.quote(pkg + ".") + "[A-Z]"))
                .toList();
        return lines.stream()
                .filter(line -> patterns.stream().anyMatch(p -> p.matcher(line).find()))
                .map(String::trim)
                .toList();
    }

    @Test
    void theScanRecognisesASwitchAndLetsProseBe() {
        assertThat(switchesIn(List.of(
                        "case \"useapi\" -> 1;",
                        "if (\"apixo\".equals(p))",
                        "p.equals(\"minimax\")",
                        "static final String P = \"placeholder\";",
                        "List.of(\"useapi\", \"minimax\")")))
                .hasSize(5);
        assertThat(switchesIn(List.of(
                        "\"Who makes it: useapi (default)\"",
                        "resolve(\"placeholder\")",
                        "error(\"account is only used by useapi\")")))
                .isEmpty();
        assertThat(namesOfProviderClasses(List.of(
                        "import " + CORE + ".provider.useapi.UseapiProvider;",
                        "import " + CORE + ".provider.ProviderDescriptor;")))
                .hasSize(1);
    }

    @Test
    void noMainSourceOutsideTheProviderPackagesSwitchesOnAProviderName() throws IOException {
        List<Path> roots = Stream.of(Path.of("src/main/java"), Path.of("../maven-plugin/src/main/java"))
                .filter(Files::isDirectory)
                .toList();
        assertThat(roots).as("run from the core module").contains(Path.of("src/main/java"));
        List<Path> allowed = new ArrayList<>();
        for (String pkg : providerPackages()) {
            allowed.add(Path.of("src/main/java", pkg.split("\\.")));
        }
        allowed.add(Path.of("src/main/java", REGISTRY.split("\\.")));
        List<String> offenders = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (allowed.stream().anyMatch(file::startsWith)) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    switchesIn(lines).forEach(line -> offenders.add(file + ": " + line));
                    namesOfProviderClasses(lines).forEach(line -> offenders.add(file + ": " + line));
                }
            }
        }
        assertThat(offenders).as("ask the provider's descriptor instead").isEmpty();
    }

    @Test
    void theDescriptorAnswersWhatTheRulesUsedToHardCode() {
        ProviderRegistry registry = ProviderRegistry.standard();
        ProviderDescriptor useapi = registry.get("useapi");
        ProviderDescriptor minimax = registry.get("minimax");
        ProviderDescriptor apixo = registry.get("apixo");
        ProviderDescriptor placeholder = registry.placeholder();
        assertThat(registry.defaultProvider()).isSameAs(useapi);
        assertThat(registry.remote()).containsExactly(useapi, minimax, apixo);
        assertThat(placeholder.name()).isEqualTo("placeholder");
        assertThat(useapi.inputs().acceptsUrls()).isFalse();
        assertThat(useapi.inputs().account()).isTrue();
        assertThat(apixo.inputs().acceptsLocalFiles()).isFalse();
        assertThat(minimax.inputs().maxLocalBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(registry.all()).filteredOn(p -> p.inputs().account()).containsExactly(useapi);
        assertThat(useapi.serverId()).isEqualTo("assetgen-useapi");
        assertThat(minimax.tokenVariable()).isEqualTo("MINIMAX_API_KEY");
        assertThat(placeholder.tokenVariable()).isNull();
        assertThat(placeholder.serverId()).isNull();
        assertThat(useapi.resultRetention()).hasDays(7);
        assertThat(apixo.resultRetention()).hasHours(24);
    }
}
