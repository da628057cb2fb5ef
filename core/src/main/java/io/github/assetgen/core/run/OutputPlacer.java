package io.github.assetgen.core.run;

import io.github.assetgen.core.provider.MediaFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * Writes a cached file to its output path so that the file's extension always matches its content:
 * a PNG asked for as {@code .jpg} (or the reverse) is converted; a format that cannot be converted
 * keeps its bytes and gets its real extension. Writes are atomic: a temporary file beside the
 * target, then a move. Stateless.
 */
final class OutputPlacer {

    private final Path outputDirectory;

    OutputPlacer(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /** Places {@code source} (of format {@code format}) at {@code relativeOutput}. */
    OutputFile place(Path source, MediaFormat format, String relativeOutput) throws IOException {
        MediaFormat wanted = MediaFormat.fromExtension(relativeOutput);
        String relative = relativeOutput;
        Path target = outputDirectory.resolve(relative);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            MediaFormat written = format;
            if (wanted == format || !convertible(format, wanted)) {
                if (wanted != format) {
                    relative = withExtension(relativeOutput, format.extension());
                    target = outputDirectory.resolve(relative);
                }
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            } else {
                convert(source, wanted, temp);
                written = wanted;
            }
            moveIntoPlace(temp, target);
            return new OutputFile(relative, target, Files.size(target), sha256(target), written);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static boolean convertible(MediaFormat from, MediaFormat to) {
        return (from == MediaFormat.PNG || from == MediaFormat.JPEG) && (to == MediaFormat.PNG || to == MediaFormat.JPEG);
    }

    private static void convert(Path source, MediaFormat wanted, Path temp) throws IOException {
        BufferedImage image = ImageIO.read(source.toFile());
        if (image == null) {
            throw new IOException("cannot decode " + source);
        }
        if (wanted == MediaFormat.JPEG && image.getColorModel().hasAlpha()) {
            // JPEG has no alpha channel: flatten onto white, as browsers show it
            BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = flat.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
            image = flat;
        }
        if (!ImageIO.write(image, wanted == MediaFormat.JPEG ? "jpeg" : "png", temp.toFile())) {
            throw new IOException("no ImageIO writer for " + wanted);
        }
    }

    static String withExtension(String path, String extension) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String stem = dot > slash ? path.substring(0, dot) : path;
        return stem + "." + extension;
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
