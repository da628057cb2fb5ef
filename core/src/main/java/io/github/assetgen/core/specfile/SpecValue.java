package io.github.assetgen.core.specfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One field value of an asset spec with the position it was written at. A value inherited from
 * {@code defaults} keeps the position of the default, so an error points where the user wrote it.
 * Immutable as long as the caller does not mutate the node.
 *
 * @param inherited true when the value came from the file's {@code defaults} block
 * @param itemPositions for a list, where each item was written (in order); empty otherwise
 */
public record SpecValue(JsonNode node, Position position, boolean inherited, List<Position> itemPositions) {

    public SpecValue {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(position, "position");
        itemPositions = List.copyOf(itemPositions);
    }

    /** The value as text: strings as they are, numbers and booleans in their JSON form. */
    public String asText() {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /**
     * Where the list item at {@code index} was written, so a problem with one entry points at that
     * entry; the value's own position when the item's is not known.
     */
    public Position positionOf(int index) {
        return index >= 0 && index < itemPositions.size() ? itemPositions.get(index) : position;
    }
}
