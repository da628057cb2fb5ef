package io.github.assetgen.core.store;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.FileStamp;
import io.github.assetgen.core.files.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Proof that an output file still holds the bytes whose SHA-256 was checked in an earlier build,
 * without reading them again: per file, the SHA-256 found and the file's {@link FileStamp} when it
 * was hashed, kept under {@code target/} (never committed: a clone has its own times). A stamp
 * vouches for a file only while size, modification time, change time and identity are all the same,
 * and only when the file was last modified well before the stamp was taken. That last rule is
 * git's "racy clean" rule: a file edited in the same tick of the file system's clock as the write it
 * was stamped after could keep its time, so such a file is hashed again until a later build stamps
 * it when its time is safely in the past. Anything else (no stamp, another SHA-256, any attribute
 * changed, a damaged stamp file) means the file is hashed. Thread-safe.
 */
public final class OutputStamps {

    /**
     * How far in the past a file's modification time must be, when it is stamped, for the stamp to
     * be trusted: above the coarsest modification-time granularity in use (2 s on FAT, 1 s on
     * ext3 and HFS+) and the lag of the kernel's coarse clock behind the JVM's.
     */
    static final long RACY_MILLIS = 2_000;

    private static final String HEADER = "assetgen output stamps 1";

    private final Path stampFile;
    private final Clock clock;
    private final Map<String, Stamp> stamps;
    private volatile boolean changed;
    private final AtomicInteger hashed = new AtomicInteger();

    /** One file's proof: its SHA-256 and its attributes, seen at {@code stampedAtMillis} (before hashing). */
    record Stamp(String sha256, FileStamp file, long stampedAtMillis) {

        boolean racy() {
            return file.modifiedNanos() / 1_000_000 >= stampedAtMillis - RACY_MILLIS;
        }
    }

    private OutputStamps(Path stampFile, Clock clock, Map<String, Stamp> stamps) {
        this.stampFile = stampFile;
        this.clock = clock;
        this.stamps = new ConcurrentHashMap<>(stamps);
    }

    /**
     * Reads the stamps of an earlier build. A missing or damaged file is no proof of anything: every
     * output is then hashed once, and stamped.
     *
     * @param stampFile where the stamps are kept, under the build directory
     */
    public static OutputStamps read(Path stampFile, Clock clock) {
        Map<String, Stamp> stamps = new TreeMap<>();
        try {
            String text = Files.readString(stampFile, StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            if (lines.length > 0 && lines[0].equals(HEADER)) {
                for (int i = 1; i < lines.length; i++) {
                    parse(lines[i], stamps);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no stamps, unreadable or damaged: nothing is vouched for, so everything is hashed
            stamps.clear();
        }
        return new OutputStamps(stampFile, clock, stamps);
    }

    /** Stamps that vouch for nothing and are never saved: every check hashes. */
    public static OutputStamps none() {
        return new OutputStamps(null, Clock.systemUTC(), Map.of());
    }

    /**
     * Whether {@code file} is a regular file of {@code size} bytes with this SHA-256: proven by its
     * stamp when one vouches for it, else by hashing it (and then stamped for the next build).
     *
     * @throws IOException when the file exists but cannot be read
     */
    public boolean holds(Path file, String sha256, long size) throws IOException {
        long before = clock.millis();
        Optional<FileStamp> now = FileStamp.of(file);
        if (now.isEmpty() || now.get().size() != size) {
            return false;
        }
        String name = file.toString();
        Stamp stamp = stamps.get(name);
        if (stamp != null && stamp.sha256().equals(sha256) && stamp.file().equals(now.get()) && !stamp.racy()) {
            return true;
        }
        String actual;
        hashed.incrementAndGet();
        try {
            actual = Hashing.sha256(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!actual.equals(sha256)) {
            if (stamps.remove(name) != null) {
                changed = true;
            }
            return false;
        }
        // stamped only if nothing happened to the file while it was read
        if (stampFile != null && now.equals(FileStamp.of(file)) && storable(name, now.get())) {
            stamps.put(name, new Stamp(sha256, now.get(), before));
            changed = true;
        }
        return true;
    }

    /** How many files had to be read because no stamp vouched for them. */
    public int hashedFiles() {
        return hashed.get();
    }

    /**
     * Writes the stamps when this build added or dropped any. A failure to write costs the next
     * build a hash of each file, nothing else, so it is not an error.
     *
     * @return whether the file was written
     */
    public boolean save() {
        if (!changed || stampFile == null) {
            return false;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        new TreeMap<>(stamps)
                .forEach((name, stamp) -> text.append(stamp.sha256())
                        .append('\t')
                        .append(stamp.file().size())
                        .append('\t')
                        .append(stamp.file().modifiedNanos())
                        .append('\t')
                        .append(stamp.file().changedNanos())
                        .append('\t')
                        .append(
                                stamp.file().identity() == null
                                        ? "-"
                                        : stamp.file().identity())
                        .append('\t')
                        .append(stamp.stampedAtMillis())
                        .append('\t')
                        .append(name)
                        .append('\n'));
        try {
            AtomicFiles.write(stampFile, text.toString().getBytes(StandardCharsets.UTF_8));
            changed = false;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Names and identities with a tab or a line break cannot be written one to a line: never stamped. */
    private static boolean storable(String name, FileStamp file) {
        return !name.contains("\t")
                && !name.contains("\n")
                && !"-".equals(file.identity())
                && (file.identity() == null
                        || !(file.identity().contains("\t") || file.identity().contains("\n")));
    }

    private static void parse(String line, Map<String, Stamp> into) {
        String[] fields = line.split("\t", 7);
        if (fields.length != 7 || !Hashing.isSha256Hex(fields[0])) {
            throw new IllegalArgumentException("damaged stamp line");
        }
        FileStamp file = new FileStamp(
                Long.parseLong(fields[1]),
                Long.parseLong(fields[2]),
                Long.parseLong(fields[3]),
                fields[4].equals("-") ? null : fields[4]);
        into.put(fields[6], new Stamp(fields[0], file, Long.parseLong(fields[5])));
    }
}
