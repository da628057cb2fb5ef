package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetType;

/**
 * The model a provider uses when a spec names none, per asset type.
 *
 * @param image the image model, or null when the provider makes no images
 * @param textToVideo the video model for a video without a first frame, or null when the provider makes no videos
 * @param imageToVideo the video model for a video with a first frame, or null when the provider makes no videos
 */
public record DefaultModels(String image, String textToVideo, String imageToVideo) {

    /** The default model, or null when the provider makes nothing of that type. */
    public String forType(AssetType type, boolean hasFirstFrame) {
        if (type == AssetType.IMAGE) {
            return image;
        }
        return hasFirstFrame ? imageToVideo : textToVideo;
    }
}
