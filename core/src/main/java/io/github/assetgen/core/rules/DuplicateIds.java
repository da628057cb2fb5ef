package io.github.assetgen.core.rules;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.provider.registry.ProviderRegistry;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.specfile.AssetSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Of several assets with one id, which one is the original: the one the lock file recorded (its
 * request has the locked key), otherwise the first read. The others are the ones just added, and
 * their duplicate id is reported on them, naming where the original is.
 */
final class DuplicateIds {

    private DuplicateIds() {}

    /** For each id, the index of its original asset. */
    static Map<String, Integer> originals(
            List<AssetSpec> assets, List<Optional<AssetRequest>> resolved, ValidationContext context) {
        Map<String, Integer> originals = new HashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            String id = assets.get(i).id();
            if (id == null || id.isEmpty()) {
                continue;
            }
            Integer earlier = originals.putIfAbsent(id, i);
            if (earlier != null && locked(resolved.get(i), context) && !locked(resolved.get(earlier), context)) {
                // a new asset added above (or in a file read before) the one the lock knows
                originals.put(id, i);
            }
        }
        return originals;
    }

    /** True when the lock records this request's key for its id. */
    private static boolean locked(Optional<AssetRequest> request, ValidationContext context) {
        if (request.isEmpty() || context.lockedKeys().isEmpty()) {
            return false;
        }
        AssetRequest r = request.get();
        String locked = context.lockedKeys().get(r.id());
        if (locked == null) {
            return false;
        }
        // a placeholder build's lock holds the keys of the placeholder renders
        AssetRequest built = context.placeholders()
                ? r.withProvider(ProviderRegistry.standard().placeholder().name())
                : r;
        return locked.equals(CacheKey.of(built));
    }
}
