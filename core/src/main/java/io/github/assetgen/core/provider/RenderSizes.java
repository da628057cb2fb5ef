package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How providers turn a request's parameters into the pixel size of their result: shared by every
 * provider's {@link ProviderDescriptor#renderSize}. Stateless.
 */
public final class RenderSizes {

    /**
     * Preset sizes by aspect ratio of MiniMax's {@code image-01}, which both MiniMax's own API and
     * APIXO (as {@code minimax-image-01}, at 1K) serve.
     */
    public static final Map<String, int[]> IMAGE_01_PRESETS = Map.of(
            "1:1",
            new int[] {1024, 1024},
            "16:9",
            new int[] {1280, 720},
            "4:3",
            new int[] {1152, 864},
            "3:2",
            new int[] {1248, 832},
            "2:3",
            new int[] {832, 1248},
            "3:4",
            new int[] {864, 1152},
            "9:16",
            new int[] {720, 1280},
            "21:9",
            new int[] {1344, 576});

    /**
     * Landscape frame size per video resolution tier (9:16 swaps them). The documents name tiers
     * only; these are the usual 16:9 frames of each height.
     */
    private static final Map<String, int[]> VIDEO_TIERS = Map.of(
            "512p",
            new int[] {910, 512},
            "720p",
            new int[] {1280, 720},
            "768p",
            new int[] {1366, 768},
            "1080p",
            new int[] {1920, 1080},
            "4k",
            new int[] {3840, 2160});

    private static final Pattern OPTION = Pattern.compile("(?:veo-)?(\\d+p|4k)-(\\d+)sec");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,6})[*xX](\\d{1,6})");

    private RenderSizes() {}

    /** The frame size and length of a video model's result, from its {@code options} (e.g. {@code 768p-6sec}). */
    public static RenderSize video(ModelRules rules, AssetRequest request) {
        String option = pick(request, "options", rules.options(), rules.defaultOption(), null);
        if (option == null) {
            option = rules.nativeOption() == null ? "720p-6sec" : rules.nativeOption();
        }
        Matcher m = OPTION.matcher(option);
        int[] tier = VIDEO_TIERS.get("720p");
        int seconds = 6;
        if (m.matches()) {
            tier = VIDEO_TIERS.getOrDefault(m.group(1), tier);
            seconds = Integer.parseInt(m.group(2));
        }
        String ratio = aspectRatio(rules, request, "16:9");
        boolean portrait = "9:16".equals(ratio);
        return new RenderSize(portrait ? tier[1] : tier[0], portrait ? tier[0] : tier[1], seconds);
    }

    /** The request's aspect ratio when the model takes it, else the model's default, else {@code fallback}. */
    public static String aspectRatio(ModelRules rules, AssetRequest request, String fallback) {
        return pick(request, "aspectRatio", rules.aspectRatios(), rules.defaultAspectRatio(), fallback);
    }

    /** The request's resolution when the model takes it, else the model's default, else {@code fallback}. */
    public static String resolution(ModelRules rules, AssetRequest request, String fallback) {
        return pick(request, "resolution", rules.resolutions(), rules.defaultResolution(), fallback);
    }

    private static String pick(AssetRequest request, String name, List<String> allowed, String dflt, String fallback) {
        String value = request.text(name).orElse(null);
        if (value != null && allowed.contains(value)) {
            return value;
        }
        return dflt == null ? fallback : dflt;
    }

    /** The preset of an aspect ratio, or the 1:1 one. */
    public static RenderSize fromPreset(Map<String, int[]> presets, String ratio) {
        int[] size = presets.getOrDefault(ratio, presets.get("1:1"));
        return new RenderSize(size[0], size[1], 0);
    }

    /** An image whose longer side is {@code longSide}, the other following the aspect ratio. */
    public static RenderSize byLongSide(int longSide, String ratio) {
        int[] r = parseRatio(ratio).orElse(new int[] {1, 1});
        if (r[0] >= r[1]) {
            return new RenderSize(longSide, Math.round((float) longSide * r[1] / r[0]), 0);
        }
        return new RenderSize(Math.round((float) longSide * r[0] / r[1]), longSide, 0);
    }

    private static Optional<int[]> parseRatio(String ratio) {
        String[] parts = ratio.split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Width and height of an explicit {@code size} ({@code 1024*1024}, {@code 1024x1024}, {@code 1024X1024}). */
    public static Optional<int[]> parseSize(String size) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }

    /** The nearest multiple of 8 (APIXO rounds sizes this way; halves round up). */
    public static int roundTo8(int value) {
        return Math.round(value / 8f) * 8;
    }
}
