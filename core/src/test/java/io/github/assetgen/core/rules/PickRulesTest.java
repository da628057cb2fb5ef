package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static io.github.assetgen.core.rules.TestSpecs.request;
import static io.github.assetgen.core.rules.TestSpecs.singleError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.specfile.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pick} chooses which candidate of a request becomes the asset's one output file. */
class PickRulesTest {

    @TempDir
    Path dir;

    private TestSpecs image(String model) {
        return asset(dir, "hero").with("model", model).with("prompt", "a lighthouse");
    }

    @Test
    void aPickWritesTheChosenCandidateAtThePlainOutputName() {
        AssetRequest request = request(image("nano-banana-2")
                .with("quantity", 3)
                .with("output", "img/hero.webp")
                .with("pick", 2));

        assertThat(request.outputs()).containsExactly("img/hero-1.webp", "img/hero-2.webp", "img/hero-3.webp");
        assertThat(request.placedOutputs()).containsExactly("img/hero.webp");
        assertThat(request.pick()).isEqualTo(new AssetRequest.Pick(2, "img/hero.webp"));
        assertThat(request.candidateAt(0)).isEqualTo(1);
    }

    @Test
    void midjourneyAlwaysOffersFourCandidates() {
        assertThat(request(image("midjourney-v7").with("pick", 4)).placedOutputs())
                .containsExactly("hero.png");

        Problem problem = singleError(
                "output.pick-out-of-range",
                "pick",
                image("midjourney-v7").with("pick", 5),
                "pick 5 is out of range: midjourney-v7 makes 4 candidates here (pick 1 to 4)");
        assertThat(problem.format()).startsWith(TestSpecs.SOURCE + ":");
    }

    @Test
    void aPickBeyondTheQuantityIsAnErrorAtThePickWithItsPosition() {
        TestSpecs asset = image("nano-banana-2").with("quantity", 2).with("pick", 3);

        Problem problem = singleError("output.pick-out-of-range", "pick", asset, "pick 3", "(pick 1 to 2)");

        assertThat(problem.position()).isEqualTo(asset.at("pick"));
        assertThat(problem.format())
                .contains(":" + asset.at("pick").line() + ":" + asset.at("pick").column() + ":");
    }

    @Test
    void aPickOfASingleImageSaysToAskForSeveral() {
        singleError(
                "output.pick-out-of-range",
                "pick",
                image("nano-banana-2").with("pick", 2),
                "nano-banana-2 makes 1 image with quantity 1; set quantity (up to 4) to choose among several");
    }

    @Test
    void aPickOnAVideoIsOutOfRangeBeyondOne() {
        singleError(
                "output.pick-out-of-range",
                "pick",
                asset(dir, "intro")
                        .with("type", "video")
                        .with("model", "T2V-2.3")
                        .with("prompt", "a harbour")
                        .with("pick", 2),
                "a video request makes one video");
    }

    @Test
    void zeroAndTextAreNotCandidates() {
        singleError("output.pick-out-of-range", "pick", image("midjourney-v7").with("pick", 0), "pick 0");
        singleError("asset.not-whole-number", "pick", image("midjourney-v7").with("pick", "two"), "whole number");
    }

    @Test
    void thePickIsNotPartOfTheCacheKey() {
        AssetRequest first = request(image("midjourney-v7").with("pick", 1));
        AssetRequest third = request(image("midjourney-v7").with("pick", 3));
        AssetRequest none = request(image("midjourney-v7"));

        assertThat(CacheKey.of(first)).isEqualTo(CacheKey.of(third)).isEqualTo(CacheKey.of(none));
        assertThat(CacheKey.canonicalJson(first)).doesNotContain("pick");
    }

    @Test
    void onlyThePickedFileCountsForCollisions() {
        // hero's candidates would be a-1.png … a-4.png, but only a.png is written: no clash with a-2.png
        TestSpecs picked = image("midjourney-v7").with("output", "a.png").with("pick", 2);
        TestSpecs other = asset(dir, "other")
                .with("model", "nano-banana-2")
                .with("prompt", "x")
                .with("output", "a-2.png");

        assertThat(TestSpecs.validate(picked, other).errors()).isEmpty();
    }
}
