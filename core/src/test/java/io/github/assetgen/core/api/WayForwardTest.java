package io.github.assetgen.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.assetgen.core.provider.ProviderDescriptor;
import io.github.assetgen.core.provider.ProviderSettings;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.wording.MavenStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that cannot make everything says what to do next: online, placeholders, or only what it can. */
class WayForwardTest {

    @TempDir
    Path project;

    private void spec(String yaml) throws Exception {
        Path spec = project.resolve("src/main/assets/site.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, yaml, StandardCharsets.UTF_8);
    }

    /** useapi without a token beside the placeholder, online or offline, in the Maven wording. */
    private BuildConfig config(boolean offline) {
        ProviderDescriptor placeholder = ProviderRegistry.standard().placeholder();
        ProviderSettings useapi =
                ProviderRegistry.standard().get("useapi").settings(null, null, null, Duration.ofSeconds(1), null);
        BuildConfig base = BuildFixtures.placeholderConfig(project);
        return new BuildConfig(
                base.projectBaseDir(),
                base.specDirectory(),
                base.outputDirectory(),
                base.cacheDirectory(),
                base.lockFile(),
                base.reportDirectory(),
                List.of(),
                false,
                null,
                null,
                false,
                offline,
                base.assetTimeout(),
                Map.of(
                        "useapi",
                        useapi,
                        placeholder.name(),
                        placeholder.settings(null, null, Duration.ZERO, Duration.ofSeconds(1), null)),
                MavenStyle.WORDING,
                null,
                false);
    }

    private static final String TWO_PROVIDERS = """
            assets:
              - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
              - {id: logo, provider: useapi, model: nano-banana-2, prompt: a paper boat}
              - {id: mock, provider: placeholder, model: nano-banana-2, prompt: a mock-up}
            """;

    @Test
    void anOfflineBuildSaysHowToGoOnlineUsePlaceholdersOrBuildWhatItHas() throws Exception {
        spec(TWO_PROVIDERS);
        AssetBuild build = new AssetBuild(config(true), BuildLog.silent());

        AssetsFailedException failure =
                catchThrowableOfType(() -> build.generate(build.validate(), false), AssetsFailedException.class);

        assertThat(failure.failures()).extracting(r -> r.id()).containsExactly("hero", "logo");
        assertThat(failure.getMessage())
                .endsWith("\n2 asset(s) need the network and the build is offline (hero and logo): run Maven online"
                        + " (without -o or -Dassetgen.offline=true) to generate them, or run with"
                        + " -Dassetgen.placeholders=true to render local stand-ins, or run with -Dassetgen.only=mock"
                        + " to build only those.");
    }

    @Test
    void theOfflineAdviceLeavesOutOnlyWhenNothingIsCachedOrLocal() throws Exception {
        spec("""
                assets:
                  - {id: hero, provider: useapi, model: nano-banana-2, prompt: a lighthouse}
                """);
        AssetBuild build = new AssetBuild(config(true), BuildLog.silent());

        AssetsFailedException failure =
                catchThrowableOfType(() -> build.generate(build.validate(), false), AssetsFailedException.class);

        assertThat(failure.getMessage()).endsWith("to render local stand-ins.").doesNotContain("-Dassetgen.only");
    }

    @Test
    void anOfflineBuildStillRendersPlaceholdersSinceTheyNeedNoNetwork() throws Exception {
        spec("""
                assets:
                  - {id: mock, provider: placeholder, model: nano-banana-2, prompt: a mock-up}
                """);
        AssetBuild build = new AssetBuild(config(true), BuildLog.silent());

        BuildSummary summary = build.generate(build.validate(), false);

        assertThat(summary.failures()).isEmpty();
        assertThat(project.resolve("target/out/mock.png")).exists();
    }

    @Test
    void aMissingTokenNamesTheAssetsThatNeedItAndSuggestsOnlyForTheRest() throws Exception {
        spec(TWO_PROVIDERS);
        AssetBuild build = new AssetBuild(config(false), BuildLog.silent());

        MissingTokenException failure =
                catchThrowableOfType(() -> build.generate(build.validate(), false), MissingTokenException.class);

        assertThat(failure.getMessage())
                .startsWith("No token for useapi (needed by hero and logo): add a <server> with id 'assetgen-useapi'")
                .endsWith("\nNothing was sent. To build only what needs no missing token, run with"
                        + " -Dassetgen.only=mock. To try the build without a token use -Dassetgen.placeholders=true.");
    }

    @Test
    void manyAssetsAreAbbreviatedInTheMissingTokenAdvice() throws Exception {
        String many = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "  - {id: u" + i + ", provider: useapi, model: nano-banana-2, prompt: p}\n"
                        + "  - {id: p" + i + ", provider: placeholder, model: nano-banana-2, prompt: p}\n")
                .collect(Collectors.joining());
        spec("assets:\n" + many);
        AssetBuild build = new AssetBuild(config(false), BuildLog.silent());

        MissingTokenException failure =
                catchThrowableOfType(() -> build.generate(build.validate(), false), MissingTokenException.class);

        assertThat(failure.getMessage())
                .startsWith("No token for useapi (needed by u1, u2, u3, u4, u5 and 7 more): ")
                .contains("To build only what needs no missing token, run with -Dassetgen.only listing the 12"
                        + " assets that need no missing token (p1, p2, p3, p4, p5 and 7 more).");
    }
}
