package io.github.assetgen.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.request.AssetRequest;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an asset's request differs from the one the lock records for its id: the fields that changed,
 * and the previous version where the local cache still has it (by the key the lock held), so a
 * reviewer can see the old picture beside the new one. Immutable.
 *
 * @param previousKey the key the lock records for this id
 * @param fields the request fields that differ, as a spec names them ({@code prompt}, {@code model},
 *     {@code aspectRatio}, {@code references} …), sorted; empty when the previous request is not known
 *     (its cache entry is gone, or was written before requests were recorded)
 * @param previousPrompt the previous prompt, or null when not known
 * @param previousFiles the previous version's files in the cache, in output order; empty when gone
 */
public record Change(String previousKey, List<String> fields, String previousPrompt, List<Path> previousFiles) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Change {
        Objects.requireNonNull(previousKey, "previousKey");
        fields = List.copyOf(fields);
        previousFiles = List.copyOf(previousFiles);
    }

    /**
     * The change from a previous canonical request (or null when it is not known) to {@code now}.
     *
     * @param previousRequest the canonical JSON the cache recorded for {@code previousKey}, or null
     */
    public static Change between(String previousKey, String previousRequest, AssetRequest now, List<Path> files) {
        if (previousRequest == null) {
            return new Change(previousKey, List.of(), null, files);
        }
        try {
            JsonNode before = JSON.readTree(previousRequest);
            JsonNode after = JSON.readTree(CacheKey.canonicalJson(now));
            if (!before.isObject() || !before.path("keyVersion").equals(after.path("keyVersion"))) {
                // another canonical form: its fields cannot be compared one by one
                return new Change(previousKey, List.of(), null, files);
            }
            Set<String> changed = new TreeSet<>();
            for (String name : names(before, after)) {
                if (name.equals("parameters")) {
                    JsonNode was = before.path(name);
                    JsonNode is = after.path(name);
                    for (String parameter : names(was, is)) {
                        if (!was.path(parameter).equals(is.path(parameter))) {
                            changed.add(parameter);
                        }
                    }
                } else if (!before.path(name).equals(after.path(name))) {
                    changed.add(name);
                }
            }
            JsonNode prompt = before.path("prompt");
            return new Change(previousKey, List.copyOf(changed), prompt.isTextual() ? prompt.asText() : null, files);
        } catch (JsonProcessingException e) {
            return new Change(previousKey, List.of(), null, files);
        }
    }

    /** True when the fields that changed are known. */
    public boolean fieldsKnown() {
        return !fields.isEmpty();
    }

    /** How a plan line says it: {@code changed since the lock: prompt, aspectRatio}. */
    public String describe() {
        return fieldsKnown()
                ? "changed since the lock: " + String.join(", ", fields)
                : "request changed since the lock";
    }

    private static Set<String> names(JsonNode a, JsonNode b) {
        Set<String> names = new TreeSet<>();
        addNames(a, names);
        addNames(b, names);
        return names;
    }

    private static void addNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
    }
}
