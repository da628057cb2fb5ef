package io.github.assetgen.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of core and the arrows between them, as CONTRIBUTING.md draws them: each package may
 * use only the packages below it in {@link #LAYERS}, there are no cycles, and core knows nothing of
 * Maven. Provider packages never use each other ({@code OnlyTheRegistryListsProvidersTest}).
 */
class PackageDependenciesTest {

    private static final String CORE = "io.github.assetgen.core";

    /** Top to bottom; a package may depend only on packages further down this list. */
    static final List<String> LAYERS = List.of(
            "api",
            "report",
            "run",
            "plan",
            "store",
            "store.shared",
            "rules",
            "key",
            "provider.registry",
            "provider.useapi|provider.minimax|provider.apixo|provider.placeholder",
            "provider.http",
            "provider",
            "request",
            "specfile",
            "files|wording");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);
    }

    @Test
    void everyPackageOfCoreHasItsPlaceInTheLayers() {
        Set<String> packages = new TreeSet<>();
        main.forEach(c -> packages.add(c.getPackageName().substring(CORE.length() + 1)));
        Set<String> listed = new TreeSet<>();
        LAYERS.forEach(layer -> listed.addAll(List.of(layer.split("\\|"))));
        assertThat(listed).containsAll(packages);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = new ArrayList<>();
            for (String layer : LAYERS.subList(0, i)) {
                above.addAll(qualified(layer));
            }
            if (above.isEmpty()) {
                continue;
            }
            noClasses()
                    .that()
                    .resideInAnyPackage(qualified(LAYERS.get(i)).toArray(String[]::new))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(above.toArray(String[]::new))
                    .because("'" + LAYERS.get(i) + "' sits below " + LAYERS.subList(0, i))
                    .check(main);
        }
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching(CORE + ".(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void coreNeverUsesMaven() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.sisu..")
                .check(main);
    }

    @Test
    void coreNeverReadsTheEnvironment() {
        // the host reads tokens and CI variables (GITHUB_ACTIONS…) and hands them over: core stays testable
        noClasses()
                .should()
                .callMethod(System.class, "getenv")
                .orShould()
                .callMethod(System.class, "getenv", String.class)
                .check(main);
    }

    /** Exact packages (not sub-packages), so {@code provider} does not also cover {@code provider.http}. */
    private static List<String> qualified(String layer) {
        return List.of(layer.split("\\|")).stream().map(p -> CORE + "." + p).toList();
    }
}
