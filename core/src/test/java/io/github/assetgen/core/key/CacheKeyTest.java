package io.github.assetgen.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.request.InputFile;
import io.github.assetgen.core.specfile.Position;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static AssetRequest request(
            String id,
            String prompt,
            Map<String, Object> parameters,
            List<InputFile> references,
            String account,
            List<String> outputs,
            Position position) {
        return new AssetRequest(
                id,
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                prompt,
                parameters,
                references,
                null,
                null,
                null,
                account,
                outputs,
                position);
    }

    private static AssetRequest hero() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("resolution", "2K");
        parameters.put("aspectRatio", "16:9");
        parameters.put("quantity", 1);
        parameters.put("promptOptimization", true);
        return request(
                "hero",
                "A lighthouse at dusk in the style of @Image1",
                parameters,
                List.of(InputFile.ofLocal(Path.of("/p/refs/style.png"), "ab".repeat(32), "image/png")),
                null,
                List.of("img/hero.png"),
                new Position("src/main/assets/site.yaml", 3, 5));
    }

    @Test
    void keyIsTheSha256OfTheCanonicalJson() {
        AssetRequest hero = hero();
        assertThat(CacheKey.canonicalJson(hero))
                .isEqualTo("{\"character\":null,\"endFrame\":null,"
                        + "\"firstFrame\":null,\"keyVersion\":1,\"model\":\"nano-banana-2\",\"parameters\":{\"aspectRatio\":"
                        + "\"16:9\",\"promptOptimization\":true,\"quantity\":1,\"resolution\":\"2K\"},\"prompt\":"
                        + "\"A lighthouse at dusk in the style of @Image1\",\"provider\":\"useapi\",\"references\":"
                        + "[\"sha256:" + "ab".repeat(32) + "\"],\"type\":\"image\"}");
        assertThat(CacheKey.of(hero)).hasSize(64).isEqualTo(Hashing.sha256(CacheKey.canonicalJson(hero)));
    }

    @Test
    void idOutputAccountAndPositionDoNotChangeTheKey() {
        AssetRequest hero = hero();
        AssetRequest moved = request(
                "renamed",
                hero.prompt(),
                hero.parameters(),
                hero.references(),
                "acct-2",
                List.of("other/place.png"),
                new Position("src/main/assets/other.yaml", 40, 7));
        assertThat(CacheKey.of(moved)).isEqualTo(CacheKey.of(hero));
    }

    @Test
    void parameterOrderDoesNotChangeTheKey() {
        AssetRequest hero = hero();
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("quantity", 1);
        reversed.put("promptOptimization", true);
        reversed.put("aspectRatio", "16:9");
        reversed.put("resolution", "2K");
        AssetRequest reordered =
                request("hero", hero.prompt(), reversed, hero.references(), null, hero.outputs(), hero.position());
        assertThat(CacheKey.of(reordered)).isEqualTo(CacheKey.of(hero));
    }

    @Test
    void lineEndingsUnicodeFormAndTrailingNewlineDoNotChangeTheKey() {
        AssetRequest unix = request(
                "a", "Caf\u00e9\nat night", Map.of(), List.of(), null, List.of("a.png"), Position.startOf("a.yaml"));
        AssetRequest windows = request(
                "a",
                "Cafe\u0301\r\nat night\n",
                Map.of(),
                List.of(),
                null,
                List.of("a.png"),
                Position.startOf("a.yaml"));
        assertThat(CacheKey.of(windows)).isEqualTo(CacheKey.of(unix));
    }

    @Test
    void aChangedPromptParameterOrReferenceChangesTheKey() {
        AssetRequest hero = hero();
        String key = CacheKey.of(hero);

        AssetRequest otherPrompt = request(
                "hero",
                hero.prompt() + "!",
                hero.parameters(),
                hero.references(),
                null,
                hero.outputs(),
                hero.position());
        Map<String, Object> otherParameters = new LinkedHashMap<>(hero.parameters());
        otherParameters.put("resolution", "4K");
        AssetRequest otherResolution = request(
                "hero", hero.prompt(), otherParameters, hero.references(), null, hero.outputs(), hero.position());
        AssetRequest otherReferenceBytes = request(
                "hero",
                hero.prompt(),
                hero.parameters(),
                List.of(InputFile.ofLocal(Path.of("/p/refs/style.png"), "cd".repeat(32), "image/png")),
                null,
                hero.outputs(),
                hero.position());

        assertThat(List.of(CacheKey.of(otherPrompt), CacheKey.of(otherResolution), CacheKey.of(otherReferenceBytes)))
                .doesNotContain(key)
                .doesNotHaveDuplicates();
    }

    @Test
    void theSameReferenceBytesAtAnotherPathKeepTheKey() {
        AssetRequest hero = hero();
        AssetRequest movedFile = request(
                "hero",
                hero.prompt(),
                hero.parameters(),
                List.of(InputFile.ofLocal(Path.of("/elsewhere/copy.png"), "ab".repeat(32), "image/png")),
                null,
                hero.outputs(),
                hero.position());
        assertThat(CacheKey.of(movedFile)).isEqualTo(CacheKey.of(hero));
    }

    @Test
    void theProviderIsPartOfTheKey() {
        AssetRequest hero = hero();
        assertThat(CacheKey.of(hero.withProvider("placeholder"))).isNotEqualTo(CacheKey.of(hero));
    }

    @Test
    void nfcLeavesAsciiAsItIsAndComposesTheRest() {
        String ascii = "A lighthouse at dusk, 16:9 \t ~";

        assertThat(CacheKey.nfc(ascii)).isSameAs(ascii);
        assertThat(CacheKey.nfc("Cafe\u0301")).isEqualTo("Caf\u00e9");
        assertThat(CacheKey.nfc("\u212b ring")).as("a singleton decomposition").isEqualTo("\u00c5 ring");
    }
}
