package io.github.assetgen.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.specfile.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeTest {

    private static AssetRequest hero(String prompt, String aspectRatio, String output) {
        return new AssetRequest(
                "hero",
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                prompt,
                Map.of("aspectRatio", aspectRatio, "quantity", 1),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(output),
                Position.startOf("a.yaml"));
    }

    @Test
    void theFieldsThatChangedAreNamedAsASpecNamesThemParametersOneByOne() {
        AssetRequest before = hero("a red car", "16:9", "hero.png");
        AssetRequest after = hero("a blue car", "1:1", "img/hero.png");

        Change change =
                Change.between(CacheKey.of(before), CacheKey.canonicalJson(before), after, List.of(Path.of("1.png")));

        assertThat(change.fields()).containsExactly("aspectRatio", "prompt");
        assertThat(change.previousPrompt()).isEqualTo("a red car");
        assertThat(change.describe()).isEqualTo("changed since the lock: aspectRatio, prompt");
        assertThat(change.previousFiles()).containsExactly(Path.of("1.png"));
    }

    @Test
    void anUnknownPreviousRequestSaysOnlyThatTheRequestChanged() {
        Change change = Change.between("ab".repeat(32), null, hero("a", "1:1", "hero.png"), List.of());

        assertThat(change.fields()).isEmpty();
        assertThat(change.previousPrompt()).isNull();
        assertThat(change.describe()).isEqualTo("request changed since the lock");
    }

    @Test
    void aPreviousRequestOfAnotherKeyVersionIsNotComparedFieldByField() {
        String older = "{\"keyVersion\":0,\"prompt\":\"a\"}";

        assertThat(Change.between("ab".repeat(32), older, hero("b", "1:1", "hero.png"), List.of())
                        .fields())
                .isEmpty();
    }
}
