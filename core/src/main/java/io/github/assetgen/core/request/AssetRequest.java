package io.github.assetgen.core.request;

import io.github.assetgen.core.specfile.Position;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One validated asset, resolved into the request a provider will receive: model and every
 * generation parameter with its default made explicit, the prompt with {@code @ImageN} mentions
 * canonicalised, reference files hashed, output paths expanded. This is what the cache key hashes
 * (minus {@code id}, {@code account}, {@code outputs} and {@code position}). Immutable.
 *
 * @param id the asset id
 * @param provider {@code useapi}, {@code minimax}, {@code apixo} or {@code placeholder}
 * @param type image or video
 * @param model the model, never null (the provider's default when the spec names none)
 * @param prompt the canonical prompt; may be empty for video models that take none
 * @param parameters every generation parameter by neutral name ({@code aspectRatio},
 *     {@code resolution}, {@code quality}, {@code quantity}, {@code seed}, {@code size},
 *     {@code options}, {@code promptOptimization}), defaults explicit; values are String,
 *     Integer, Long or Boolean
 * @param references image references in slot order
 * @param character the useapi image-01 character reference, or null
 * @param firstFrame the video first frame (or subject image), or null
 * @param endFrame the video end frame, or null
 * @param account the useapi account, or null
 * @param outputs output files relative to the output directory, one per file the provider returns
 * @param position where the asset is declared, for messages
 */
public record AssetRequest(
        String id,
        String provider,
        AssetType type,
        String model,
        String prompt,
        Map<String, Object> parameters,
        List<InputFile> references,
        InputFile character,
        InputFile firstFrame,
        InputFile endFrame,
        String account,
        List<String> outputs,
        Position position) {

    public AssetRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
        prompt = prompt == null ? "" : prompt;
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        references = List.copyOf(references);
        outputs = List.copyOf(outputs);
    }

    /** A generation parameter, if set. */
    public Optional<Object> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** A text parameter, if set. */
    public Optional<String> text(String name) {
        return parameter(name).map(Object::toString);
    }

    /** How many files the provider returns for this asset. */
    public int expectedFiles() {
        return outputs.size();
    }

    /** The same request sent to another provider (used for placeholder renders). */
    public AssetRequest withProvider(String otherProvider) {
        return new AssetRequest(
                id,
                otherProvider,
                type,
                model,
                prompt,
                parameters,
                references,
                character,
                firstFrame,
                endFrame,
                account,
                outputs,
                position);
    }
}
