package io.github.assetgen.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.assetgen.core.provider.Cost;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
    }
}
