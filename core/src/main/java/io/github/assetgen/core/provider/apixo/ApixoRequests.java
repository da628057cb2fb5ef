package io.github.assetgen.core.provider.apixo;

import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.ProviderException.Kind;
import io.github.assetgen.core.provider.apixo.ApixoWire.GenerateRequest;
import io.github.assetgen.core.provider.apixo.ApixoWire.ImageInput;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.InputFile;
import java.util.ArrayList;
import java.util.List;

/** Maps a resolved {@link AssetRequest} onto APIXO's minimax-image-01 wire names. */
final class ApixoRequests {

    private ApixoRequests() {}

    /**
     * The create body, always {@code request_type: async} (this client polls). Only parameters the
     * request holds are sent. A reference turns the mode into image-to-image; APIXO fetches it by
     * URL, so a local file cannot be sent (validation reports that earlier; this is the last guard).
     */
    static GenerateRequest image(AssetRequest request) throws ProviderException {
        List<String> urls = new ArrayList<>();
        for (InputFile file : request.references()) {
            if (file.isLocal()) {
                throw new ProviderException(
                        Kind.REJECTED,
                        ApixoClassifier.PROVIDER,
                        "[" + request.id() + "] APIXO takes reference images only as https URLs, not local files like "
                                + file.path());
            }
            urls.add(file.url());
        }
        ImageInput input = new ImageInput(
                urls.isEmpty() ? "text-to-image" : "image-to-image",
                request.prompt(),
                urls.isEmpty() ? null : urls,
                request.text("resolution").orElse(null),
                request.text("aspectRatio").orElse(null),
                request.text("size").orElse(null),
                request.parameter("quantity").orElse(null),
                request.parameter("promptOptimization").orElse(null),
                request.parameter("seed").orElse(null));
        return new GenerateRequest("async", input);
    }
}
