package io.github.assetgen.core.run;

import io.github.assetgen.core.provider.ProviderException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per provider: how many jobs may be in flight at once, and whether the provider was stopped
 * (401, out of credits, account on hold) so that no further create request goes to it in this
 * build. Out of credits on one named account (useapi's 412 is about one hailuoai account's credits)
 * stops only that account: useapi's own client moves on to the next account
 * (https://github.com/useapi/minimax-api/blob/main/video/videos.mjs). Thread-safe.
 */
final class ProviderGates {

    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxJobs;

    ProviderGates(Map<String, Integer> maxJobs) {
        this.maxJobs = Map.copyOf(maxJobs);
    }

    /**
     * Stops what a provider's stop answer concerns: only the asset's account for useapi's 412 (the
     * account's credits are used up) and 596 ("Your hailuoai.video account has been placed on
     * hold", https://useapi.net/docs/api-minimax-v1/post-minimax-images-create) when the asset
     * names one, otherwise the whole provider.
     *
     * @return true when only the account was stopped
     */
    boolean stop(String provider, String account, ProviderException e) {
        boolean accountOnly = account != null && (e.httpStatus() == 412 || e.httpStatus() == 596);
        if (accountOnly) {
            stop(provider, account, e.getMessage());
        } else {
            stop(provider, e.getMessage());
        }
        return accountOnly;
    }

    /** Takes a job slot, waiting for one. */
    void enter(String provider) throws InterruptedException {
        slot(provider).acquire();
    }

    void leave(String provider) {
        slot(provider).release();
    }

    private Semaphore slot(String provider) {
        return slots.computeIfAbsent(provider, p -> new Semaphore(maxJobs.getOrDefault(p, 1), true));
    }

    /** Records the first reason one account of a provider was stopped; later ones add nothing. */
    void stop(String provider, String account, String reason) {
        if (account == null) {
            stop(provider, reason);
        } else {
            stopped.putIfAbsent(provider + "\u0000" + account, reason);
        }
    }

    /** Why the provider, or this account of it (null for none named), takes no more create requests, or null. */
    String stopReason(String provider, String account) {
        String whole = stopped.get(provider);
        return whole != null || account == null ? whole : stopped.get(provider + "\u0000" + account);
    }

    /** Records the first reason a provider was stopped; later ones add nothing. */
    void stop(String provider, String reason) {
        stopped.putIfAbsent(provider, reason);
    }

    /** Why the provider takes no more create requests, or null. */
    String stopReason(String provider) {
        return stopped.get(provider);
    }
}
