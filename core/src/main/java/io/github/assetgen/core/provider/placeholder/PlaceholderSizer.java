package io.github.assetgen.core.provider.placeholder;

import io.github.assetgen.core.request.AssetRequest;

/**
 * Tells the placeholder how big a real provider's result for a request would be, so a placeholder
 * has the dimensions (and, for videos, the duration) the real asset will have.
 */
@FunctionalInterface
public interface PlaceholderSizer {

    /** The size the request's model would render; durationSeconds is 0 for images. */
    Size sizeOf(AssetRequest request);

    /**
     * Pixel dimensions and duration of one render. Immutable.
     *
     * @param width pixels, at least 1
     * @param height pixels, at least 1
     * @param durationSeconds seconds for a video, 0 for an image
     */
    record Size(int width, int height, int durationSeconds) {

        public Size {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("size must be at least 1x1, was " + width + "x" + height);
            }
            if (durationSeconds < 0) {
                throw new IllegalArgumentException("durationSeconds must not be negative, was " + durationSeconds);
            }
        }
    }
}
