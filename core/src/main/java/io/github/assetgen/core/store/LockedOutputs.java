package io.github.assetgen.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the files on disk are the outputs a {@link LockFile.Entry} records; see {@link LockFile#upToDate}. */
final class LockedOutputs {

    private LockedOutputs() {}

    static boolean match(LockFile.Entry entry, Path outputDir, OutputStamps stamps) throws IOException {
        // a batch: a missing or resized file anywhere fails it before any file is read
        if (entry.files().size() > 1) {
            for (LockFile.LockedFile file : entry.files()) {
                Path path = outputDir.resolve(file.path());
                if (!Files.isRegularFile(path) || Files.size(path) != file.size()) {
                    return false;
                }
            }
        }
        for (LockFile.LockedFile file : entry.files()) {
            if (!stamps.holds(outputDir.resolve(file.path()), file.sha256(), file.size())) {
                return false;
            }
        }
        return true;
    }
}
