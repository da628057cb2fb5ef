package io.github.assetgen.core.api;

import java.math.BigDecimal;

/** The plan's estimate is over a budget; checked before anything is sent. */
public final class BudgetExceededException extends UserErrorException {

    private static final long serialVersionUID = 1L;

    private final BigDecimal estimatedCredits;
    private final BigDecimal estimatedUsd;
    private final BigDecimal maxCredits;
    private final BigDecimal maxUsd;

    /**
     * @param message the plan's own account of which budget is exceeded and by how much
     * @param maxCredits the credit budget, or null for none
     * @param maxUsd the dollar budget, or null for none
     */
    BudgetExceededException(
            String message,
            BigDecimal estimatedCredits,
            BigDecimal estimatedUsd,
            BigDecimal maxCredits,
            BigDecimal maxUsd) {
        super(message, null);
        this.estimatedCredits = estimatedCredits;
        this.estimatedUsd = estimatedUsd;
        this.maxCredits = maxCredits;
        this.maxUsd = maxUsd;
    }

    /** The credits the plan would spend. */
    public BigDecimal estimatedCredits() {
        return estimatedCredits;
    }

    /** The US dollars the plan would spend. */
    public BigDecimal estimatedUsd() {
        return estimatedUsd;
    }

    /** The credit budget, or null when none was set. */
    public BigDecimal maxCredits() {
        return maxCredits;
    }

    /** The dollar budget, or null when none was set. */
    public BigDecimal maxUsd() {
        return maxUsd;
    }
}
