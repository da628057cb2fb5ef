package io.github.assetgen.core.request;

import java.util.Locale;

/** What an asset is: a still image or a video. */
public enum AssetType {
    IMAGE("png"),
    VIDEO("mp4");

    private final String defaultExtension;
    /** Made once: every report line of every asset asks for it. */
    private final String specName;

    AssetType(String defaultExtension) {
        this.defaultExtension = defaultExtension;
        this.specName = name().toLowerCase(Locale.ROOT);
    }

    /** The extension an output gets when the spec names none. */
    public String defaultExtension() {
        return defaultExtension;
    }

    /** The spelling used in spec files and the cache key. */
    public String specName() {
        return specName;
    }

    /** Parses the spec spelling; null when unknown. */
    public static AssetType fromSpecName(String name) {
        for (AssetType type : values()) {
            if (type.specName().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
