package io.github.assetgen.core.api;

import io.github.assetgen.core.wording.Advice;
import io.github.assetgen.core.wording.Wording;
import java.util.List;

/**
 * A provider's balance, as it reported it before anything was created, is below what the plan
 * will spend there; checked before the first create.
 */
public final class BalanceTooLowException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final List<String> shortfalls;

    /**
     * @param shortfalls one sentence per provider (and account) whose balance is too low, naming both figures
     * @param wording how the host names the parameter the advice mentions
     */
    BalanceTooLowException(List<String> shortfalls, Wording wording) {
        super(
                wording.render(String.join("; ", shortfalls) + ". Nothing was sent. Top up the account, or generate"
                        + " fewer assets (" + Advice.parameter("only", "<ids>") + ")."),
                null);
        this.shortfalls = List.copyOf(shortfalls);
    }

    /** One sentence per provider (and account) whose balance is too low. */
    public List<String> shortfalls() {
        return shortfalls;
    }
}
