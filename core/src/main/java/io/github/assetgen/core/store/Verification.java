package io.github.assetgen.core.store;

/** How much {@link AssetCache#find(String, Verification)} checks before it trusts an entry. */
public enum Verification {
    /** entry.json parses and every file exists with its recorded size; cheap enough for every build. */
    SIZE,
    /** SIZE plus the SHA-256 of every file; reads every byte, so minutes for a cache of videos. */
    FULL
}
