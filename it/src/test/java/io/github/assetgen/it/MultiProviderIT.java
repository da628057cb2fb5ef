package io.github.assetgen.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One image from each provider in one build: each fake sees exactly its own create, in its own wire format. */
class MultiProviderIT extends ItSupport {

    @Test
    void eachProviderReceivesItsOwnAssetAndEveryImageLands() {
        MavenBuild build = prepare("multi-provider");

        build.run(fakes.args(GENERATE)).assertSuccess();

        assertThat(fakes.useapi.createRequests(FakeUseapi.IMAGES_CREATE)).isEqualTo(1);
        assertThat(fakes.minimax.createRequests(FakeMinimax.IMAGE_GENERATION)).isEqualTo(1);
        assertThat(fakes.apixo.createRequests(FakeApixo.createEndpoint(FakeApixo.IMAGE_MODEL)))
                .isEqualTo(1);
        assertThat(fakes.createRequests()).isEqualTo(3);
        assertThat(fakes.useapi.createBodies().get(0).path("model").asText()).isEqualTo("image-01");
        assertThat(fakes.minimax.createBodies().get(0).path("aspect_ratio").asText())
                .isEqualTo("3:4");
        assertThat(fakes.apixo
                        .createBodies()
                        .get(0)
                        .path("input")
                        .path("aspect_ratio")
                        .asText())
                .isEqualTo("2:3");
        assertThat(fakes.apixo
                        .createBodies()
                        .get(0)
                        .path("input")
                        .path("resolution")
                        .asText())
                .isEqualTo("1K");
        for (FakeProvider fake : fakes.all()) {
            assertThat(fake.unauthorized()).as(fake.name() + " 401s").isZero();
        }
        assertPng(build.outputDir().resolve("banner.png"));
        assertPng(build.outputDir().resolve("portrait.png"));
        assertPng(build.outputDir().resolve("poster.png"));
    }
}
