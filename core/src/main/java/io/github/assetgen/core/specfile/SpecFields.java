package io.github.assetgen.core.specfile;

import java.util.List;

/** The field names an asset (and a file's {@code defaults}) may use: the contract's neutral names. */
public final class SpecFields {

    /** Every asset field, in the contract's order. */
    public static final List<String> ASSET_FIELDS = List.of(
            "id",
            "type",
            "provider",
            "model",
            "prompt",
            "promptOptimization",
            "aspectRatio",
            "resolution",
            "quality",
            "quantity",
            "seed",
            "size",
            "references",
            "character",
            "firstFrame",
            "endFrame",
            "options",
            "account",
            "output",
            "pick");

    /** The keys a spec file may have at its top level. */
    public static final List<String> FILE_KEYS = List.of("defaults", "assets");

    private SpecFields() {}
}
