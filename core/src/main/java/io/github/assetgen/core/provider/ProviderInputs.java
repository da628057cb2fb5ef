package io.github.assetgen.core.provider;

import io.github.assetgen.core.files.MediaFormat;
import java.util.List;

/**
 * Which input files (references, character, first and end frames) a provider takes, and the spec
 * fields only it reads.
 *
 * @param urls whether it takes https URLs
 * @param localFiles whether it takes files of the project (uploaded, or sent inline)
 * @param localFormats the image formats it takes as local files, in the order messages name them
 * @param maxLocalBytes the largest local file it takes, in bytes
 * @param account whether the spec's {@code account} field applies (several accounts behind one token)
 * @param mentions whether it reads {@code @ImageN} mentions of references in prompts
 */
public record ProviderInputs(
        boolean urls,
        boolean localFiles,
        List<MediaFormat> localFormats,
        long maxLocalBytes,
        boolean account,
        boolean mentions) {

    /** The images a spec can name: PNG, JPEG and WebP. */
    public static final List<MediaFormat> IMAGES = List.of(MediaFormat.PNG, MediaFormat.JPEG, MediaFormat.WEBP);

    public ProviderInputs {
        localFormats = List.copyOf(localFormats);
    }

    public boolean acceptsUrls() {
        return urls;
    }

    public boolean acceptsLocalFiles() {
        return localFiles;
    }

    /** Whether a local file of this format is taken. */
    public boolean accepts(MediaFormat format) {
        return localFormats.contains(format);
    }
}
