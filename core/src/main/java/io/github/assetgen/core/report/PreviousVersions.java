package io.github.assetgen.core.report;

import io.github.assetgen.core.files.AtomicFiles;
import io.github.assetgen.core.files.MediaFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the previous version of each changed asset from the cache to {@value #DIRECTORY}{@code
 * /<id>/} beside the report, so the gallery that shows it beside the new one works wherever the
 * report directory is published. The directory is this build's only: an older build's copies are
 * removed first. A file that cannot be copied, or is larger than {@value #MAX_BYTES} bytes, is left
 * out (the gallery then names the change without the picture). Stateless.
 */
final class PreviousVersions {

    static final String DIRECTORY = "previous";

    /** A reviewer compares pictures and short clips; larger files stay out of the archived reports. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private PreviousVersions() {}

    /** The outcomes, with the previous files of each change copied beside the report. */
    static List<AssetOutcome> copy(Path reportDir, List<AssetOutcome> outcomes) throws IOException {
        Path root = reportDir.resolve(DIRECTORY);
        AtomicFiles.deleteRecursively(root);
        List<AssetOutcome> copied = new ArrayList<>();
        for (AssetOutcome outcome : outcomes) {
            AssetOutcome.Change change = outcome.change();
            if (change == null || change.previousFiles().isEmpty()) {
                copied.add(outcome);
                continue;
            }
            Path dir = root.resolve(outcome.id()).normalize();
            if (!dir.startsWith(root)) {
                copied.add(outcome.withChange(withFiles(change, List.of())));
                continue;
            }
            List<Path> files = new ArrayList<>();
            int index = 1;
            for (Path source : change.previousFiles()) {
                Path target = dir.resolve(index++ + "."
                        + MediaFormat.fromExtension(source.toString()).extension());
                if (copyOne(source, target)) {
                    files.add(target);
                }
            }
            copied.add(outcome.withChange(withFiles(change, files)));
        }
        return copied;
    }

    private static boolean copyOne(Path source, Path target) {
        try {
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS) || Files.size(source) > MAX_BYTES) {
                return false;
            }
            AtomicFiles.copy(source, target);
            return true;
        } catch (IOException e) {
            // the previous version is a courtesy to the reviewer: a cache entry gone meanwhile only loses it
            return false;
        }
    }

    private static AssetOutcome.Change withFiles(AssetOutcome.Change change, List<Path> files) {
        return new AssetOutcome.Change(change.previousKey(), change.fields(), change.previousPrompt(), files);
    }
}
