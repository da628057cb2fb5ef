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
 * (minus {@code id}, {@code account}, {@code outputs}, {@code position} and {@code pick}). Immutable.
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
 *     (its candidates); with a {@code pick}, names no file is written at
 * @param position where the asset is declared, for messages
 * @param pick the one candidate written as the asset's output, or null to write every candidate at
 *     {@code outputs}; not part of the cache key, so changing it never generates again
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
        Position position,
        Pick pick) {

    /**
     * The spec's {@code pick}: candidate {@code candidate} (1-based, in the provider's order) is
     * written at {@code output}, the others stay in the cache. Immutable.
     */
    public record Pick(int candidate, String output) {

        public Pick {
            Objects.requireNonNull(output, "output");
            if (candidate < 1) {
                throw new IllegalArgumentException("a pick is 1 or more");
            }
        }
    }

    /** A request that writes every candidate (no {@code pick}). */
    public AssetRequest(
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
        this(
                id,
                provider,
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
                position,
                null);
    }

    public AssetRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
        prompt = prompt == null ? "" : prompt;
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        references = List.copyOf(references);
        outputs = List.copyOf(outputs);
        if (pick != null && pick.candidate() > outputs.size()) {
            throw new IllegalArgumentException(
                    "pick " + pick.candidate() + " but only " + outputs.size() + " candidate(s) for " + id);
        }
    }

    /** A generation parameter, if set. */
    public Optional<Object> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** A text parameter, if set. */
    public Optional<String> text(String name) {
        return parameter(name).map(Object::toString);
    }

    /** How many files the provider returns for this asset: its candidates. */
    public int expectedFiles() {
        return outputs.size();
    }

    /** The files written in the output directory: every candidate's, or only the picked one's. */
    public List<String> placedOutputs() {
        return pick == null ? outputs : List.of(pick.output());
    }

    /** The 0-based candidate written at {@code placedOutputs().get(index)}. */
    public int candidateAt(int index) {
        return pick == null ? index : pick.candidate() - 1;
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
                position,
                pick);
    }
}
