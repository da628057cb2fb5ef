package io.github.assetgen.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.assetgen.core.provider.Cost;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The wire form of {@code assets.lock.json}; the public {@link LockFile} records stay free of Jackson. */
@JsonPropertyOrder({"lockVersion", "assets"})
record LockFileJson(Integer lockVersion, Map<String, AssetJson> assets) {

    static final int LOCK_VERSION = 1;

    LockFileJson {
        if (lockVersion == null) {
            throw new IllegalArgumentException("missing \"lockVersion\"");
        }
        if (lockVersion != LOCK_VERSION) {
            throw new IllegalArgumentException("lockVersion " + lockVersion
                    + " is not supported by this version of assetgen (it writes " + LOCK_VERSION + ")");
        }
        if (assets == null) {
            throw new IllegalArgumentException("missing \"assets\"");
        }
    }

    /**
     * One asset, keyed by id in the enclosing map. {@code credits} is the text cost of locks written
     * before costs were numbers; it is read, never written.
     */
    @JsonPropertyOrder({
        "key",
        "provider",
        "model",
        "files",
        "pick",
        "partial",
        "cost",
        "credits",
        "jobIds",
        "generatedAt"
    })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AssetJson(
            String key,
            String provider,
            String model,
            List<FileJson> files,
            Integer pick,
            PartialJson partial,
            CostJson cost,
            String credits,
            List<String> jobIds,
            String generatedAt) {

        /** The numeric cost, or the text one of a lock written before costs were numbers. */
        Cost costOrLegacy() {
            if (cost == null) {
                return Cost.parse(credits);
            }
            Cost read = Cost.of(cost.unit(), cost.amount());
            if (read == null) {
                throw new IllegalArgumentException("cost \"" + cost.unit()
                        + "\" needs an amount and one of the units credits, usd, free, unknown");
            }
            return read;
        }

        AssetJson {
            require(key, "key");
            require(provider, "provider");
            require(model, "model");
            require(files, "files");
            require(generatedAt, "generatedAt");
            jobIds = jobIds == null ? List.of() : jobIds;
        }
    }

    /** A cost: {@code amount} is absent for {@code unknown}. */
    @JsonPropertyOrder({"amount", "unit"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CostJson(BigDecimal amount, String unit) {

        CostJson {
            require(unit, "unit");
        }

        /** Plain amounts ({@code 10}, never {@code 1E+1}), none for unknown: a cost always writes the same bytes. */
        static CostJson of(Cost cost) {
            BigDecimal amount = cost.unit() == Cost.Unit.UNKNOWN
                    ? null
                    : new BigDecimal(cost.amount().stripTrailingZeros().toPlainString());
            return new CostJson(amount, cost.unitName());
        }
    }

    /** A batch of which only {@code have} of {@code of} files came back. */
    @JsonPropertyOrder({"have", "of"})
    record PartialJson(Integer have, Integer of) {

        PartialJson {
            require(have, "have");
            require(of, "of");
        }

        static PartialJson of(LockFile.Partial partial) {
            return partial == null ? null : new PartialJson(partial.have(), partial.of());
        }

        LockFile.Partial toPartial() {
            return new LockFile.Partial(have, of);
        }
    }

    /** One output file. */
    @JsonPropertyOrder({"path", "sha256", "size"})
    record FileJson(String path, String sha256, Long size) {

        FileJson {
            require(path, "path");
            require(sha256, "sha256");
            require(size, "size");
        }
    }

    /**
     * The entries of a lock file's bytes, keyed by id.
     *
     * @throws LockFileException if the bytes are not a valid lock file (naming file, line and column)
     * @throws IOException if Jackson cannot read them
     */
    static SortedMap<String, LockFile.Entry> parse(Path file, byte[] bytes) throws IOException {
        LockFileJson json;
        try {
            json = StoreJson.MAPPER.readValue(bytes, LockFileJson.class);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            int column = location == null ? 1 : Math.max(1, location.getColumnNr());
            throw new LockFileException(file, line, column, "malformed lock file: " + describe(e));
        }
        if (json == null) {
            throw new LockFileException(file, 1, 1, "malformed lock file: it holds null");
        }
        SortedMap<String, LockFile.Entry> entries = new TreeMap<>();
        for (Map.Entry<String, AssetJson> asset : json.assets().entrySet()) {
            AssetJson a = asset.getValue();
            try {
                List<LockFile.LockedFile> files = new ArrayList<>();
                for (FileJson f : a.files()) {
                    files.add(new LockFile.LockedFile(f.path(), f.sha256(), f.size()));
                }
                entries.put(
                        asset.getKey(),
                        new LockFile.Entry(
                                asset.getKey(),
                                a.key(),
                                a.provider(),
                                a.model(),
                                files,
                                a.costOrLegacy(),
                                a.partial() == null ? null : a.partial().toPartial(),
                                a.jobIds(),
                                a.generatedAt(),
                                a.pick()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new LockFileException(
                        file, lineOf(bytes, asset.getKey()), 1, "asset \"" + asset.getKey() + "\": " + e.getMessage());
            }
        }
        return entries;
    }

    /** The stable bytes of a lock holding {@code entries} (sorted by id, fixed key order). */
    static byte[] serialize(Collection<LockFile.Entry> entries) {
        Map<String, AssetJson> assets = new TreeMap<>();
        for (LockFile.Entry e : entries) {
            List<FileJson> files = new ArrayList<>();
            for (LockFile.LockedFile f : e.files()) {
                files.add(new FileJson(f.path(), f.sha256(), f.size()));
            }
            assets.put(
                    e.id(),
                    new AssetJson(
                            e.key(),
                            e.provider(),
                            e.model(),
                            files,
                            e.pick(),
                            PartialJson.of(e.partial()),
                            CostJson.of(e.cost()),
                            null,
                            e.jobIds(),
                            e.generatedAt()));
        }
        try {
            return StoreJson.toBytes(new LockFileJson(LOCK_VERSION, assets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the lock file DTOs always serialise", e);
        }
    }

    private static String describe(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The line where an asset id appears as a key, for messages about errors found after parsing. */
    private static int lineOf(byte[] bytes, String id) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("\"" + id + "\"");
        if (at < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
    }
}
