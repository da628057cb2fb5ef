package io.github.assetgen.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;

/**
 * Issue #14, item 2, the floor: SnakeYAML alone reading every {@code .yaml} file of a folder into
 * events, in a fresh JVM, with no assetgen code. {@code src/bench/yaml-floor.sh} times it against the
 * same JVM started with no folder, which gives what reading the specs costs any YAML-based validator
 * before a single rule is checked or a report written.
 *
 * <p>Argument: the folder (none: start and stop, the baseline).
 */
public final class YamlFloor {

    private YamlFloor() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            return;
        }
        long events = 0;
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of(args[0]))) {
            files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (Event ignored : new Yaml().parse(in)) {
                    events++;
                }
            }
        }
        if (events == 0) {
            throw new IllegalStateException("no YAML read from " + args[0]);
        }
    }
}
