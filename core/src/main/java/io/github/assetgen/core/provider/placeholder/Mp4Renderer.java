package io.github.assetgen.core.provider.placeholder;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Encodes a placeholder video: H.264 in an MP4 container, with JCodec's pure-Java encoder.
 *
 * <p>JCodec needs roughly 0.3 to 0.6 s per 1080p frame (its P-frames are not cheap even when
 * nothing moves), so the frame count comes from a pixel budget: up to {@link #MAX_FPS} frames a
 * second for small videos, at least one a second up to {@link #MAX_PIXELS} pixels in all, and
 * fewer, longer frames beyond that. The duration is exact, because each frame lasts
 * {@code seconds / frames}.
 */
final class Mp4Renderer {

    static final int MAX_FPS = 4;
    /** 1280x720 x 6 s gets 10 frames, 1920x1080 x 6 s gets 6. */
    static final long COMFORTABLE_PIXELS = 10_000_000L;
    /** About 10 to 12 s of encoding (unloaded machine): 3840x2160 x 8 s still gets 1 fps. */
    static final long MAX_PIXELS = 70_000_000L;

    private Mp4Renderer() {}

    /** How many frames a video of this size gets. */
    static int frameCount(int width, int height, int seconds) {
        long pixels = (long) width * height;
        long wanted = Math.min((long) seconds * MAX_FPS, Math.max(2, COMFORTABLE_PIXELS / pixels));
        long atLeastOnePerSecond = Math.max(wanted, seconds);
        long affordable = Math.max(2, MAX_PIXELS / pixels);
        return (int) Math.max(1, Math.min(atLeastOnePerSecond, affordable));
    }

    /** H.264 with 4:2:0 chroma needs even dimensions. */
    static int even(int pixels) {
        return pixels + (pixels & 1);
    }

    static void render(PlaceholderPainter painter, int seconds, Path target) throws IOException {
        int width = painter.width();
        int height = painter.height();
        int frames = frameCount(width, height, seconds);
        BufferedImage base = painter.paint();
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Picture picture = Picture.create(width, height, ColorSpace.RGB);
        try (SeekableByteChannel channel = NIOUtils.writableChannel(target.toFile())) {
            // timescale = frames and frame duration = seconds: the video lasts exactly `seconds`
            SequenceEncoder encoder =
                    new SequenceEncoder(channel, Rational.R(frames, seconds), Format.MOV, Codec.H264, null);
            for (int i = 0; i < frames; i++) {
                painter.paintFrame(base, frame, i, frames, seconds);
                toPicture(frame, picture);
                encoder.encodeNativeFrame(picture);
            }
            encoder.finish();
        }
        Mp4Timestamps.clear(target);
    }

    /** BGR bytes to JCodec's interleaved RGB, whose samples are stored minus 128. */
    private static void toPicture(BufferedImage image, Picture picture) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = picture.getPlaneData(0);
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = (byte) ((bgr[i + 2] & 0xff) - 128);
            rgb[i + 1] = (byte) ((bgr[i + 1] & 0xff) - 128);
            rgb[i + 2] = (byte) ((bgr[i] & 0xff) - 128);
        }
    }
}
