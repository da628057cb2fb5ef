package io.github.assetgen.core.specfile;

import java.util.List;

/**
 * What reading a spec directory produced: the assets that could be read, and every problem met
 * while reading (malformed files, unknown fields, wrong shapes). Immutable.
 */
public record SpecSet(List<AssetSpec> assets, List<Problem> problems) {

    public SpecSet {
        assets = List.copyOf(assets);
        problems = List.copyOf(problems);
    }
}
