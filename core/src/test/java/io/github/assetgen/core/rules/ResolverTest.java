package io.github.assetgen.core.rules;

import static io.github.assetgen.core.rules.TestSpecs.asset;
import static io.github.assetgen.core.rules.TestSpecs.png;
import static io.github.assetgen.core.rules.TestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverTest {

    @TempDir
    Path dir;

    @Test
    void everyParameterOfAUseapiImageIsExplicit() {
        AssetRequest request =
                request(asset(dir, "a").with("model", "gpt-image-2").with("prompt", "p"));
        assertThat(request.parameters())
                .isEqualTo(Map.of(
                        "aspectRatio",
                        "16:9",
                        "resolution",
                        "1K",
                        "quality",
                        "low",
                        "quantity",
                        1,
                        "promptOptimization",
                        true));
    }

    @Test
    void defaultModelIsImage01WithItsDefaults() {
        AssetRequest request = request(asset(dir, "a").with("prompt", "p"));
        assertThat(request.model()).isEqualTo("image-01");
        assertThat(request.parameters())
                .isEqualTo(
                        Map.of("aspectRatio", "16:9", "resolution", "HD", "quantity", 1, "promptOptimization", true));
    }

    @Test
    void videoParametersAreExplicit() {
        AssetRequest request = request(
                asset(dir, "v").with("type", "video").with("model", "Sora-2").with("prompt", "p"));
        assertThat(request.type()).isEqualTo(AssetType.VIDEO);
        assertThat(request.parameters())
                .isEqualTo(Map.of("aspectRatio", "16:9", "options", "720p-4sec", "promptOptimization", false));
    }

    @Test
    void promptIsCanonical() {
        AssetRequest request = request(asset(dir, "a")
                .with("model", "nano-banana-2")
                .with("prompt", "Cafe\u0301\r\nline two @IMAGE01")
                .refs(png(dir, "r.png", 4, 4).getFileName().toString()));
        assertThat(request.prompt()).isEqualTo("Caf\u00e9\nline two @Image1");
    }

    @Test
    void localFilesAreHashedWithTheirMediaTypeAndAbsolutePath() throws Exception {
        Path file = png(dir, "refs/style.png", 6, 6);
        AssetRequest request = request(asset(dir, "a")
                .with("model", "nano-banana-2")
                .with("prompt", "p")
                .refs("refs/style.png", "./refs/style.png"));
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(request.references()).hasSize(2).allSatisfy(ref -> {
            assertThat(ref.path()).isEqualTo(file.toAbsolutePath());
            assertThat(ref.sha256()).isEqualTo(expected);
            assertThat(ref.mediaType()).isEqualTo("image/png");
        });
    }

    @Test
    void urlsAreKeptAsWritten() {
        AssetRequest request = request(
                asset(dir, "a").with("provider", "apixo").with("prompt", "p").refs("https://example.com/ref.png?v=1"));
        assertThat(request.references().get(0).url()).isEqualTo("https://example.com/ref.png?v=1");
        assertThat(request.references().get(0).isLocal()).isFalse();
    }

    @Test
    void eachLocalFileIsReadOncePerValidation() {
        png(dir, "shared.png", 4, 4);
        InputFiles files = new InputFiles();
        InputFiles.LocalFile first = files.load(dir.resolve("shared.png"));
        InputFiles.LocalFile second = files.load(dir.resolve("./x/../shared.png"));
        assertThat(second).isSameAs(first);
    }

    @Test
    void accountOutputsAndPositionAreCarried() {
        TestSpecs spec =
                asset(dir, "hero").with("prompt", "p").with("account", "42").with("output", "img/h.jpg");
        AssetRequest request = request(spec);
        assertThat(request.account()).isEqualTo("42");
        assertThat(request.outputs()).containsExactly("img/h.jpg");
        assertThat(request.position()).isEqualTo(spec.build().position());
    }

    @Test
    void explicitValuesWinOverDefaults() {
        AssetRequest request = request(asset(dir, "a")
                .with("model", "nano-banana-pro")
                .with("prompt", "p")
                .with("resolution", "4K")
                .with("aspectRatio", "21:9")
                .with("quantity", 2)
                .with("promptOptimization", false));
        assertThat(request.parameters())
                .isEqualTo(
                        Map.of("aspectRatio", "21:9", "resolution", "4K", "quantity", 2, "promptOptimization", false));
    }
}
