package io.github.assetgen.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.assetgen.core.files.Hashing;
import io.github.assetgen.core.files.MediaFormat;
import io.github.assetgen.core.request.AssetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An {@link AssetCache} entry's {@code entry.json}, written and read. Its own class because reading
 * is where nothing on disk is trusted: a file name that is not {@code <n>.<ext>}, a key other than
 * the directory's, a malformed hash or a symbolic link makes the whole entry damaged. Stateless.
 */
final class EntryFile {

    private static final Pattern FILE_NAME = Pattern.compile("[1-9][0-9]{0,3}\\.[a-z0-9]{1,8}");

    private EntryFile() {}

    static EntryJson toJson(CacheEntry entry) {
        List<EntryJson.FileJson> files = new ArrayList<>();
        for (CachedFile file : entry.files()) {
            files.add(new EntryJson.FileJson(
                    file.name(),
                    file.sha256(),
                    file.size(),
                    file.format().name().toLowerCase(Locale.ROOT)));
        }
        return new EntryJson(
                EntryJson.FORMAT_VERSION,
                entry.key(),
                entry.provider(),
                entry.model(),
                entry.type().specName(),
                files,
                entry.credits(),
                entry.jobIds(),
                entry.createdAt().toString(),
                entry.request());
    }

    static CacheEntry read(String key, Path entryDir) throws IOException, DamagedEntry {
        EntryJson json;
        Path entryJson = entryDir.resolve(AssetCache.ENTRY_JSON);
        if (Files.isSymbolicLink(entryJson)) {
            throw new DamagedEntry(AssetCache.ENTRY_JSON + " is a symbolic link");
        }
        try {
            json = StoreJson.MAPPER.readValue(Files.readAllBytes(entryJson), EntryJson.class);
        } catch (NoSuchFileException e) {
            throw new DamagedEntry(AssetCache.ENTRY_JSON + " is missing");
        } catch (JsonProcessingException e) {
            throw new DamagedEntry(AssetCache.ENTRY_JSON + " does not parse: " + e.getOriginalMessage());
        }
        if (json == null || json.formatVersion() != EntryJson.FORMAT_VERSION) {
            throw new DamagedEntry(AssetCache.ENTRY_JSON + " has an unknown formatVersion");
        }
        if (!key.equals(json.key())) {
            throw new DamagedEntry(AssetCache.ENTRY_JSON + " names key " + json.key());
        }
        AssetType type = AssetType.fromSpecName(json.type());
        if (json.provider() == null
                || json.model() == null
                || type == null
                || json.files() == null
                || json.files().isEmpty()
                || json.createdAt() == null) {
            throw new DamagedEntry(AssetCache.ENTRY_JSON + " lacks provider, model, type, files or createdAt");
        }
        List<CachedFile> files = new ArrayList<>();
        for (EntryJson.FileJson file : json.files()) {
            if (file == null
                    || file.name() == null
                    || !FILE_NAME.matcher(file.name()).matches()
                    || !Hashing.isSha256Hex(file.sha256())
                    || file.size() < 0) {
                throw new DamagedEntry(AssetCache.ENTRY_JSON + " has a malformed file record");
            }
            files.add(new CachedFile(
                    file.name(),
                    entryDir.resolve(file.name()),
                    file.sha256(),
                    file.size(),
                    parseFormat(file.format())));
        }
        try {
            return new CacheEntry(
                    key,
                    entryDir,
                    json.provider(),
                    json.model(),
                    type,
                    files,
                    json.credits(),
                    json.jobIds() == null ? List.of() : json.jobIds(),
                    Instant.parse(json.createdAt()),
                    // only a request that hashes to the key is this entry's: an older or edited one is dropped
                    json.request() != null && key.equals(Hashing.sha256(json.request())) ? json.request() : null);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new DamagedEntry(AssetCache.ENTRY_JSON + " has a malformed createdAt or job id");
        }
    }

    private static MediaFormat parseFormat(String format) throws DamagedEntry {
        try {
            return MediaFormat.valueOf(String.valueOf(format).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DamagedEntry(AssetCache.ENTRY_JSON + " has unknown format " + format);
        }
    }

    /** Why an entry on disk cannot be trusted. */
    static final class DamagedEntry extends Exception {
        private static final long serialVersionUID = 1L;

        DamagedEntry(String message) {
            super(message, null, false, false);
        }
    }
}
