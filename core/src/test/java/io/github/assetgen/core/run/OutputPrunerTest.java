package io.github.assetgen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.store.OutputManifest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputPrunerTest {

    private static final String SHA = "a".repeat(64);

    private static AssetRequest request(String id) {
        return new AssetRequest(
                id,
                "useapi",
                AssetType.IMAGE,
                "nano-banana-2",
                "x",
                Map.of(),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(id + ".png"),
                null);
    }

    private static OutputManifest.Placed placed(String id, boolean placeholder) {
        return new OutputManifest.Placed(id + ".png", id, SHA, 10, placeholder);
    }

    @Test
    void assetsAreSplitIntoPlaceholderRendersAndRealOnesByTheirRecordedFiles() {
        OutputManifest manifest =
                OutputManifest.of(List.of(placed("hero", true), placed("banner", false), placed("gone", true)));

        Map<Boolean, Set<String>> split =
                OutputPruner.byPlaceholder(manifest, List.of(request("hero"), request("banner"), request("new")));

        assertThat(split.get(true)).containsExactly("hero");
        assertThat(split.get(false)).containsExactly("banner");
    }

    @Test
    void realFilesAloneAreNoPlaceholders() {
        OutputManifest manifest = OutputManifest.of(List.of(placed("hero", false), placed("banner", false)));

        Map<Boolean, Set<String>> split =
                OutputPruner.byPlaceholder(manifest, List.of(request("hero"), request("banner")));

        assertThat(split.get(true)).isEmpty();
        assertThat(split.get(false)).containsExactly("banner", "hero");
    }
}
