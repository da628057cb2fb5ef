package io.github.assetgen.core.api;

import java.util.Map;

/**
 * A locked build ({@code locked=true}) found assets it could only get by sending a create request:
 * new ones, changed ones, or a forced regeneration. Thrown before anything is sent.
 */
public final class LockedBuildException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> reasons;

    /** @param reasons per asset id in the order to list them, why it would need a create request */
    LockedBuildException(Map<String, String> reasons) {
        super(message(reasons), null);
        this.reasons = Map.copyOf(reasons);
    }

    /** Per asset id, why it cannot be built without buying. */
    public Map<String, String> reasons() {
        return reasons;
    }

    private static String message(Map<String, String> reasons) {
        StringBuilder text = new StringBuilder("A locked build (-Dassetgen.locked=true) sends no create request, but ")
                .append(reasons.size())
                .append(reasons.size() == 1 ? " asset needs one" : " assets need one")
                .append(". Nothing was sent.");
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            text.append("\n  ").append(reason.getKey()).append(": ").append(reason.getValue());
        }
        return text.append("\nGenerate them in a build without -Dassetgen.locked=true and commit ")
                .append("assets.lock.json.")
                .toString();
    }
}
