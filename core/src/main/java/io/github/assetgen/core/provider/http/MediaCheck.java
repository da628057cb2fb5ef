package io.github.assetgen.core.provider.http;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.ImageHeaders;
import io.github.assetgen.core.files.MediaEnds;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.request.AssetType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a downloaded file is what the asset asked for: a whole image (PNG, JPEG, WebP) whose header
 * claims a decodable size, or a whole MP4 video. An HTML error page served with status 200, a
 * decompression bomb or a file cut off at its source must never be placed, cached or locked.
 * Stateless.
 */
final class MediaCheck {

    /** How much of an unexpected body is quoted. */
    static final int QUOTED_CHARS = 40;

    private MediaCheck() {}

    /**
     * What is wrong with the file, or null when it is the expected media.
     *
     * @param type the asset's type, or null to accept anything
     * @param contentType the Content-Type the server sent, or null
     */
    static String problem(Path file, AtomicFiles.Copied copied, AssetType type, String contentType) throws IOException {
        if (type == null) {
            return null;
        }
        MediaFormat format = copied.format();
        if (type == AssetType.VIDEO) {
            if (format != MediaFormat.MP4) {
                return "expected an MP4 video but " + arrived(file, copied, contentType);
            }
            return MediaEnds.cutOff(file, format)
                    .map(why -> "the MP4 video is refused: " + why)
                    .orElse(null);
        }
        if (format != MediaFormat.PNG && format != MediaFormat.JPEG && format != MediaFormat.WEBP) {
            return "expected an image but " + arrived(file, copied, contentType);
        }
        Optional<String> refusal = ImageHeaders.refusal(file, format, false);
        if (refusal.isEmpty()) {
            refusal = MediaEnds.cutOff(file, format);
        }
        return refusal.map(why -> "the " + format.name() + " image is refused: " + why)
                .orElse(null);
    }

    /** "got text/html, 1234 bytes, starting '<!doctype html>'", printable and short. */
    static String arrived(Path file, AtomicFiles.Copied copied, String contentType) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(QUOTED_CHARS);
        }
        StringBuilder start = new StringBuilder();
        for (byte b : head) {
            char c = (char) (b & 0xff);
            start.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '.');
        }
        String type = contentType == null ? copied.format().mediaType() : printable(contentType);
        return "got " + type + ", " + copied.size() + " bytes, starting '" + start + "'";
    }

    private static String printable(String text) {
        int semicolon = text.indexOf(';');
        String bare = (semicolon >= 0 ? text.substring(0, semicolon) : text).trim();
        String cleaned = bare.replaceAll("[^\\x20-\\x7e]", ".");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }
}
