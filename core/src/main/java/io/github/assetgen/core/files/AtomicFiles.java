package io.github.assetgen.core.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader, or the next build after a {@code kill -9}, sees either the old
 * file or the whole new one: temporary file in the same directory, fsync, atomic rename, fsync of
 * the directory. Temporary names start with {@value #TEMP_PREFIX} so leftovers can be recognised
 * and removed by {@link #cleanStaleTemps}. Stateless and thread-safe.
 */
public final class AtomicFiles {

    /** Prefix of every temporary file or directory the store creates. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final int MOVE_ATTEMPTS = 5;
    private static final long MOVE_RETRY_MILLIS = 20;

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with {@code bytes} atomically, creating parent directories.
     *
     * @param target the file to write
     * @param bytes its new content
     * @return the size, SHA-256 and format of what was written
     * @throws IOException if the file cannot be written or moved into place; the target is then
     *     unchanged and no temporary file is left behind
     */
    public static Copied write(Path target, byte[] bytes) throws IOException {
        Path temp = createTempBeside(target);
        try {
            Copied written = copyAndHash(new ByteArrayInputStream(bytes), temp);
            moveIntoPlace(temp, target);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Like {@link #write(Path, byte[])} for a caller that needs no hash of what it wrote (reports):
     * same temporary file, fsync and atomic rename, but no SHA-256 pass over megabytes of HTML.
     *
     * @param target the file to write
     * @param bytes its new content
     * @throws IOException if the file cannot be written or moved into place; the target is then
     *     unchanged and no temporary file is left behind
     */
    public static void replace(Path target, byte[] bytes) throws IOException {
        replace(target, bytes, true);
    }

    /**
     * Like {@link #replace(Path, byte[])} for text a build derives again (the reports): a reader
     * still sees the whole old file or the whole new one, but nothing is forced to disk, which for
     * megabytes of reports costs more than rendering them; a power cut right after may leave the
     * file empty, and the next build writes it again. The text is written as UTF-8 a slice at a
     * time: no copy of megabytes of bytes is made, and the JDK encodes a slice of ASCII by a plain
     * copy, where a whole string holding one non-ASCII character (a gallery's '·', a prompt's 'é')
     * would be encoded character by character. The file holds exactly {@code text.getBytes(UTF_8)}.
     */
    public static void publish(Path target, String text) throws IOException {
        replace(target, false, out -> {
            int length = text.length();
            int start = 0;
            while (start < length) {
                int end = Math.min(length, start + TEXT_SLICE);
                if (end < length && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // a surrogate pair stays in one slice
                }
                writeFully(out, ByteBuffer.wrap(text.substring(start, end).getBytes(StandardCharsets.UTF_8)));
                start = end;
            }
        });
    }

    /** Characters {@link #publish(Path, String)} encodes and writes at a time. */
    private static final int TEXT_SLICE = 1 << 16;

    /** What is written into the temporary file before it replaces the target. */
    @FunctionalInterface
    private interface Content {
        void writeTo(FileChannel out) throws IOException;
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private static void replace(Path target, byte[] bytes, boolean durable) throws IOException {
        replace(target, durable, out -> writeFully(out, ByteBuffer.wrap(bytes)));
    }

    private static void replace(Path target, boolean durable, Content content) throws IOException {
        Path temp = createTempBeside(target);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
                if (durable) {
                    out.force(true);
                }
            } catch (IOException e) {
                throw new DestinationWriteException(temp, e);
            }
            move(temp, target, true, durable);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Like {@link #write(Path, byte[])}, but the temporary file is made in {@code scratchDirectory}
     * and renamed over the target from there. For files in a directory users commit (the lock file
     * in the project root): a build killed mid-write leaves its temporary file in the scratch
     * directory, not beside the user's files. If the two directories are on different file systems,
     * where no rename is atomic, the temporary file is made beside the target instead.
     *
     * @param target the file to write
     * @param bytes its new content
     * @param scratchDirectory where the temporary file is made (created if missing)
     * @return the size, SHA-256 and format of what was written
     * @throws IOException if the file cannot be written or moved into place; the target is then
     *     unchanged and no temporary file is left behind
     */
    public static Copied write(Path target, byte[] bytes, Path scratchDirectory) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = createTempBeside(scratchDirectory.resolve("x"));
        try {
            Copied written = copyAndHash(new ByteArrayInputStream(bytes), temp);
            if (moveIntoPlaceIfAtomic(temp, target)) {
                return written;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return write(target, bytes);
    }

    /**
     * Replaces {@code target} with a copy of {@code source} atomically, creating parent directories.
     *
     * @param source the file to copy
     * @param target the file to write
     * @return the size, SHA-256 and format of what was written, read on the way so the target needs no
     *     second read
     * @throws IOException if reading, writing or moving fails; the target is then unchanged
     */
    public static Copied copy(Path source, Path target) throws IOException {
        Path temp = createTempBeside(target);
        try {
            Copied copied = copyAndHash(source, temp);
            moveIntoPlace(temp, target);
            return copied;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes the temporary files and directories (names starting with {@value #TEMP_PREFIX}) directly
     * inside {@code dir} that were last modified before {@code olderThan}. Younger ones are kept
     * because another build may still be writing them.
     *
     * @param dir the directory to clean; nothing happens if it does not exist
     * @param olderThan entries modified before this instant are deleted
     * @return how many entries were deleted
     * @throws IOException if the directory cannot be listed
     */
    public static int cleanStaleTemps(Path dir, Instant olderThan) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path child : children) {
                try {
                    if (Files.getLastModifiedTime(child).toInstant().isBefore(olderThan)) {
                        deleteRecursively(child);
                        deleted++;
                    }
                } catch (NoSuchFileException raced) {
                    // another build cleaned it first
                }
            }
        }
        return deleted;
    }

    /**
     * Like {@link #cleanStaleTemps} for every directory under {@code root}, for trees such as the
     * output directory where {@link #copy} leaves a temporary file beside its target if the build is
     * killed.
     *
     * @param root the directory tree to clean; nothing happens if it does not exist
     * @param olderThan entries modified before this instant are deleted
     * @return how many entries were deleted
     * @throws IOException if a directory cannot be listed
     */
    public static int cleanStaleTempsUnder(Path root, Instant olderThan) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] deleted = {0};
        Files.walkFileTree(root, new VanishTolerantVisitor() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                deleted[0] += cleanStaleTemps(dir, olderThan);
                return FileVisitResult.CONTINUE;
            }
        });
        return deleted[0];
    }

    /** Another build's cleanup may delete what a walk is about to visit; only other failures count. */
    private abstract static class VanishTolerantVisitor extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }
    }

    /** An empty new file named {@code .tmp-<random>} in the target's directory. */
    public static Path createTempBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        while (true) {
            try {
                return Files.createFile(dir.resolve(randomTempName()));
            } catch (FileAlreadyExistsException collision) {
                // astronomically unlikely; draw another name
            }
        }
    }

    public static String randomTempName() {
        return TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    /**
     * The size, lower-case hex SHA-256 and sniffed format of a written file.
     *
     * @param format read from the first bytes; UNKNOWN when they match no known format
     */
    public record Copied(long size, String sha256, MediaFormat format) {}

    /**
     * Copies {@code source} over the existing {@code destination}, hashing on the way, and fsyncs it.
     * One read of the source serves both, which matters for videos.
     */
    public static Copied copyAndHash(Path source, Path destination) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return copyAndHash(in, destination);
        }
    }

    /**
     * Streams {@code in} into {@code destination} (created or truncated) in fixed steps, hashing,
     * counting and sniffing on the way, and fsyncs it: a body of any size is never held in memory.
     * Pair with {@link #createTempBeside} and {@link #moveIntoPlace} to check the result before it
     * replaces anything.
     *
     * @throws DestinationWriteException if {@code destination} cannot be written
     * @throws IOException as thrown by {@code in}
     */
    public static Copied copyAndHash(InputStream in, Path destination) throws IOException {
        return HashingCopy.copy(in, destination, Long.MAX_VALUE);
    }

    /**
     * Like {@link #copyAndHash(InputStream, Path)}, but stops after {@code limit} bytes, so a hostile
     * server cannot fill the disk: ask for one byte more than expected to learn that a body is too long.
     */
    public static Copied copyAndHash(InputStream in, Path destination, long limit) throws IOException {
        return HashingCopy.copy(in, destination, limit);
    }

    /** Renames a finished temp file over the target, then makes the rename durable. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        move(temp, target, true, true);
    }

    /**
     * Renames a finished temp file over the target atomically and makes the rename durable.
     *
     * @return false, with nothing moved, if the file system cannot rename atomically between the two
     */
    public static boolean moveIntoPlaceIfAtomic(Path temp, Path target) throws IOException {
        return move(temp, target, false, true);
    }

    private static boolean move(Path temp, Path target, boolean copyIfNotAtomic, boolean durable) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    if (!copyIfNotAtomic) {
                        return false;
                    }
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (durable) {
                    fsyncDirectory(target.toAbsolutePath().getParent());
                }
                return true;
            } catch (NoSuchFileException e) {
                throw e;
            } catch (FileSystemException e) {
                // Windows virus scanners and indexers briefly hold new files open; a retry gets through.
                if (attempt >= MOVE_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Renames a finished directory to {@code target} unless something already sits there.
     *
     * @return true if moved, false if {@code target} already existed (the source is left in place)
     */
    public static boolean moveDirectoryIfAbsent(Path source, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            if (Files.exists(target)) {
                return false;
            }
            try {
                // No REPLACE_EXISTING and no fallback: only an atomic rename keeps a half entry invisible.
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                fsyncDirectory(target.toAbsolutePath().getParent());
                return true;
            } catch (FileSystemException e) {
                if (Files.exists(target)) {
                    return false;
                }
                if (e instanceof AtomicMoveNotSupportedException || attempt >= MOVE_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Makes a directory's entries (a rename, a new file) durable. Linux and macOS allow this; Windows
     * cannot open a directory as a channel, and NTFS journals renames anyway.
     */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // best effort by design; see above
        }
    }

    /** Deletes a file or a directory tree; what vanishes meanwhile (another build's cleanup) is no error. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new VanishTolerantVisitor() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(MOVE_RETRY_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while retrying a file move");
        }
    }
}
