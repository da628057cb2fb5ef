package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A batch of which only some images come back is kept, and never bought twice: the next build asks only for the
 * missing images. Also the balance read before the first create, and the numeric ledger in lock and report.
 */
class PartialBatchIT extends ItSupport {

    private static final String SPEC = """
            assets:
              - id: icons
                provider: apixo
                prompt: "A set of flat vector icons of boats"
                quantity: 4
                output: img/icons.png
            """;

    private MavenBuild project() {
        MavenBuild build = prepare("multi-provider");
        write(build.file("src/main/assets/images.yaml"), SPEC);
        return build;
    }

    @Test
    void aPartialBatchIsKeptLockedAndCompletedByBuyingOnlyTheMissingImages() {
        MavenBuild build = project();
        fakes.apixo.imagesLost(3);

        BuildResult first = build.run(fakes.args(GENERATE));

        first.assertFailure();
        assertThat(first.log()).contains("only 1 of 4 files came back");
        assertPng(build.outputDir().resolve("img/icons-1.png"));
        assertThat(build.outputDir().resolve("img/icons-2.png")).doesNotExist();
        JsonNode partial = lockEntry(build.lockFile(), "icons");
        assertThat(partial.path("partial").toString()).isEqualTo("{\"have\":1,\"of\":4}");
        assertThat(partial.path("files")).hasSize(1);
        // APIXO charges the successful images only: 1 x $0.0035
        assertThat(partial.path("cost").toString()).isEqualTo("{\"amount\":0.0035,\"unit\":\"usd\"}");
        JsonNode report = json(build.dir().resolve("target/assetgen/report.json"));
        assertThat(report.path("assets").get(0).path("status").asText()).isEqualTo("partial");
        assertThat(report.path("assets").get(0).path("spent").toString())
                .isEqualTo("{\"amount\":0.0035,\"unit\":\"usd\"}");

        fakes.apixo.imagesLost(0);
        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.apixo.createBodies()).hasSize(2);
        assertThat(fakes.apixo
                        .createBodies()
                        .get(1)
                        .path("input")
                        .path("num_images")
                        .asInt())
                .isEqualTo(3);
        for (int i = 1; i <= 4; i++) {
            assertPng(build.outputDir().resolve("img/icons-" + i + ".png"));
        }
        JsonNode complete = lockEntry(build.lockFile(), "icons");
        assertThat(complete.has("partial")).isFalse();
        assertThat(complete.path("files")).hasSize(4);
        // estimate, lock and report agree to the cent: 1 + 3 images at $0.0035
        assertThat(complete.path("cost").toString()).isEqualTo("{\"amount\":0.014,\"unit\":\"usd\"}");

        build.run(fakes.args(GENERATE)).assertSuccess();
        assertThat(fakes.apixo.createBodies()).as("never bought again").hasSize(2);
    }

    @Test
    void anEstimateAboveTheBalanceFailsBeforeAnyCreateNamingBothFigures() {
        MavenBuild build = project();
        fakes.apixo.balance(new BigDecimal("0.01"));

        BuildResult result = build.run(fakes.args(GENERATE));

        result.assertFailure();
        assertThat(result.log()).contains("the estimate for apixo is $0.014 but its balance is $0.01");
        assertThat(fakes.apixo.balanceReads()).isEqualTo(1);
        assertThat(fakes.apixo.createRequests()).isZero();

        fakes.apixo.balance(new BigDecimal("74.87"));
        build.run(fakes.args(GENERATE)).assertSuccess();
        assertThat(fakes.apixo.balanceReads()).isEqualTo(2);
        assertThat(fakes.apixo.createRequests()).isEqualTo(1);
    }

    @Test
    void aMinimaxImageBatchThatComesBackShortIsCompletedWithTheMissingImagesOnly() {
        MavenBuild build = prepare("multi-provider");
        write(build.file("src/main/assets/images.yaml"), """
                assets:
                  - id: tiles
                    provider: minimax
                    prompt: "Six square tiles of a mosaic"
                    quantity: 6
                    output: img/tiles.png
                """);
        fakes.minimax.imagesLost(2);
        fakes.minimax.balance("5.00");

        build.run(fakes.args(GENERATE)).assertFailure();

        JsonNode partial = lockEntry(build.lockFile(), "tiles");
        assertThat(partial.path("partial").toString()).isEqualTo("{\"have\":4,\"of\":6}");
        // assumed per image that came back: 4 x $0.0035
        assertThat(partial.path("cost").toString()).isEqualTo("{\"amount\":0.014,\"unit\":\"usd\"}");

        fakes.minimax.imagesLost(0);
        BuildResult second = build.run(fakes.args(GENERATE));

        second.assertSuccess();
        assertThat(second.log()).contains("minimax balance: $5; this build's estimate there: $0.007");
        assertThat(fakes.minimax.createBodies()).hasSize(2);
        assertThat(fakes.minimax.createBodies().get(1).path("n").asInt()).isEqualTo(2);
        for (int i = 1; i <= 6; i++) {
            assertPng(build.outputDir().resolve("img/tiles-" + i + ".png"));
        }
        assertThat(lockEntry(build.lockFile(), "tiles").path("cost").toString())
                .isEqualTo("{\"amount\":0.021,\"unit\":\"usd\"}");
    }
}
