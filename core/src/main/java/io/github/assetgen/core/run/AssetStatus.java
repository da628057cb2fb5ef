package io.github.assetgen.core.run;

import java.util.Locale;

/** How one asset ended in a build; the words of report.json. */
public enum AssetStatus {
    KEPT,
    RESTORED,
    GENERATED,
    /** Some files of a batch came back and were kept; the next build buys only the missing ones. */
    PARTIAL,
    FAILED,
    SKIPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
