package io.github.assetgen.core.api;

import io.github.assetgen.core.plan.Action;
import io.github.assetgen.core.plan.Plan;
import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.provider.ProviderClient;
import io.github.assetgen.core.provider.ProviderException;
import io.github.assetgen.core.provider.http.CallDeadline;
import io.github.assetgen.core.wording.Wording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Asks each provider the build will create something at what its account can still spend, once,
 * before the first create, and stops the build when the plan's estimate there is higher. A balance
 * that cannot be read is a warning: the check protects money, it must not stop a build on its own
 * fault. Only a token the provider refuses (HTTP 401) keeps creates from going there: they would be
 * refused the same way. Stateless.
 *
 * <p>useapi's credits are per hailuoai account, and so is its "insufficient credits" answer: the
 * estimate of the assets naming an account is compared with that account's credits, not with the
 * sum over accounts, which would let one account's shortfall through.
 */
final class BalanceCheck {

    /** How long one balance read may take, its retries and waits included. */
    static final Duration READ_LIMIT = Duration.ofSeconds(30);

    private BalanceCheck() {}

    /**
     * @param clients the build's clients by provider name; a provider without one is not asked
     * @param wording how the host names the parameters the failure's advice mentions
     * @return the providers whose token was refused (HTTP 401) on the balance read, with the
     *     provider's words: a create would be refused the same way, so none is sent to them
     * @throws BalanceTooLowException naming, per provider and account, the estimate and the balance
     */
    static Map<String, String> check(
            Plan plan, Map<String, ProviderClient> clients, boolean offline, BuildLog log, Wording wording)
            throws BalanceTooLowException {
        Map<String, String> refused = new TreeMap<>();
        if (offline) {
            return refused;
        }
        // provider -> account ("" for the token's own) -> estimate
        Map<String, Map<String, Cost>> estimates = new TreeMap<>();
        for (PlannedAsset asset : plan.withAction(Action.GENERATE)) {
            String account =
                    asset.request().account() == null ? "" : asset.request().account();
            estimates
                    .computeIfAbsent(asset.request().provider(), p -> new TreeMap<>())
                    .merge(account, asset.cost(), Cost::plus);
        }
        List<String> shortfalls = new ArrayList<>();
        estimates.forEach((provider, byAccount) -> {
            ProviderClient client = clients.get(provider);
            if (client == null) {
                return;
            }
            byAccount.forEach((account, estimate) -> {
                String who = provider + (account.isEmpty() ? "" : " account " + account);
                Optional<Cost> balance = read(client, provider, account.isEmpty() ? null : account, who, log, refused);
                if (balance.isEmpty()) {
                    return;
                }
                log.info(who + " balance: " + balance.get().format() + "; this build's estimate there: "
                        + estimate.format());
                if (exceeds(estimate, balance.get())) {
                    shortfalls.add("the estimate for " + who + " is " + estimate.format() + " but its balance is "
                            + balance.get().format());
                }
            });
        });
        if (!shortfalls.isEmpty()) {
            throw new BalanceTooLowException(shortfalls, wording);
        }
        return refused;
    }

    private static Optional<Cost> read(
            ProviderClient client,
            String provider,
            String account,
            String who,
            BuildLog log,
            Map<String, String> refused) {
        try {
            // best effort and before any asset runs: bounded on its own, Retry-After and slow answers
            // included, where the assets' timeouts do not reach
            return CallDeadline.within(READ_LIMIT, () -> client.balance(account));
        } catch (ProviderException e) {
            if (e.httpStatus() == 401) {
                // the token itself is refused: every create would be refused too, so none is sent
                refused.putIfAbsent(provider, e.getMessage());
                log.warn("could not read the balance at " + who + " (" + e.getMessage() + ")");
            } else {
                log.warn("could not read the balance at " + who + " (" + e.getMessage() + "); going on without it");
            }
            return Optional.empty();
        } catch (Exception e) {
            // a RuntimeException of an odd answer; balance() throws no other checked exception
            log.warn("could not read the balance at " + who + " (" + e.getMessage() + "); going on without it");
            return Optional.empty();
        }
    }

    /** Only figures in the same unit are compared: an unpriced estimate cannot exceed anything. */
    private static boolean exceeds(Cost estimate, Cost balance) {
        return estimate.unit() == balance.unit()
                && (estimate.unit() == Cost.Unit.CREDITS || estimate.unit() == Cost.Unit.USD)
                && estimate.amount().compareTo(balance.amount()) > 0;
    }
}
