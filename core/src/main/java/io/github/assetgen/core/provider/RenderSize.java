package io.github.assetgen.core.provider;

/**
 * The pixel size (and for videos the length) a model produces for a request; the placeholder
 * provider renders at this size.
 *
 * @param durationSeconds the video length, 0 for images
 */
public record RenderSize(int width, int height, int durationSeconds) {}
