package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetType;

/**
 * The most a result download may hold, per asset type: a download stops there (and at the length
 * the server announced), so a hostile or broken CDN cannot fill the disk. Generous for video.
 * Immutable.
 *
 * @param maxImageBytes the cap for one image file
 * @param maxVideoBytes the cap for one video file
 */
public record DownloadLimits(long maxImageBytes, long maxVideoBytes) {

    /** 64 MiB per image, 2 GiB per video. */
    public static final DownloadLimits DEFAULT = new DownloadLimits(64L << 20, 2L << 30);

    public DownloadLimits {
        if (maxImageBytes < 1 || maxVideoBytes < 1) {
            throw new IllegalArgumentException("download limits must be positive");
        }
    }

    /** The cap for a result of {@code type}; the larger one when the type is not known. */
    public long maxBytes(AssetType type) {
        if (type == null) {
            return Math.max(maxImageBytes, maxVideoBytes);
        }
        return type == AssetType.VIDEO ? maxVideoBytes : maxImageBytes;
    }
}
