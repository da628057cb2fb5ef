package io.github.assetgen.core.provider.placeholder;

import io.github.assetgen.core.files.Hashing;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Paints one placeholder picture: a pattern seeded by the prompt's hash, the prompt word-wrapped
 * in the middle, a header naming it a placeholder with its size, and a footer with model and asset
 * id. Nothing depends on the clock or an unseeded random, so the same inputs give the same pixels.
 */
final class PlaceholderPainter {

    static {
        // a build server has no display; AWT must not try to open one
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int SHAPES = 14;
    private static final String ELLIPSIS = "\u2026";

    private final int width;
    private final int height;
    private final long seed;
    private final String prompt;
    private final String header;
    private final String footer;

    PlaceholderPainter(int width, int height, String prompt, int variant, String header, String footer) {
        this.width = width;
        this.height = height;
        this.prompt = prompt.isBlank() ? "(no prompt)" : prompt.strip();
        byte[] promptHash = Hashing.sha256().digest(prompt.getBytes(StandardCharsets.UTF_8));
        this.seed = ByteBuffer.wrap(promptHash).getLong() + 0x9E3779B97F4A7C15L * variant;
        this.header = header;
        this.footer = footer;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The still picture (also the unchanging part of every video frame). */
    BufferedImage paint() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            setHints(g);
            paintPattern(g);
            try {
                paintText(g);
            } catch (RuntimeException | InternalError | LinkageError e) {
                // a JDK without usable fonts (minimal containers) still gets a valid picture
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Copies {@code base} into {@code frame} and draws the progress bar and time counter of frame
     * {@code index} (0-based) of {@code frames} spread over {@code totalSeconds}.
     */
    void paintFrame(BufferedImage base, BufferedImage frame, int index, int frames, int totalSeconds) {
        byte[] from = ((DataBufferByte) base.getRaster().getDataBuffer()).getData();
        byte[] to = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        System.arraycopy(from, 0, to, 0, from.length);
        Graphics2D g = frame.createGraphics();
        try {
            setHints(g);
            int bar = progressBarHeight();
            g.setColor(new Color(0, 0, 0, 150));
            g.fillRect(0, height - bar, width, bar);
            g.setColor(new Color(255, 196, 0));
            // the bar shows the end of the frame's time span, so the last frame shows a full bar
            g.fillRect(0, height - bar, (int) ((long) width * (index + 1) / frames), bar);
            try {
                String counter = clock((double) index * totalSeconds / frames) + " / " + clock(totalSeconds);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, captionSize()));
                FontMetrics fm = g.getFontMetrics();
                int x = width - margin() - fm.stringWidth(counter);
                int y = margin() + fm.getAscent();
                g.setColor(new Color(0, 0, 0, 160));
                g.fillRect(
                        x - fm.getHeight() / 4,
                        y - fm.getAscent(),
                        fm.stringWidth(counter) + fm.getHeight() / 2,
                        fm.getHeight());
                g.setColor(Color.WHITE);
                g.drawString(counter, x, y);
            } catch (RuntimeException | InternalError | LinkageError e) {
                // no fonts: the progress bar alone shows the time
            }
        } finally {
            g.dispose();
        }
    }

    private int progressBarHeight() {
        return Math.max(2, height / 40);
    }

    private static String clock(double seconds) {
        int whole = (int) Math.floor(seconds + 1e-9);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    private static void setHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private int margin() {
        return Math.max(2, Math.min(width, height) / 20);
    }

    private int captionSize() {
        return Math.max(8, Math.min(width, height) / 28);
    }

    private void paintPattern(Graphics2D g) {
        Random random = new Random(seed);
        float hue = random.nextFloat();
        g.setColor(Color.getHSBColor(hue, 0.55f, 0.30f));
        g.fillRect(0, 0, width, height);
        int span = Math.max(width, height);
        // a constant number of shapes keeps the cost independent of the prompt and size
        for (int i = 0; i < SHAPES; i++) {
            Color tint = Color.getHSBColor(
                    hue + (random.nextFloat() - 0.5f) * 0.3f, 0.6f, 0.35f + random.nextFloat() * 0.35f);
            g.setColor(new Color(tint.getRed(), tint.getGreen(), tint.getBlue(), 70 + random.nextInt(80)));
            int size = (int) (span * (0.1 + random.nextDouble() * 0.5));
            int x = (int) (random.nextDouble() * width) - size / 2;
            int y = (int) (random.nextDouble() * height) - size / 2;
            if (random.nextBoolean()) {
                g.fillOval(x, y, size, size);
            } else {
                g.fillRoundRect(x, y, size, size / 2, size / 8, size / 8);
            }
        }
        g.setColor(new Color(255, 255, 255, 90));
        g.setStroke(new BasicStroke(Math.max(1, Math.min(width, height) / 200f)));
        g.drawRect(margin() / 2, margin() / 2, width - margin(), height - margin());
    }

    private void paintText(Graphics2D g) {
        int margin = margin();
        int maxWidth = Math.max(1, width - 2 * margin);

        Font captionFont = new Font(Font.SANS_SERIF, Font.BOLD, captionSize());
        g.setFont(captionFont);
        FontMetrics captionMetrics = g.getFontMetrics();
        String top = fitLine(header, captionMetrics, maxWidth);
        String bottom = fitLine(footer, captionMetrics, maxWidth);
        int topBaseline = margin + captionMetrics.getAscent();
        int bottomBaseline = height - margin - captionMetrics.getDescent() - progressBarHeight();
        g.setColor(new Color(255, 255, 255, 220));
        g.drawString(top, margin, topBaseline);
        g.drawString(bottom, margin, bottomBaseline);

        int areaTop = topBaseline + captionMetrics.getDescent() + margin / 2;
        int areaBottom = bottomBaseline - captionMetrics.getAscent() - margin / 2;
        int areaHeight = areaBottom - areaTop;
        if (areaHeight <= 0) {
            return;
        }
        int minSize = Math.max(8, Math.min(width, height) / 70);
        int size = Math.max(minSize, Math.min(width, height) / 12);
        List<String> lines;
        FontMetrics fm;
        while (true) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            fm = g.getFontMetrics();
            lines = wrap(prompt, fm, maxWidth);
            if (lines.size() * fm.getHeight() <= areaHeight || size == minSize) {
                break;
            }
            size = Math.max(minSize, size * 7 / 8);
        }
        int fitting = Math.max(1, areaHeight / fm.getHeight());
        if (lines.size() > fitting) {
            lines = new ArrayList<>(lines.subList(0, fitting));
            int last = lines.size() - 1;
            lines.set(last, fitLine(lines.get(last) + ELLIPSIS, fm, maxWidth));
        }
        int blockHeight = lines.size() * fm.getHeight();
        int blockWidth = 0;
        for (String line : lines) {
            blockWidth = Math.max(blockWidth, fm.stringWidth(line));
        }
        int y = areaTop + Math.max(0, (areaHeight - blockHeight) / 2);
        int pad = fm.getHeight() / 3;
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(new Color(0, 0, 0, 120));
        g.fillRoundRect((width - blockWidth) / 2 - pad, y - pad, blockWidth + 2 * pad, blockHeight + 2 * pad, pad, pad);
        g.setColor(Color.WHITE);
        for (String line : lines) {
            g.drawString(line, (width - fm.stringWidth(line)) / 2, y + fm.getAscent());
            y += fm.getHeight();
        }
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    static List<String> wrap(String text, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (fm.stringWidth(candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (fm.stringWidth(word) > maxWidth && word.length() > 1) {
                    int cut = 1;
                    while (cut < word.length() - 1 && fm.stringWidth(word.substring(0, cut + 1)) <= maxWidth) {
                        cut++;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static String fitLine(String text, FontMetrics fm, int maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && fm.stringWidth(cut + ELLIPSIS) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + ELLIPSIS;
    }
}
