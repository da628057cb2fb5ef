package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The output directory holds what the specs ask for and nothing else (renamed and deleted assets'
 * files are removed, saying so), and {@code pick} chooses among the candidates of one purchase
 * without buying again. Real Maven builds against the fake useapi.
 */
class OutputsIT extends ItSupport {

    private static final String SPEC = "src/main/assets/site.yaml";

    private static String spec(String heroOutput, boolean withLogo, String cardsPick) {
        return """
                defaults:
                  provider: useapi
                  model: nano-banana-2
                assets:
                  - id: hero
                    prompt: "A lighthouse at dusk, long exposure"
                    output: %s
                %s  - id: cards
                    prompt: "Four postcards of a harbour"
                    quantity: 4
                    output: img/cards.png
                %s""".formatted(
                        heroOutput,
                        withLogo ? "  - id: logo\n    prompt: \"A flat vector logo of a paper boat\"\n" : "",
                        cardsPick == null ? "" : "    pick: " + cardsPick + "\n");
    }

    @Test
    void renamedAndDeletedAssetsLeaveNoFilesBehind() {
        MavenBuild build = prepare("generate");
        write(build.file(SPEC), spec("img/hero.png", true, null));
        build.run(fakes.args(GENERATE)).assertSuccess();
        assertThat(filesUnder(build.outputDir()))
                .containsExactlyInAnyOrder(
                        "img/hero.png",
                        "logo.png",
                        "img/cards-1.png",
                        "img/cards-2.png",
                        "img/cards-3.png",
                        "img/cards-4.png");
        String hero = sha256(build.outputDir().resolve("img/hero.png"));
        int creates = fakes.useapi.createRequests();

        write(build.file(SPEC), spec("hero.png", false, null));
        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertSuccess();
        assertThat(result.log())
                .contains(
                        "[INFO] removed target/generated-assets/img/hero.png (asset 'hero' now writes hero.png)",
                        "[INFO] removed target/generated-assets/logo.png (asset 'logo' no longer in the specs)");
        // the plan said so before anything was removed
        assertThat(result.log())
                .contains(
                        "[INFO]   remove target/generated-assets/img/hero.png once 'hero' is built: it now writes"
                                + " hero.png",
                        "[INFO]   remove target/generated-assets/logo.png: asset 'logo' is no longer in the specs");
        assertThat(result.log().indexOf("  remove target/generated-assets/logo.png"))
                .isLessThan(result.log().indexOf("removed target/generated-assets/logo.png"));
        assertThat(filesUnder(build.outputDir()))
                .containsExactlyInAnyOrder(
                        "hero.png", "img/cards-1.png", "img/cards-2.png", "img/cards-3.png", "img/cards-4.png");
        assertThat(sha256(build.outputDir().resolve("hero.png"))).isEqualTo(hero);
        assertThat(fakes.useapi.createRequests()).as("a rename buys nothing").isEqualTo(creates);
    }

    @Test
    void changingThePickRestoresAnotherCandidateWithoutACreateRequest() {
        MavenBuild build = prepare("generate");
        write(build.file(SPEC), spec("img/hero.png", false, null));
        build.run(fakes.args(GENERATE)).assertSuccess();
        List<String> candidates = List.of(
                sha256(build.outputDir().resolve("img/cards-1.png")),
                sha256(build.outputDir().resolve("img/cards-2.png")),
                sha256(build.outputDir().resolve("img/cards-3.png")),
                sha256(build.outputDir().resolve("img/cards-4.png")));
        assertThat(candidates).doesNotHaveDuplicates();
        int creates = fakes.useapi.createRequests();

        write(build.file(SPEC), spec("img/hero.png", false, "3"));
        BuildResult picked = build.run(fakes.args(GENERATE));

        picked.assertSuccess();
        assertThat(fakes.useapi.createRequests()).isEqualTo(creates);
        assertThat(sha256(build.outputDir().resolve("img/cards.png"))).isEqualTo(candidates.get(2));
        assertThat(picked.log())
                .contains("[INFO] removed target/generated-assets/img/cards-1.png (asset 'cards' now writes"
                        + " img/cards.png)");
        assertThat(filesUnder(build.outputDir())).containsExactlyInAnyOrder("img/hero.png", "img/cards.png");
        assertThat(lockEntry(build.lockFile(), "cards").path("pick").asInt()).isEqualTo(3);

        write(build.file(SPEC), spec("img/hero.png", false, "1"));
        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.useapi.createRequests()).as("a new pick never buys").isEqualTo(creates);
        assertThat(sha256(build.outputDir().resolve("img/cards.png"))).isEqualTo(candidates.get(0));
        assertThat(lockEntry(build.lockFile(), "cards").path("pick").asInt()).isEqualTo(1);
        JsonNode cards = json(build.dir().resolve("target/assetgen/report.json"))
                .path("assets")
                .get(0);
        assertThat(cards.path("id").asText()).isEqualTo("cards");
        assertThat(cards.path("candidates")).hasSize(4);
    }

    @Test
    void aRealAssetBesidePlaceholderRendersIsAWarning() {
        MavenBuild build = prepare("generate");
        write(build.file(SPEC), spec("img/hero.png", true, null));
        build.run(fakes.args(GENERATE, "-Dassetgen.placeholders=true")).assertSuccess();

        BuildResult result = build.run(fakes.args(GENERATE, "-Dassetgen.only=hero"));

        result.assertSuccess();
        assertThat(result.log())
                .contains("[WARNING] target/generated-assets mixes placeholder renders of 2 assets (cards, logo)"
                        + " with real files of 1 asset");
        assertThat(json(build.dir().resolve("target/assetgen/report.json"))
                        .path("summary")
                        .path("placeholders")
                        .asInt())
                .isEqualTo(2);
    }
}
