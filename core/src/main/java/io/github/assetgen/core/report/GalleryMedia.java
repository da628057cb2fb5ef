package io.github.assetgen.core.report;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.ImageHeaders;
import io.github.assetgen.core.files.MediaFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pictures and videos {@code report.html} shows, as files under {@value #DIR}/ of the report
 * directory, so that directory alone is the whole gallery (Jenkins' publishHTML and CI artifacts copy
 * only it). Images become thumbnails at most {@value #THUMB_WIDTH} px wide, named by the source's
 * SHA-256 so a build whose outputs did not change reuses them (and, with a store, a build after
 * {@code clean} copies them back); videos are copied up to
 * {@link #MAX_VIDEO_BYTES} each and {@link #MAX_VIDEO_TOTAL} in all, else linked to the output. Not
 * thread-safe: one instance renders one report.
 */
final class GalleryMedia {

    static final String DIR = "media";
    static final int THUMB_WIDTH = 640;
    /** An image this small and this narrow is copied as it is: scaling would save little. */
    static final long SMALL_IMAGE_BYTES = 256 * 1024;
    /** Images ImageIO cannot decode (WebP) are copied up to this size, else shown as a labelled box. */
    static final long MAX_COPIED_IMAGE_BYTES = 2 * 1024 * 1024;

    static final long MAX_VIDEO_BYTES = 20L * 1024 * 1024;
    static final long MAX_VIDEO_TOTAL = 100L * 1024 * 1024;

    /** How a file appears on its card. */
    enum Kind {
        IMAGE,
        VIDEO,
        /** A link to the file in the output directory (a video over the limits, an unknown format). */
        LINK,
        /** No picture: a labelled box. */
        NONE
    }

    /**
     * One file as the card shows it.
     *
     * @param kind how it is shown
     * @param src the URL relative to the report, or null for {@link Kind#NONE}
     * @param note why it is not shown in full (a link, a placeholder), or null
     */
    record Shown(Kind kind, String src, String note) {}

    private final Path reportDir;
    private final Path mediaDir;
    private final Path store;
    private final long maxVideo;
    private final long maxVideoTotal;
    private final Set<String> used = new HashSet<>();
    private long videoBytes;

    /**
     * @param store where thumbnails are also kept across {@code clean} (see {@link
     *     ReportWriter#ReportWriter(Path)}), or null
     */
    GalleryMedia(Path reportDir, Path store) {
        this(reportDir, store, MAX_VIDEO_BYTES, MAX_VIDEO_TOTAL);
    }

    /** With other video limits (tests). */
    GalleryMedia(Path reportDir, Path store, long maxVideo, long maxVideoTotal) {
        this.reportDir = reportDir;
        this.mediaDir = reportDir.resolve(DIR);
        this.store = store;
        this.maxVideo = maxVideo;
        this.maxVideoTotal = maxVideoTotal;
    }

    /** Where the report is; media URLs are relative to it. */
    Path reportDir() {
        return reportDir;
    }

    /**
     * Puts a file into the gallery and says how its card shows it. A file that cannot be read is a
     * labelled box, never a failure of the report.
     *
     * @param file the output file
     * @param sha256 its hex SHA-256 when known (the lock's or the run's), else null
     */
    Shown show(Path file, String sha256) {
        MediaFormat format;
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                return new Shown(Kind.NONE, null, "file missing");
            }
            // outputs' extensions match their content (the placer makes sure): no read for a no-op build
            format = MediaFormat.fromExtension(file.getFileName().toString());
            if (format == MediaFormat.UNKNOWN) {
                format = MediaFormat.sniff(file);
            }
            size = Files.size(file);
            String name = Hashing.isSha256Hex(sha256) ? sha256 : Hashing.sha256(file);
            return switch (format) {
                case MP4 -> video(file, name, size);
                case PNG, JPEG -> image(file, name, format, size);
                case WEBP -> copyUpTo(file, name + ".webp", size, MAX_COPIED_IMAGE_BYTES, "WebP");
                case UNKNOWN -> new Shown(Kind.LINK, HtmlReport.relativeUrl(reportDir, file), "no preview");
            };
        } catch (IOException | RuntimeException e) {
            // ImageIO throws unchecked exceptions on some damaged files; the gallery says so and goes on
            return new Shown(Kind.NONE, null, "no preview: " + e.getMessage());
        }
    }

    private Shown video(Path file, String name, long size) throws IOException {
        if (size > maxVideo || videoBytes + size > maxVideoTotal) {
            return new Shown(
                    Kind.LINK,
                    HtmlReport.relativeUrl(reportDir, file),
                    "video not copied into the report (" + mib(size) + "; videos are copied up to "
                            + mib(maxVideo) + " each, " + mib(maxVideoTotal) + " in all): open it from the"
                            + " build's output directory");
        }
        videoBytes += size;
        return new Shown(Kind.VIDEO, copy(file, name + ".mp4", size), null);
    }

    private Shown image(Path file, String name, MediaFormat format, long size) throws IOException {
        Path existing = existingThumbnail(name);
        if (existing != null) {
            return new Shown(Kind.IMAGE, use(existing.getFileName().toString()), null);
        }
        if (ImageHeaders.refusal(file, format, true).isPresent()) {
            // a header claiming a gigantic picture: decoding it could exhaust memory
            return new Shown(Kind.NONE, null, "no preview: the image is too large to decode");
        }
        int[] dimensions = ImageHeaders.dimensions(file, format).orElseThrow();
        if (dimensions[0] <= THUMB_WIDTH && size <= SMALL_IMAGE_BYTES) {
            return new Shown(Kind.IMAGE, copy(file, name + "." + format.extension(), size), null);
        }
        String stored = fromStore(name);
        if (stored != null) {
            return new Shown(Kind.IMAGE, stored, null);
        }
        BufferedImage source = Thumbnails.decode(file, dimensions[0], THUMB_WIDTH);
        if (source == null) {
            return copyUpTo(file, name + "." + format.extension(), size, MAX_COPIED_IMAGE_BYTES, format.name());
        }
        boolean alpha = source.getColorModel().hasAlpha();
        String thumbName = name + "-w" + THUMB_WIDTH + (alpha ? ".png" : ".jpg");
        byte[] thumb = Thumbnails.scaled(source, alpha, THUMB_WIDTH);
        AtomicFiles.write(mediaDir.resolve(thumbName), thumb);
        keep(thumbName, thumb);
        return new Shown(Kind.IMAGE, use(thumbName), null);
    }

    /** Keeps a thumbnail in the store; one that cannot be kept is only scaled again next time. */
    private void keep(String thumbName, byte[] thumb) {
        if (store != null) {
            try {
                Files.createDirectories(store);
                AtomicFiles.write(store.resolve(thumbName), thumb);
            } catch (IOException e) {
                // the report has its thumbnail; the store is only a shortcut
            }
        }
    }

    /** A thumbnail of the same bytes from the store, copied into the report, or null. */
    private String fromStore(String name) throws IOException {
        if (store == null) {
            return null;
        }
        for (String suffix : new String[] {"-w" + THUMB_WIDTH + ".jpg", "-w" + THUMB_WIDTH + ".png"}) {
            Path kept = store.resolve(name + suffix);
            if (Files.isRegularFile(kept) && Files.size(kept) > 0) {
                Files.createDirectories(mediaDir);
                AtomicFiles.copy(kept, mediaDir.resolve(name + suffix));
                return use(name + suffix);
            }
        }
        return null;
    }

    /** A thumbnail or copy an earlier build made of the same bytes. */
    private Path existingThumbnail(String name) throws IOException {
        for (String suffix : new String[] {"-w" + THUMB_WIDTH + ".jpg", "-w" + THUMB_WIDTH + ".png", ".png", ".jpg"}) {
            Path candidate = mediaDir.resolve(name + suffix);
            if (Files.isRegularFile(candidate) && Files.size(candidate) > 0) {
                return candidate;
            }
        }
        return null;
    }

    private Shown copyUpTo(Path file, String name, long size, long limit, String formatName) throws IOException {
        if (size > limit) {
            return new Shown(
                    Kind.NONE,
                    null,
                    formatName + " image, " + mib(size) + ": no preview (copied up to " + mib(limit) + ")");
        }
        return new Shown(Kind.IMAGE, copy(file, name, size), null);
    }

    /** Copies the file unless the same bytes are already there (named by their hash, equal size). */
    private String copy(Path file, String name, long size) throws IOException {
        Path target = mediaDir.resolve(name);
        if (!Files.isRegularFile(target) || Files.size(target) != size) {
            Files.createDirectories(mediaDir);
            AtomicFiles.copy(file, target);
        }
        return use(name);
    }

    private String use(String name) {
        used.add(name);
        return DIR + "/" + name;
    }

    /**
     * Deletes the media of older builds that this report does not show, so the directory does not
     * grow build after build.
     *
     * A file that cannot be deleted now (open elsewhere on Windows) stays for the next build: the
     * report is written either way.
     *
     * @return how many files were removed
     */
    int removeUnused() {
        if (!Files.isDirectory(mediaDir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(mediaDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)
                        && !used.contains(file.getFileName().toString())) {
                    try {
                        Files.deleteIfExists(file);
                        removed++;
                    } catch (IOException e) {
                        // left for the next build
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable media directory: the next build tries again
        }
        return removed;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
