package io.github.assetgen.core.run;

import io.github.assetgen.core.plan.PlannedAsset;
import io.github.assetgen.core.provider.JobRef;
import io.github.assetgen.core.provider.ResultLocation;
import io.github.assetgen.core.provider.SubmitResult;
import io.github.assetgen.core.provider.http.Sleeper;
import io.github.assetgen.core.store.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes what a paid create gave into the journal: the job ids, and the results a synchronous answer
 * already held. Its own class because these writes come after the money is spent, so none may lose
 * it: a failed write is logged with the ids at once and tried again, and an answer's inline results
 * are kept beside the journal so that a later build can still collect them. Thread-safe.
 */
final class JournalRecorder {

    /** A journal job whose "id" is a result URL the provider already answered with. */
    static final String RESULT_URL = "result-url";
    /** A journal job whose "id" names a result the provider answered with inline, kept by the journal. */
    static final String RESULT_FILE = "result-file";

    /** How often a journal write after a paid create is tried, the wait doubling from {@link #JOURNAL_BACKOFF}. */
    static final int JOURNAL_WRITES = 4;

    static final Duration JOURNAL_BACKOFF = Duration.ofSeconds(1);

    private final Journal journal;
    private final Sleeper sleeper;
    private final RunListener log;

    JournalRecorder(Journal journal, Sleeper sleeper, RunListener log) {
        this.journal = journal;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * Records a paid job's ids in the journal. A failed write (disk full, permissions) does not lose
     * them: they are logged at once, kept for this build's collection, and the write is tried again a
     * few times with back-off.
     */
    void record(PlannedAsset asset, List<JobRef> refs) throws InterruptedException {
        Duration wait = JOURNAL_BACKOFF;
        String ids = refs.stream().map(JobRef::id).collect(Collectors.joining(", "));
        for (int attempt = 1; ; attempt++) {
            try {
                journal.recordSubmitted(asset.key(), refs);
                if (attempt > 1) {
                    log.info("[" + asset.id() + "] the journal recorded " + ids + " after " + attempt + " attempts");
                }
                return;
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                if (attempt == 1) {
                    log.error("[" + asset.id() + "] the provider took the job (" + ids + ") but the journal could not"
                            + " record it: " + e.getMessage() + ". This build still collects it; trying the write"
                            + " again");
                }
                if (attempt >= JOURNAL_WRITES) {
                    log.error("[" + asset.id() + "] the journal still cannot record " + ids + "; collecting it in"
                            + " this build anyway. If the build stops before it is stored, these ids are paid for:"
                            + " find them in the provider's job list");
                    return;
                }
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /**
     * What the journal keeps of a submission. A synchronous answer's results are kept too, so a build
     * killed before the download can still collect them: URLs as jobs of kind {@value #RESULT_URL},
     * inline base64 decoded into the journal's own files, as jobs of kind {@value #RESULT_FILE}.
     */
    List<JobRef> refsOf(PlannedAsset asset, SubmitResult submitted) {
        String provider = asset.request().provider();
        List<JobRef> refs = new ArrayList<>(submitted.jobs());
        int index = 0;
        for (ResultLocation result : submitted.immediateResults()) {
            index++;
            if (result.url() != null) {
                refs.add(new JobRef(provider, RESULT_URL, result.url()));
            } else if (result.base64() != null) {
                try {
                    String kept = journal.keepResult(asset.key(), index, decode(result.base64()));
                    refs.add(new JobRef(provider, RESULT_FILE, kept));
                } catch (IOException | IllegalArgumentException e) {
                    log.warn("[" + asset.id() + "] could not keep result " + index + " of the answer beside the"
                            + " journal (" + e.getMessage() + "); it is collected from memory in this build only");
                }
            }
        }
        return refs;
    }

    static boolean isResult(JobRef job) {
        return job.kind().equals(RESULT_URL) || job.kind().equals(RESULT_FILE);
    }

    /** Base64 or a base64 data URL, as MiniMax may send either. */
    private static byte[] decode(String base64) {
        int comma = base64.startsWith("data:") ? base64.indexOf(',') : -1;
        return Base64.getMimeDecoder().decode(base64.substring(comma + 1));
    }
}
