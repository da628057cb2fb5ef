package io.github.assetgen.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.provider.JobRef;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The write-ahead journal of paid jobs, {@code <cacheDir>/journal/<key>.json}: written and fsynced
 * before a create request is sent ({@link #begin}), updated with the job ids when the provider
 * answers ({@link #recordSubmitted}), deleted once the result is in the cache ({@link #close}). A
 * build that dies in between leaves the file, and the next build resumes the job instead of paying
 * again. Thread-safe; callers hold the {@link KeyLock} of a key while they change its entry.
 */
public final class Journal {

    static final String DIRECTORY = "journal";

    private static final String SUFFIX = ".json";
    private static final String RESULT_SUFFIX = ".result";

    private final Path directory;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final LastFailures failures;

    private Journal(Path directory, Clock clock, Consumer<String> warnings) {
        this.directory = directory;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.failures = new LastFailures(directory, clock);
    }

    /** Why each key's last generation failed, kept beside the journal. */
    public LastFailures failures() {
        return failures;
    }

    /**
     * The journal under {@code <cacheDir>/journal/}.
     *
     * @param cacheDir the cache directory
     * @param clock the source of {@code startedAt} and {@code submittedAt}
     * @param warnings where to report unreadable journal files, one line each; called from any thread
     * @return the journal
     */
    public static Journal withDirectory(Path cacheDir, Clock clock, Consumer<String> warnings) {
        return new Journal(cacheDir.toAbsolutePath().normalize().resolve(DIRECTORY), clock, warnings);
    }

    /**
     * Records, durably, that a create request for {@code key} is about to be sent. Call it before
     * sending, never after.
     *
     * @param key the cache key the job will produce
     * @param provider the provider name
     * @param assetId the asset, for messages
     * @param model the model name as sent
     * @return the SUBMITTING entry
     * @throws IllegalStateException if the key already has an entry: resume that job (or, for
     *     SUBMITTING, ask the user) instead of submitting again
     * @throws IOException if the entry cannot be written; then do not send the request
     */
    public JournalEntry begin(String key, String provider, String assetId, String model) throws IOException {
        return begin(key, provider, assetId, model, null);
    }

    /**
     * Like {@link #begin(String, String, String, String)}, recording the unique reference the create
     * request carries, so that a lost answer can be looked up at the provider by it.
     *
     * @param submissionId the reference sent with the request, or null when the provider takes none
     */
    public JournalEntry begin(String key, String provider, String assetId, String model, String submissionId)
            throws IOException {
        Path file = fileOf(key);
        if (Files.exists(file)) {
            String what;
            try {
                what = find(key)
                        .map(e -> "in state " + e.state() + " since " + e.startedAt())
                        .orElse("");
            } catch (IOException unreadable) {
                what = "but unreadable";
            }
            throw new IllegalStateException("the journal already has a job for key " + key + " (" + file + ") " + what
                    + "; resume it instead of submitting again");
        }
        JournalEntry entry = new JournalEntry(
                key,
                JournalEntry.State.SUBMITTING,
                provider,
                assetId,
                model,
                clock.instant(),
                List.of(),
                null,
                submissionId);
        write(entry);
        return entry;
    }

    /**
     * Records the provider's job references for {@code key}.
     *
     * @param key the cache key
     * @param jobs the jobs the provider created
     * @return the SUBMITTED entry
     * @throws IllegalStateException if {@link #begin} was not called for the key
     * @throws IOException if the entry cannot be read or written
     */
    public JournalEntry recordSubmitted(String key, List<JobRef> jobs) throws IOException {
        JournalEntry begun = find(key)
                .orElseThrow(() -> new IllegalStateException("no journal entry for key " + key + "; call begin first"));
        JournalEntry entry = new JournalEntry(
                key,
                JournalEntry.State.SUBMITTED,
                begun.provider(),
                begun.assetId(),
                begun.model(),
                begun.startedAt(),
                jobs,
                clock.instant(),
                begun.submissionId());
        write(entry);
        return entry;
    }

    /**
     * Keeps, durably, a result the provider handed over in its answer (MiniMax's inline base64 images,
     * which no later request can fetch again): the next build collects it from here if this one
     * stops before the result is in the cache. Removed by {@link #close}.
     *
     * @param key the cache key
     * @param index the result's position in the answer, from 1
     * @param content the result's bytes
     * @return the kept result's name, for {@link #keptResult}
     * @throws IOException if the file cannot be written
     */
    public String keepResult(String key, int index, byte[] content) throws IOException {
        String name = index + RESULT_SUFFIX;
        AtomicFiles.write(resultsOf(key).resolve(name), content);
        return name;
    }

    /**
     * The file of a result kept by {@link #keepResult}. Only names {@code keepResult} gives are taken,
     * so an edited journal cannot point a build at any other file.
     *
     * @throws IllegalArgumentException for any other name
     */
    public Path keptResult(String key, String name) {
        if (!name.matches("[0-9]{1,4}" + java.util.regex.Pattern.quote(RESULT_SUFFIX))) {
            throw new IllegalArgumentException("'" + name + "' is not the name of a kept result");
        }
        return resultsOf(key).resolve(name);
    }

    /**
     * Closes the entry of {@code key}; call it once the result is stored in the cache (an earlier
     * failure of the key is forgotten then too). Closing a key with no entry does nothing.
     *
     * @param key the cache key
     * @throws IOException if the file cannot be deleted
     */
    public void close(String key) throws IOException {
        failures.forget(key);
        if (Files.deleteIfExists(fileOf(key))) {
            AtomicFiles.fsyncDirectory(directory);
        }
        Path results = resultsOf(key);
        if (Files.isDirectory(results)) {
            AtomicFiles.deleteRecursively(results);
        }
    }

    /**
     * The open entry of {@code key}.
     *
     * @param key the cache key
     * @return the entry, or empty if none is open
     * @throws IOException if the file exists but cannot be read or parsed (the message says what to do)
     */
    public Optional<JournalEntry> find(String key) throws IOException {
        Path file = fileOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(file, key, bytes));
    }

    /**
     * Every open entry, oldest first. Unreadable files are reported as warnings and skipped; {@link #begin} still
     * refuses their keys, so they cannot cause a second payment.
     *
     * @return the open entries
     * @throws IOException if the journal directory cannot be listed
     */
    public List<JournalEntry> open() throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String key = name.substring(0, name.length() - SUFFIX.length());
                if (name.startsWith(AtomicFiles.TEMP_PREFIX) || !Hashing.isSha256Hex(key)) {
                    continue;
                }
                try {
                    entries.add(parse(file, key, Files.readAllBytes(file)));
                } catch (NoSuchFileException closedMeanwhile) {
                    // another build closed it while we listed
                } catch (IOException e) {
                    warnings.accept(e.getMessage());
                }
            }
        }
        entries.sort(Comparator.comparing(JournalEntry::startedAt).thenComparing(JournalEntry::key));
        return entries;
    }

    /**
     * Whether the provider has probably dropped the job's result by now, so polling is pointless and
     * the user should be told.
     *
     * @param entry the journal entry
     * @param retention how long the provider keeps results (useapi: 7 days; MiniMax URLs and APIXO: 24 hours)
     * @param clock the current time
     * @return true if the entry is older than {@code retention}
     */
    public static boolean isExpired(JournalEntry entry, Duration retention, Clock clock) {
        return entry.age(clock).compareTo(retention) > 0;
    }

    /**
     * Deletes temporary files left in the journal directory by builds that died mid-write.
     *
     * @param olderThan only files last modified before this are deleted
     * @return how many were deleted
     * @throws IOException if the directory cannot be listed
     */
    public int cleanStaleTemps(Instant olderThan) throws IOException {
        return AtomicFiles.cleanStaleTemps(directory, olderThan);
    }

    private Path fileOf(String key) {
        return directory.resolve(Hashing.requireKey(key) + SUFFIX);
    }

    /** Where {@link #keepResult} puts a key's results; not matched by {@link #open}'s {@code *.json}. */
    private Path resultsOf(String key) {
        return directory.resolve(Hashing.requireKey(key) + ".results");
    }

    private void write(JournalEntry entry) throws IOException {
        List<JournalJson.JobJson> jobs = new ArrayList<>();
        for (JobRef job : entry.jobs()) {
            jobs.add(new JournalJson.JobJson(job.provider(), job.kind(), job.id()));
        }
        JournalJson json = new JournalJson(
                JournalJson.FORMAT_VERSION,
                entry.state().name(),
                entry.key(),
                entry.provider(),
                entry.assetId(),
                entry.model(),
                entry.startedAt().toString(),
                jobs,
                entry.submittedAt() == null ? null : entry.submittedAt().toString(),
                entry.submissionId());
        AtomicFiles.write(fileOf(entry.key()), StoreJson.toBytes(json));
    }

    private static JournalEntry parse(Path file, String key, byte[] bytes) throws IOException {
        try {
            JournalJson json = StoreJson.MAPPER.readValue(bytes, JournalJson.class);
            if (json == null || !key.equals(json.key()) || json.state() == null) {
                throw new IllegalArgumentException("it does not describe key " + key);
            }
            List<JobRef> jobs = new ArrayList<>();
            for (JournalJson.JobJson job : json.jobs() == null ? List.<JournalJson.JobJson>of() : json.jobs()) {
                jobs.add(new JobRef(job.provider(), job.kind(), job.id()));
            }
            return new JournalEntry(
                    key,
                    JournalEntry.State.valueOf(json.state()),
                    json.provider(),
                    json.assetId(),
                    json.model(),
                    Instant.parse(json.startedAt()),
                    jobs,
                    json.submittedAt() == null ? null : Instant.parse(json.submittedAt()),
                    json.submissionId());
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IOException(
                    "journal file " + file + " is unreadable (" + why + "). It may record a paid job:"
                            + " check the provider's task list, then delete the file to submit again.",
                    e);
        }
    }
}
