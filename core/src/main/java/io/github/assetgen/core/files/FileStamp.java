package io.github.assetgen.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says of a file without reading it: size, modification time, and where the
 * platform tells them, the inode-change time and the file's identity (device and inode). An edit
 * changes the size or the modification time; a tool that puts the modification time back
 * ({@code touch -r}, {@code cp -p}, {@code rsync -t}) still changes the change time, which no user
 * call can set, and a file replaced by a rename has a new identity. Compared as a whole.
 *
 * @param size bytes
 * @param modifiedNanos modification time, nanoseconds since the epoch (as fine as the file system keeps it)
 * @param changedNanos inode-change time in nanoseconds, or -1 where the platform has none (Windows)
 * @param identity the platform's file key (device and inode on Unix), or null where it has none
 */
public record FileStamp(long size, long modifiedNanos, long changedNanos, String identity) {

    private static final String UNIX_ATTRIBUTES = "unix:mode,size,lastModifiedTime,ctime,dev,ino";

    /** Whether this platform offers the "unix" attribute view (Linux, macOS); read once. */
    private static volatile Boolean unixView;

    /**
     * The stamp of a regular file as it is now.
     *
     * @return empty when there is no regular file at {@code file}
     * @throws IOException when its attributes cannot be read
     */
    public static Optional<FileStamp> of(Path file) throws IOException {
        try {
            if (unixView != Boolean.FALSE) {
                try {
                    return Optional.ofNullable(unix(file));
                } catch (UnsupportedOperationException | IllegalArgumentException e) {
                    unixView = Boolean.FALSE;
                }
            }
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            if (!basic.isRegularFile()) {
                return Optional.empty();
            }
            Object key = basic.fileKey();
            return Optional.of(new FileStamp(
                    basic.size(), nanos(basic.lastModifiedTime()), -1, key == null ? null : key.toString()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static FileStamp unix(Path file) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(file, UNIX_ATTRIBUTES);
        unixView = Boolean.TRUE;
        // st_mode's file type bits (S_IFMT), as stat(2) documents them: only S_IFREG is a regular file
        if (((Integer) attributes.get("mode") & 0170000) != 0100000) {
            return null;
        }
        return new FileStamp(
                (Long) attributes.get("size"),
                nanos((FileTime) attributes.get("lastModifiedTime")),
                nanos((FileTime) attributes.get("ctime")),
                attributes.get("dev") + ":" + attributes.get("ino"));
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
