package io.github.assetgen.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One field value of an asset spec with the position it was written at. A value inherited from
 * {@code defaults} keeps the position of the default, so an error points where the user wrote it.
 * Immutable as long as the caller does not mutate the node.
 *
 * @param inherited true when the value came from the file's {@code defaults} block
 */
public record SpecValue(JsonNode node, Position position, boolean inherited) {

    public SpecValue {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(position, "position");
    }

    /** The value as text: strings as they are, numbers and booleans in their JSON form. */
    public String asText() {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
