package io.github.assetgen.core.provider.http;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Records whether a call started writing its request, which tells a connect failure (the body
 * never left) from a lost answer (the provider may have the request). Attached to a request as
 * its tag; one per call.
 */
final class SendTracker extends EventListener {

    private volatile boolean requestStarted;

    static EventListener of(Call call) {
        SendTracker tracker = call.request().tag(SendTracker.class);
        return tracker != null ? tracker : EventListener.NONE;
    }

    @Override
    public void requestHeadersStart(Call call) {
        requestStarted = true;
    }

    /** True once any byte of the request may have been written to the socket. */
    boolean requestStarted() {
        return requestStarted;
    }
}
