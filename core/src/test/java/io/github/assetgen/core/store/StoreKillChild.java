package io.github.assetgen.core.store;

import io.github.assetgen.core.request.AssetType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * A build for {@link StoreKillTest} that stores and restores big files in a loop until it is killed.
 * Arguments: cache directory, output file, work directory.
 */
public final class StoreKillChild {

    static final int SIZE = 8 * 1024 * 1024;

    private StoreKillChild() {}

    public static void main(String[] args) throws Exception {
        AssetCache cache = AssetCache.withDirectory(Path.of(args[0]), Clock.systemUTC(), System.err::println);
        Path output = Path.of(args[1]);
        Path work = Path.of(args[2]);
        List<Path> sources = List.of(
                Files.write(work.resolve("a.png"), content((byte) 'a')),
                Files.write(work.resolve("b.png"), content((byte) 'b')));
        EntryMetadata meta = new EntryMetadata("useapi", "image-01", AssetType.IMAGE, null, List.of());
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; ; i++) {
            CacheEntry entry = cache.store(StoreFixtures.key("k" + i), List.of(sources.get(i % 2)), meta);
            cache.restore(entry, List.of(output));
            System.out.println("STORED " + i);
            System.out.flush();
        }
    }

    static byte[] content(byte fill) {
        byte[] bytes = new byte[SIZE];
        Arrays.fill(bytes, fill);
        byte[] head = StoreFixtures.png("");
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
