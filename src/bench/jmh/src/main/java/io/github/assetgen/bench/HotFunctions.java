package io.github.assetgen.bench;

import io.github.assetgen.core.key.CacheKey;
import io.github.assetgen.core.provider.Cost;
import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.rules.RuleBook;
import io.github.assetgen.core.rules.Validation;
import io.github.assetgen.core.rules.ValidationContext;
import io.github.assetgen.core.specfile.SpecReader;
import io.github.assetgen.core.specfile.SpecSet;
import io.github.assetgen.core.store.LockFile;
import io.github.assetgen.core.store.OutputStamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The functions a no-op build runs once per asset: the cache key, reading and checking specs, the
 * lock's read and write, and the proof that an output is unchanged (a stamp, or a hash without one).
 * Times are per call over {@code assets} assets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotFunctions {

    @Param("1000")
    int assets;

    private Path dir;
    private Path specs;
    private List<AssetRequest> requests;
    private Path lockFile;
    private byte[][] lockVersions;
    private int version;
    private LockFile lock;
    private List<LockFile.LockedFile> outputs;
    private Path outputDirectory;
    private Path stampFile;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("assetgen-jmh");
        specs = dir.resolve("src/main/assets");
        Files.createDirectories(specs);
        StringBuilder yaml = new StringBuilder(
                "defaults: {provider: useapi, model: nano-banana-2, resolution: 1K, aspectRatio: '1:1'}\nassets:\n");
        for (int i = 1; i <= assets; i++) {
            yaml.append("  - {id: asset-")
                    .append(i)
                    .append(", prompt: \"benchmark asset number ")
                    .append(i)
                    .append("\"}\n");
        }
        Files.writeString(specs.resolve("bench.yaml"), yaml, StandardCharsets.UTF_8);
        requests = validate();
        outputDirectory = dir.resolve("target/generated-assets");
        outputs = new ArrayList<>();
        LockFile built = LockFile.empty();
        List<LockFile.Entry> entries = new ArrayList<>();
        for (AssetRequest request : requests) {
            Path output = outputDirectory.resolve(request.id() + ".png");
            Files.createDirectories(output.getParent());
            Files.write(output, ("pixels of " + request.id() + " ").repeat(2000).getBytes(StandardCharsets.UTF_8));
            Files.setLastModifiedTime(output, FileTime.from(Instant.now().minusSeconds(3600)));
            LockFile.LockedFile file = LockFile.LockedFile.describe(outputDirectory, output);
            outputs.add(file);
            entries.add(new LockFile.Entry(
                    request.id(),
                    CacheKey.of(request),
                    request.provider(),
                    request.model(),
                    List.of(file),
                    Cost.credits(6),
                    null,
                    List.of("user:1-image:" + request.id()),
                    "2026-11-26T00:00:00Z"));
        }
        lock = built.withAll(entries);
        lockFile = dir.resolve("assets.lock.json");
        // two versions that differ in one date, so each read parses (a read of the same bytes is remembered)
        byte[] one = lock.toBytes();
        byte[] two = new String(one, StandardCharsets.UTF_8)
                .replaceFirst("2026-11-26T00:00:00Z", "2026-11-26T00:00:01Z")
                .getBytes(StandardCharsets.UTF_8);
        lockVersions = new byte[][] {one, two};
        stampFile = dir.resolve("target/assetgen/output-stamps.tsv");
        OutputStamps stamps = OutputStamps.read(stampFile, Clock.systemUTC());
        for (LockFile.LockedFile file : outputs) {
            stamps.holds(outputDirectory.resolve(file.path()), file.sha256(), file.size());
        }
        stamps.save();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private List<AssetRequest> validate() {
        SpecSet read = new SpecReader().read(specs, dir, dir);
        Validation validation = RuleBook.standard().validate(read.assets(), new ValidationContext(dir, false, dir));
        if (!validation.problems().isEmpty()) {
            throw new IllegalStateException("the benchmark's specs are invalid: " + validation.problems());
        }
        return validation.requests();
    }

    /** Reading and parsing the spec files. */
    @Benchmark
    public SpecSet specRead() {
        return new SpecReader().read(specs, dir, dir);
    }

    /** Reading, parsing and checking every spec: what validate-assets does. */
    @Benchmark
    public List<AssetRequest> specValidate() {
        return validate();
    }

    /** The cache key of every asset. */
    @Benchmark
    public int cacheKeys() {
        int sum = 0;
        for (AssetRequest request : requests) {
            sum += CacheKey.of(request).charAt(0);
        }
        return sum;
    }

    /** Reading a lock whose bytes changed since the last read (so it is parsed). */
    @Benchmark
    public LockFile lockRead() throws IOException {
        Files.write(lockFile, lockVersions[version ^= 1]);
        return LockFile.read(lockFile);
    }

    /** Rendering a lock and finding the file already holds those bytes (so it is not written). */
    @Benchmark
    public boolean lockWriteUnchanged() throws IOException {
        Files.write(lockFile, lockVersions[0]);
        return LockFile.empty().withAll(lock.entries()).write(lockFile, dir);
    }

    /** Proving every output unchanged from the stamps of an earlier build. */
    @Benchmark
    public int outputsByStamp() throws IOException {
        OutputStamps stamps = OutputStamps.read(stampFile, Clock.systemUTC());
        int held = 0;
        for (LockFile.LockedFile file : outputs) {
            held += stamps.holds(outputDirectory.resolve(file.path()), file.sha256(), file.size()) ? 1 : 0;
        }
        return held;
    }

    /** Proving every output unchanged by hashing it: what every no-op build did before stamps. */
    @Benchmark
    public int outputsByHash() throws IOException {
        OutputStamps none = OutputStamps.none();
        int held = 0;
        for (LockFile.LockedFile file : outputs) {
            held += none.holds(outputDirectory.resolve(file.path()), file.sha256(), file.size()) ? 1 : 0;
        }
        return held;
    }
}
