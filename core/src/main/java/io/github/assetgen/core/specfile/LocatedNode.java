package io.github.assetgen.core.specfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed spec value that remembers where it was written. Jackson's {@code JsonNode} carries no
 * locations, so the reader builds this tree from the streaming parser and converts to
 * {@code JsonNode} only for field values.
 */
sealed interface LocatedNode permits LocatedNode.Scalar, LocatedNode.Mapping, LocatedNode.Sequence {

    /** Where the value starts: a scalar's first character, a block mapping's first key, a list's first item. */
    Position position();

    JsonNode toJson();

    /** A short description of the kind of value, for "must be a mapping, but it is ..." messages. */
    String kind();

    default boolean isNull() {
        return this instanceof Scalar scalar && scalar.value().isNull();
    }

    /** A text, number, boolean or null value. */
    record Scalar(JsonNode value, Position position) implements LocatedNode {

        @Override
        public JsonNode toJson() {
            return value;
        }

        @Override
        public String kind() {
            if (value.isNull()) {
                return "empty";
            }
            if (value.isBoolean()) {
                return "a boolean";
            }
            return value.isNumber() ? "a number" : "text";
        }
    }

    /** One key of a mapping with the position of the key itself. */
    record Entry(String key, Position keyPosition, LocatedNode value) {

        /**
         * Where a problem with this field's value should point: a scalar's own start, or for a
         * list or mapping the key, because a block collection starts on the line below its key.
         */
        Position valuePosition() {
            return value instanceof Scalar ? value.position() : keyPosition;
        }
    }

    /**
     * A mapping with its keys in the order written. A key written twice keeps its first value; the
     * later ones are kept in {@code duplicates} so the reader can report them with the asset's id.
     */
    record Mapping(Position position, Map<String, Entry> entries, List<Entry> duplicates) implements LocatedNode {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            duplicates = List.copyOf(duplicates);
        }

        /** Adds an entry as a parser reads it: the first of a key is kept, later ones go to {@code duplicates}. */
        static void add(Map<String, Entry> entries, List<Entry> duplicates, Entry entry) {
            if (entries.putIfAbsent(entry.key(), entry) != null) {
                duplicates.add(entry);
            }
        }

        @Override
        public JsonNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            entries.forEach((key, entry) -> node.set(key, entry.value().toJson()));
            return node;
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(Position position, List<LocatedNode> items) implements LocatedNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public JsonNode toJson() {
            ArrayNode node = JsonNodeFactory.instance.arrayNode();
            items.forEach(item -> node.add(item.toJson()));
            return node;
        }

        @Override
        public String kind() {
            return "a list";
        }
    }
}
