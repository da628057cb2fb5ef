package io.github.assetgen.core.store;

import io.github.assetgen.core.request.AssetType;
import java.util.List;
import java.util.Objects;

/**
 * What the cache records about how an entry was made, besides its files. Immutable.
 *
 * @param provider the provider name
 * @param model the model name as sent
 * @param type image or video
 * @param credits what the generation cost, as an amount and a unit ({@code "0.25 USD"}), or null if unknown
 * @param jobIds the provider's job ids, for support requests
 * @param request the canonical request the key is the SHA-256 of, or null when unknown: a later build
 *     whose request changed shows what changed by it
 */
public record EntryMetadata(
        String provider, String model, AssetType type, String credits, List<String> jobIds, String request) {

    public EntryMetadata {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(type, "type");
        jobIds = List.copyOf(jobIds);
    }

    /** Metadata without the request (a test, or an entry whose request is not known). */
    public EntryMetadata(String provider, String model, AssetType type, String credits, List<String> jobIds) {
        this(provider, model, type, credits, jobIds, null);
    }
}
