package io.github.assetgen.core.api;

import io.github.assetgen.core.wording.Advice;
import io.github.assetgen.core.wording.Wording;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A locked build ({@code locked=true}) found assets it could only get by sending a create request:
 * new ones, changed ones, or a forced regeneration. Thrown before anything is sent.
 */
public final class LockedBuildException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> reasons;

    /**
     * @param reasons per asset id in the order to list them, why it would need a create request
     * @param wording how the host names the parameters the advice mentions
     */
    LockedBuildException(Map<String, String> reasons, Wording wording) {
        super(wording.render(message(reasons)), null);
        Map<String, String> worded = new LinkedHashMap<>();
        reasons.forEach((id, why) -> worded.put(id, wording.render(why)));
        this.reasons = Collections.unmodifiableMap(worded);
    }

    /** Per asset id in the order listed, why it cannot be built without buying. */
    public Map<String, String> reasons() {
        return reasons;
    }

    private static String message(Map<String, String> reasons) {
        String locked = Advice.parameter("locked", "true");
        StringBuilder text = new StringBuilder("A locked build (" + locked + ") sends no create request, but ")
                .append(reasons.size())
                .append(reasons.size() == 1 ? " asset needs one" : " assets need one")
                .append(". Nothing was sent.");
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            text.append("\n  ").append(reason.getKey()).append(": ").append(reason.getValue());
        }
        return text.append("\nGenerate them in a build without " + locked + " and commit ")
                .append("assets.lock.json.")
                .toString();
    }
}
