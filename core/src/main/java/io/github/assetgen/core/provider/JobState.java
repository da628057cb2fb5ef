package io.github.assetgen.core.provider;

import java.util.List;

/** The state of one provider job as last polled. */
public sealed interface JobState {

    /** Still queued or running; {@code percent} may be null. */
    record Running(String label, Integer percent) implements JobState {}

    /** Finished; the files to download, in the provider's order. */
    record Succeeded(List<ResultLocation> results) implements JobState {
        public Succeeded {
            results = List.copyOf(results);
        }
    }

    /**
     * Finished without a result. {@code moderated} is true when the provider refused the content
     * (useapi status 5/7/14 or a 404 while polling a video, MiniMax 1026/1027, APIXO content codes).
     */
    record Failed(String message, boolean moderated) implements JobState {}
}
