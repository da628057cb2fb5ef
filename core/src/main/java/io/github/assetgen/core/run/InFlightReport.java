package io.github.assetgen.core.run;

import io.github.assetgen.core.provider.JobRef;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a build stopped by Ctrl-C or a kill tells the user on its way out: the assets whose create
 * request went out and whose results are not stored yet. The runner's shutdown hook prints it.
 * Thread-safe as the map it reads.
 */
final class InFlightReport {

    private final Map<String, List<JobRef>> inFlight;
    private final Function<JobRef, String> shown;

    /**
     * @param inFlight jobs submitted and not yet stored, by asset id, kept up to date by the runner
     * @param shown a job id as it may be printed
     */
    InFlightReport(Map<String, List<JobRef>> inFlight, Function<JobRef, String> shown) {
        this.inFlight = inFlight;
        this.shown = shown;
    }

    void print() {
        if (inFlight.isEmpty()) {
            return;
        }
        // Maven's logger may already be gone during shutdown: stderr is what is left
        StringBuilder text = new StringBuilder("[assetgen] Build stopped with ")
                .append(inFlight.size())
                .append(" asset(s) in flight:\n");
        inFlight.forEach((id, jobs) -> text.append("[assetgen]   ")
                .append(id)
                .append(": ")
                .append(
                        jobs.isEmpty()
                                ? "create request sent, no answer yet"
                                : jobs.stream().map(shown).collect(Collectors.joining(", ")))
                .append('\n'));
        text.append("[assetgen] They are recorded in the journal; the next build resumes them without paying again.");
        System.err.println(text);
    }
}
